import { utf8 } from '../../src-shared/crypto/bytes';
import { sodium } from '../../src-shared/crypto/sodium';
import type { Assignment } from '../../src-shared/domain/assignment';
import {
  describeTrackerRead,
  readTrackerForm,
  type ReturnedDay,
  type ReturnedTrackerProblem,
  returnedTrackerMessages,
  TRACKER_SECRET_BYTES,
  type TrackerRead,
  trackerReference,
  trackerTag,
} from '../../src-shared/domain/returned-tracker';
import {
  type ReadReturnedTrackerOptions,
  type ReturnedPdfProblem,
  readReturnedTracker,
  returnedPdfMessages,
} from '../documents/read-returned-tracker';
import { type TrackerFormOptions, withTrackerForm } from '../documents/tracker-form';
import { internalsOf, type VaultSession } from './vault-session';

/** Separates the phone tracker's secret from every other use of the vault's key. */
const TRACKER_KEY_CONTEXT = 'bridgework/phone-tracker/secret/v1';

/**
 * The secret behind a phone tracker's reference and tag: a keyed hash of the vault's data key, so
 * a practice keeps the same reference in every tracker from this vault (across passphrase changes
 * too), a tracker from another vault is told apart, and nobody without the key can link a
 * reference to a practice.
 */
function trackerSecret(session: VaultSession): Uint8Array {
  const { keys } = internalsOf(session);
  return sodium().crypto_generichash(TRACKER_SECRET_BYTES, utf8(TRACKER_KEY_CONTEXT), keys.dataKey);
}

/** What a practice's tracker form is named with: its reference, and the tag that proves it ours. */
export function trackerFormFor(
  session: VaultSession,
  assignment: Pick<Assignment, 'id'>,
): { reference: string; tag: string } {
  const secret = trackerSecret(session);
  const reference = trackerReference(secret, assignment.id);
  return { reference, tag: trackerTag(secret, reference) };
}

/**
 * The phone handout's PDF made fillable for this practice: its tracker pages (`days` and
 * `columns` as drawn, by default its last pages) get the form, named for this practice in this
 * vault (`withTrackerForm`).
 */
export function withTrackerFormFor(
  session: VaultSession,
  assignment: Pick<Assignment, 'id'>,
  pdfBytes: Uint8Array,
  layout: Pick<TrackerFormOptions, 'days' | 'columns' | 'firstTrackerPage'>,
): Promise<Uint8Array> {
  return withTrackerForm(pdfBytes, { ...trackerFormFor(session, assignment), ...layout });
}

/** A returned tracker read for a practice, or why not. */
export type ReturnedTrackerOutcome =
  | {
      ok: true;
      /** The days the client filled in, as the grid takes them (`recordDay`), with their notes. */
      entries: ReturnedDay[];
      read: TrackerRead;
      /** What was read, in one sentence (`describeTrackerRead`). */
      summary: string;
    }
  | {
      ok: false;
      problem: ReturnedPdfProblem | ReturnedTrackerProblem;
      /** What to tell the clinician. */
      message: string;
    };

/**
 * Reads a tracker PDF the client sent back for `assignment`: the file is checked and parsed
 * (`readReturnedTracker`: caps, no encryption, no script, a time limit), and its form read for
 * this practice in this vault (`readTrackerForm`). Nothing is written: the clinician confirms the
 * entries, then each goes into the grid (`reviews.recordDay`). Never throws for a bad file.
 */
export async function readReturnedTrackerFor(
  session: VaultSession,
  assignment: Pick<Assignment, 'id' | 'dose' | 'days' | 'startsOn' | 'reviewBy' | 'trackerFields'>,
  file: Uint8Array | Blob,
  options: ReadReturnedTrackerOptions = {},
): Promise<ReturnedTrackerOutcome> {
  const pdf = await readReturnedTracker(file, options);
  if (!pdf.ok) {
    return { ok: false, problem: pdf.problem, message: returnedPdfMessages[pdf.problem] };
  }
  const result = readTrackerForm(pdf.values, { secret: trackerSecret(session), assignment });
  if (!result.ok) {
    return { ok: false, problem: result.problem, message: returnedTrackerMessages[result.problem] };
  }
  return { ...result, summary: describeTrackerRead(result.read) };
}
