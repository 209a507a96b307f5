import { Center } from '@mantine/core';
import { Spotlight, type SpotlightStore } from '@mantine/spotlight';
import { useEffect, useMemo } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import { usePreferences } from '../../session/usePreferences';
import { useLibraryItems } from '../../session/useLibrary';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { areas } from '../areas';
import { ChosenEntryAnnouncement } from './ChosenEntryAnnouncement';
import { PaletteAction } from './PaletteAction';
import {
  findPaletteEntries,
  type PaletteEntry,
  paletteEntries,
  paletteGroups,
  type PaletteScreen,
  type PaletteTarget,
} from './palette-entries';
import { type ReviewChoice, ReviewChoiceList } from './ReviewChoiceList';

/** Words each screen is also found by. */
const screenKeywords: Record<string, string> = {
  today: 'home week sessions calendar',
  clients: 'people',
  library: 'templates homework exercises',
  insights: 'completion progress charts what works',
  settings: 'backups passphrase recovery key locking theme handouts',
};

const screens: PaletteScreen[] = areas
  .filter((area) => area.inNavigation)
  .map((area) => ({
    label: area.label,
    route: area.home,
    keywords: screenKeywords[area.id] ?? '',
  }));

/**
 * What the palette lists: everything it offers, read when it opens (the clients, every session's
 * calendar entry, the templates) and kept current while it is open; each keystroke searches that
 * in memory and nothing is read or decrypted again. Null while it is being read.
 */
function usePaletteEntries(): PaletteEntry[] | null {
  const { clients, sessions } = useOpenVault();
  const prefs = usePreferences();
  const library = useLibraryItems();
  const read = useVaultQuery(async () => {
    const [everyone, calendars] = await Promise.all([clients.all(), sessions.calendars()]);
    return { clients: everyone.records, calendars };
  }, [clients, sessions]);
  const initialsOnly = prefs.data.initialsOnlyInLists;
  return useMemo(
    () =>
      read && !library.isLoading
        ? paletteEntries({
            screens,
            clients: read.clients,
            calendars: read.calendars,
            templates: library.items,
            initialsOnly,
            now: new Date(),
          })
        : null,
    [read, library.items, library.isLoading, initialsOnly],
  );
}

/**
 * Marks the first entry of the list shown as chosen, so Enter picks it and the arrow keys move
 * on from it. Spotlight does this itself only when the query changes, not when a list arrives
 * later (the entries read after the clinician started typing, a list of practice to review).
 */
function chooseFirstEntry(store: SpotlightStore): void {
  const list = document.getElementById(store.getState().listId);
  list?.querySelector('[data-selected]')?.removeAttribute('data-selected');
  list?.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
  store.updateState((state) => ({ ...state, selected: 0 }));
}

/** The palette's list: what matches the query, by group; or which practice to review. */
export function PaletteResults({
  store,
  query,
  choice,
  onChoose,
}: {
  store: SpotlightStore;
  query: string;
  choice: ReviewChoice | null;
  onChoose: (target: PaletteTarget) => void;
}) {
  const entries = usePaletteEntries();
  const found = useMemo(
    () => (entries ? findPaletteEntries(entries, query) : null),
    [entries, query],
  );
  useEffect(() => chooseFirstEntry(store), [store, found, choice]);

  return (
    <ChosenEntryAnnouncement>
      <ShownList found={found} choice={choice} onChoose={onChoose} />
    </ChosenEntryAnnouncement>
  );
}

function ShownList({
  found,
  choice,
  onChoose,
}: {
  found: PaletteEntry[] | null;
  choice: ReviewChoice | null;
  onChoose: (target: PaletteTarget) => void;
}) {
  if (choice) return <ReviewChoiceList choice={choice} onChoose={onChoose} />;
  if (!found)
    return (
      <Center py="md">
        <LoadingMark size="sm" label="Getting your clients and templates ready" />
      </Center>
    );
  return (
    <Spotlight.ActionsList aria-label="Results">
      {found.length === 0 && (
        <Spotlight.Empty>Nothing found for that. Try part of a name or a title.</Spotlight.Empty>
      )}
      {paletteGroups.map((group) => {
        const inGroup = found.filter((each) => each.group === group);
        if (inGroup.length === 0) return null;
        return (
          <Spotlight.ActionsGroup key={group} label={group}>
            {inGroup.map((each) => (
              <PaletteAction
                key={each.id}
                label={each.label}
                description={each.description}
                onClick={() => onChoose(each.target)}
              />
            ))}
          </Spotlight.ActionsGroup>
        );
      })}
    </Spotlight.ActionsList>
  );
}
