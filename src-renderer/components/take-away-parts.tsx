import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { HandoutNaming } from '../../src-shared/domain/preferences';
import { quoteUserText } from '../../src-shared/domain/text';
import type { SaveResult } from '../data/exports';
import type { DocumentCheck } from '../data/take-away';
import { UserText } from './UserText';

/**
 * The pieces the take-away buttons share: running a save (busy, the quiet "Saved …" or what
 * went wrong), reading a check before saving, and the warning for a name the fonts can't draw.
 */

/** What the last save said: the file it saved, or why it didn't. */
export type SaveNoticeState =
  { kind: 'saved'; fileName: string } | { kind: 'failed'; message: string };

/** The words for a failed save or a document that couldn't be made. */
function problemOf(caught: unknown): string {
  return caught instanceof Error && caught.message
    ? caught.message
    : 'Something went wrong and nothing was saved. Please try again.';
}

/**
 * Runs saves and prints one at a time: which is busy, and the notice of the last one. A
 * cancelled dialog, or a print (`null`), says nothing.
 */
export function useSaveAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<SaveNoticeState | null>(null);
  async function run(key: string, action: () => Promise<SaveResult | null>): Promise<void> {
    setBusy(key);
    setNotice(null);
    try {
      const result = await action();
      if (result?.saved) setNotice({ kind: 'saved', fileName: result.fileName ?? 'the file' });
    } catch (caught) {
      setNotice({ kind: 'failed', message: problemOf(caught) });
    } finally {
      setBusy(null);
    }
  }
  return { busy, notice, run, dismiss: () => setNotice(null) };
}

/** "Saved “evening-walks.pdf”." quietly, or what went wrong, plainly. */
export function SaveNotice({
  notice,
  onDismiss,
}: {
  notice: SaveNoticeState | null;
  onDismiss: () => void;
}) {
  return (
    // A polite live region (not role="status", so a section's own save status stays its only one).
    <div aria-live="polite">
      {notice?.kind === 'saved' && (
        <Text size="sm" c="dimmed">
          Saved {quoteUserText(notice.fileName, { max: 80 })}.
        </Text>
      )}
      {notice?.kind === 'failed' && (
        <Alert
          color="red"
          title="Nothing was saved"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={onDismiss}
        >
          {notice.message}
        </Alert>
      )}
    </div>
  );
}

/**
 * A check made before saving (what a document will print, whether a reminder can be made),
 * made again when `deps` change — shortly after, so typing doesn't run it on every key.
 * Undefined until the first is done or when it failed.
 */
export function useCheck<T>(check: () => Promise<T>, deps: unknown[]): T | undefined {
  const [result, setResult] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      check().then(
        (value) => current && setResult({ value }),
        () => current && setResult(undefined),
      );
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `check` is a new function each render; the caller's `deps` say when what it reads changes.
  }, deps);
  return result?.value;
}

/** Whether a check lets a PDF be made: no letter anywhere that would print as an empty box. */
export const printable = (check: DocumentCheck | undefined) =>
  check !== undefined && check.nameCharacters.length === 0 && check.textCharacters.length === 0;

/**
 * What stops a PDF: the client's name (or other words) with letters the fonts can't draw, which
 * would print as empty boxes. For the name, the way out in one click: initials, or no name when
 * the initials can't be drawn either.
 */
export function PrintableCheck({
  check,
  naming,
  onNaming,
}: {
  check: DocumentCheck | undefined;
  naming: HandoutNaming;
  onNaming: (naming: HandoutNaming) => void;
}) {
  if (!check) return null;
  return (
    <>
      {check.nameCharacters.length > 0 && (
        <Alert color="orange" title="The name can’t be printed as it is">
          <Text size="sm">
            <UserText>{check.printedName}</UserText> has letters the handout’s fonts can’t draw (
            <UserText>{check.nameCharacters.join(' ')}</UserText>), so it would print as empty
            boxes.
          </Text>
          <Group gap="xs" mt="xs">
            {naming === 'first-name' ? (
              <Button size="xs" variant="white" onClick={() => onNaming('initials')}>
                Use initials
              </Button>
            ) : (
              <Button size="xs" variant="white" onClick={() => onNaming('none')}>
                Leave the name off
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {check.textCharacters.length > 0 && (
        <Alert color="orange" title="Some words can’t be printed">
          <Text size="sm">
            The handout’s fonts can’t draw <UserText>{check.textCharacters.join(' ')}</UserText>.
            Please write those words another way before saving or printing; they would show as empty
            boxes.
          </Text>
        </Alert>
      )}
    </>
  );
}

/** In discreet wording, what was left out, quietly (it's never printed). */
export function LeftOutNote({ check }: { check: DocumentCheck | undefined }) {
  if (!check || check.leftOut.length === 0) return null;
  const items = [...new Set(check.leftOut)];
  return (
    <Text size="xs" c="dimmed">
      Left out in discreet wording because it could reveal therapy: {items.join('; ')}.
    </Text>
  );
}
