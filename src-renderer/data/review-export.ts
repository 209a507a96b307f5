import { utf8 } from '../../src-shared/crypto/bytes';
import { PSEUDONYM_SECRET_BYTES } from '../../src-shared/crypto/pseudonyms';
import { sodium } from '../../src-shared/crypto/sodium';
import { reviewsCsv } from '../../src-shared/domain/review-csv';
import { exportFromVault, type SaveResult, saveFile } from './exports';
import { internalsOf, type VaultSession } from './vault-session';

/** Separates the pseudonym secret from every other use of the vault's key. */
const PSEUDONYM_KEY_CONTEXT = 'bridgework/reviews-csv/pseudonyms/v1';

/**
 * The secret behind the de-identified CSV's pseudonyms and date shifts: a keyed hash of the
 * vault's data key, so a client keeps the same pseudonym in every export from this vault (across
 * passphrase changes too) while nobody without the key can link it back to them.
 */
function pseudonymSecret(session: VaultSession): Uint8Array {
  const { keys } = internalsOf(session);
  return sodium().crypto_generichash(
    PSEUDONYM_SECRET_BYTES,
    utf8(PSEUDONYM_KEY_CONTEXT),
    keys.dataKey,
  );
}

/**
 * Exports every finished review as a CSV file, one row per review, through the export use case
 * (logged once saved). De-identified — the default the screen offers — means stable pseudonyms,
 * dates moved by a per-client number of days, and no free text, titles or goals at all. A
 * byte-order mark leads the file so spreadsheet apps read accented names correctly.
 */
export async function exportReviewsCsv(
  session: VaultSession,
  { deidentified }: { deidentified: boolean },
): Promise<SaveResult & { rows: number }> {
  const [clients, reviews] = await Promise.all([session.clients.all(), session.reviews.all()]);
  const assignments = await session.assignments.forClients(clients.records.map((c) => c.id));
  const clientOf = new Map(clients.records.map((client) => [client.id, client]));
  const assignmentOf = new Map(assignments.records.map((each) => [each.id, each]));
  const rows = reviews.records.flatMap((review) => {
    const client = clientOf.get(review.clientId);
    return client && review.finished
      ? [{ client, assignment: assignmentOf.get(review.assignmentId), review }]
      : [];
  });
  const csv = reviewsCsv(rows, { deidentified, secret: pseudonymSecret(session) });
  const count = `${rows.length} ${rows.length === 1 ? 'review' : 'reviews'}`;
  const result = await exportFromVault(
    session,
    {
      what: deidentified ? `Reviews, de-identified (${count})` : `Reviews with names (${count})`,
      format: 'csv',
    },
    () =>
      saveFile(deidentified ? 'Reviews (de-identified)' : 'Reviews', 'csv', utf8(`\uFEFF${csv}`)),
  );
  return { ...result, rows: rows.length };
}
