import '@mantine/spotlight/styles.css';
import { Button, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { SessionBookingModal } from '../../components/SessionBookingModal';
import { describeVaultError } from '../../formatting/describe-error';
import { useNavigation } from '../../session/navigation';
import type { Route } from '../../session/routes';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { type PaletteTarget, practiceToReview } from './palette-entries';
import { PaletteResults } from './PaletteResults';
import type { ReviewChoice } from './ReviewChoiceList';

/** What the palette is called, for screen readers (the dialog) and on screen (the search box). */
export const PALETTE_NAME = 'Find a client, session, screen or template';

const shortcutLabel = /Mac/.test(navigator.platform) ? '⌘K' : 'Ctrl+K';

/**
 * Where focus goes back to when the palette closes without going anywhere (Escape, a click
 * outside, a booking given up): the element that had it when the palette opened. Mantine's own
 * return of focus is off, because after a jump it would pull focus back from the new screen's
 * heading (useHeadingFocus) to a control of the screen just left.
 */
function useFocusToReturn() {
  const element = useRef<HTMLElement | null>(null);
  const take = () => {
    const taken = element.current;
    element.current = null;
    return taken;
  };
  return {
    remember: () => {
      const active = document.activeElement;
      element.current = active instanceof HTMLElement && active !== document.body ? active : null;
    },
    /** The element, no longer kept: a jump leaves it, a booking gives it back itself. */
    take,
    give: () => take()?.focus(),
  };
}

/**
 * The command palette (Ctrl+K / ⌘K, from anywhere in an open vault, text boxes included): jumps
 * to any client, session, screen or template, and starts planning a client's next session or
 * reviewing their practice. It belongs to the therapist's window only (the client view has no
 * frame), reads what it lists only while it is open (see PaletteResults) and goes with the frame
 * when the vault locks: its store is this frame's own, never the module's shared one, so nothing
 * of it outlives the session.
 */
export function CommandPalette() {
  const [[store, palette]] = useState(createSpotlight);
  const { navigate } = useNavigation();
  const { assignments } = useOpenVault();
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState<ReviewChoice | null>(null);
  const [booking, setBooking] = useState<string | null>(null);
  // Where focus goes when a booking started here is given up (a booking made goes to its plan).
  const focusAfterBooking = useRef<HTMLElement | null>(null);
  const focus = useFocusToReturn();
  // Bumped whenever what the clinician asked for changes (a keystroke, closing), so a reading
  // of a client's practice that comes back late does nothing.
  const asked = useRef(0);

  const open = () => {
    if (store.getState().opened) return;
    focus.remember();
    // Each opening starts afresh (Spotlight clears the query only once its closing has animated).
    setQuery('');
    palette.open();
  };
  // Also from inside text boxes (no tags ignored): the palette is how the keyboard gets anywhere.
  useHotkeys([['mod+K', open]], []);

  const go = (route: Route) => {
    focus.take();
    palette.close();
    navigate(route);
  };

  async function reviewPracticeOf(target: Extract<PaletteTarget, { kind: 'review-practice' }>) {
    const review = (assignment: Assignment) =>
      go({ screen: 'review', assignmentId: assignment.id, sessionId: target.todaysSessionId });
    const request = asked.current;
    const found = await assignments.forClient(target.clientId).then(
      (read) => practiceToReview(read.records),
      (error: unknown) => ({ choose: describeVaultError(error) }),
    );
    if (request !== asked.current) return;
    if ('review' in found) review(found.review);
    else setChoice({ ...target, practice: found.choose, review });
  }

  const choose = (target: PaletteTarget) => {
    if (target.kind === 'go') go(target.route);
    else if (target.kind === 'plan-session') {
      if (target.nextSessionId) go({ screen: 'session', sessionId: target.nextSessionId });
      else {
        focusAfterBooking.current = focus.take();
        setBooking(target.clientId);
        palette.close();
      }
    } else void reviewPracticeOf(target);
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={<Kbd size="xs">{shortcutLabel}</Kbd>}
        onClick={open}
        aria-keyshortcuts="Control+K Meta+K"
      >
        Find
      </Button>
      <Spotlight.Root
        store={store}
        query={query}
        onQueryChange={(next) => {
          asked.current += 1;
          setQuery(next);
          setChoice(null);
        }}
        onSpotlightClose={() => {
          asked.current += 1;
          setChoice(null);
          focus.give();
        }}
        shortcut={null}
        returnFocus={false}
        // The dialog's name, for screen readers; the search box says it on screen.
        title={PALETTE_NAME}
        styles={{ header: { display: 'none' } }}
        closeOnActionTrigger={false}
        scrollable
        maxHeight={440}
      >
        <Spotlight.Search
          aria-label={PALETTE_NAME}
          placeholder="Find a client, a session, a screen or a template…"
          leftSection={<IconSearch size={18} aria-hidden />}
          autoComplete="off"
        />
        {/* The modal mounts its contents only while open: nothing is read while it is closed. */}
        <PaletteResults store={store} query={query} choice={choice} onChoose={choose} />
      </Spotlight.Root>
      {booking && (
        <SessionBookingModal
          clientId={booking}
          onClose={() => {
            setBooking(null);
            focusAfterBooking.current?.focus();
          }}
          onBooked={(session) => {
            focusAfterBooking.current = null;
            navigate({ screen: 'session', sessionId: session.id });
          }}
        />
      )}
    </>
  );
}
