import { stat } from 'node:fs/promises';
import { deriveKeyFromPassphrase } from '../../src-shared/crypto/kdf';
import { sodium } from '../../src-shared/crypto/sodium';
import type { BackupSummary } from '../../src-shared/vault/backup-format';
import {
  type PassphraseKdf,
  type UnlockedVault,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from '../../src-shared/vault/key-slots';
import { attachmentOpens } from '../../src-shared/vault/attachment-codec';
import { decryptRecord } from '../../src-shared/vault/record-codec';
import { parseRecoveryKey } from '../../src-shared/vault/recovery-key';
import {
  describeBackupProblem,
  isVaultError,
  type VaultErrorCode,
} from '../../src-shared/vault/vault-error';
import { inspectBackupFile, readBackupOpening } from '../services/backup-file';

/**
 * `npm run vault -- verify FILE`: checks a backup file with the same code the app uses to list
 * and restore backups. Without a passphrase it checks structure and checksum; with the
 * passphrase (or recovery key) as the first line of standard input it also checks the backup's
 * MAC and opens every record. It never changes the file and never prints a record's content.
 */

/** Exit code: the backup is sound. */
export const EXIT_VERIFIED = 0;
/** Exit code: the backup is damaged, or is not a backup this version can check. */
export const EXIT_DAMAGED = 1;
/** Exit code: the command was used wrongly (arguments, missing file, a secret that doesn't open it). */
export const EXIT_USAGE = 2;

/** Where the command reads its secret from and writes its lines to. */
export type VerifyIo = {
  /** Standard input, or null when there is none to read. */
  stdin: AsyncIterable<Buffer | string> | null;
  /** A terminal is never read from: the secret must be piped in. */
  stdinIsTTY: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
};

/** The help text, including what each exit code means. */
export const verifyUsage = [
  'Usage: npm run vault -- verify FILE',
  '',
  'Checks a Bridgework backup file (.bwvault) without changing it.',
  '  With nothing on standard input it checks the structure and checksum; no passphrase needed.',
  "  With the vault's passphrase or recovery key as the first line of standard input it also",
  '  checks that the backup opens and that every record and worksheet file in it is intact,',
  '  for example:',
  '    read -rs SECRET && printf "%s\\n" "$SECRET" | npm run vault -- verify FILE',
  '  It prints the number of records in each table, never their content; a damaged worksheet',
  '  file is named by its id.',
  '',
  'Exit codes:',
  '  0  verified: the backup is sound',
  '  1  damaged, or not a backup this version of Bridgework can check (the last line says why)',
  "  2  usage problem: wrong arguments, no such file, or a passphrase that doesn't open the backup",
].join('\n');

/** Longest first line of standard input read as a secret. */
const MAX_SECRET_BYTES = 64 * 1024;

/** Codes that mean "not something this version can check" rather than "broken". */
const NOT_CHECKABLE: ReadonlySet<VaultErrorCode> = new Set([
  'NEWER_VERSION',
  'UNSUPPORTED_VERSION',
  'NOT_A_VAULT',
]);

const passphraseKdf: PassphraseKdf = async (passphrase, salt, params) =>
  deriveKeyFromPassphrase(passphrase, salt, params);

function usageError(io: VerifyIo, problem: string): number {
  io.err(problem);
  io.err('');
  io.err(verifyUsage);
  return EXIT_USAGE;
}

/** The first line of standard input without its line ending, or null when there is none. */
async function readSecret(io: VerifyIo): Promise<string | null> {
  if (!io.stdin || io.stdinIsTTY) return null;
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(bytes);
    length += bytes.length;
    if (bytes.includes(0x0a) || length >= MAX_SECRET_BYTES) break;
  }
  const text = Buffer.concat(chunks).subarray(0, MAX_SECRET_BYTES).toString('utf8');
  const firstLine = (text.split('\n')[0] ?? '').replace(/\r$/, '').replace(/^\uFEFF/, '');
  return firstLine.length > 0 ? firstLine : null;
}

/** The vault name as printed: quoted, with control and bidi characters shown as escapes. */
function quotedName(name: string): string {
  return JSON.stringify(name).replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function formatUtc(timestamp: number): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return 'at an unknown time';
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function recordLines(summary: BackupSummary): string[] {
  const tables = Object.entries(summary.tables).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (tables.length === 0) return ['Records: none'];
  return tables.map(([table, count]) => `Records: ${table} ${count}`);
}

/** A file-system error (as opposed to a problem with the file's content). */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'syscall' in error && typeof error.syscall === 'string';
}

function problemLine(error: unknown): string {
  if (isVaultError(error)) {
    const label = NOT_CHECKABLE.has(error.code) ? 'NOT VERIFIED' : 'DAMAGED';
    return `${label}: ${describeBackupProblem(error.code)}`;
  }
  return `DAMAGED: ${describeBackupProblem('DAMAGED')}`;
}

type Unlocked = { vault: UnlockedVault } | { wrong: string };

/** Opens the backup's header with a recovery key (when the text is one) or a passphrase. */
async function unlock(headerBytes: Uint8Array, secret: string): Promise<Unlocked> {
  const looksLikeRecoveryKey = parseRecoveryKey(secret) !== null;
  if (looksLikeRecoveryKey) {
    try {
      return { vault: unlockWithRecoveryKey(headerBytes, secret) };
    } catch (error) {
      if (!isVaultError(error, 'WRONG_RECOVERY_KEY')) throw error;
    }
  }
  try {
    return { vault: await unlockWithPassphrase(headerBytes, secret, passphraseKdf) };
  } catch (error) {
    if (!isVaultError(error, 'WRONG_PASSPHRASE')) throw error;
  }
  return {
    wrong: looksLikeRecoveryKey
      ? "That passphrase or recovery key doesn't open this backup."
      : "That passphrase doesn't open this backup.",
  };
}

/**
 * Runs `vault <args>` and returns the process exit code: 0 verified, 1 damaged (or a backup
 * this version cannot check), 2 usage problem (see `verifyUsage`).
 */
export async function verifyBackupCommand(args: readonly string[], io: VerifyIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(verifyUsage);
    return EXIT_VERIFIED;
  }
  const [command, path, ...extra] = args;
  if (command === undefined) return usageError(io, 'Please name a command.');
  if (command !== 'verify') return usageError(io, `Unknown command: ${command}`);
  if (path === undefined) return usageError(io, 'Please name the backup file to check.');
  if (path.startsWith('-') && path.length > 1)
    return usageError(io, `Unknown option: ${path} (write ./${path} for a file of that name)`);
  if (extra.length > 0) return usageError(io, `Unexpected arguments: ${extra.join(' ')}`);

  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if (isFileSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
      io.err(`No such file: ${path}`);
    } else {
      io.err(`Couldn't read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return EXIT_USAGE;
  }
  if (!info.isFile()) {
    io.err(`Not a file: ${path}`);
    return EXIT_USAGE;
  }

  const secret = await readSecret(io);
  if (secret === null) {
    const summary = await checkStructure(path, io);
    if (typeof summary === 'number') return summary;
    io.out('Passphrase check and full integrity: Not checked (no passphrase on standard input)');
    for (const line of recordLines(summary)) io.out(line);
    io.out('verified');
    return EXIT_VERIFIED;
  }

  // The key file is all the passphrase needs, so the file is read whole only once, with the
  // key: structure, checksum, MAC and every record in one pass. Only when that pass fails is the
  // structure checked on its own, to say which kind of problem it is.
  let unlocked: Unlocked;
  try {
    const opening = await readBackupOpening(path);
    unlocked = await unlock(opening.headerBytes, secret);
  } catch (error) {
    const summary = await checkStructure(path, io);
    if (typeof summary === 'number') return summary;
    io.out('Passphrase check and full integrity: FAILED');
    for (const line of recordLines(summary)) io.out(line);
    io.out(problemLine(error));
    return EXIT_DAMAGED;
  }
  if ('wrong' in unlocked) {
    const summary = await checkStructure(path, io);
    if (typeof summary === 'number') return summary;
    io.out('Passphrase check and full integrity: Not checked (the passphrase was not accepted)');
    for (const line of recordLines(summary)) io.out(line);
    io.out(`NOT VERIFIED: ${unlocked.wrong}`);
    return EXIT_USAGE;
  }

  const { header, dataKey } = unlocked.vault;
  const failed: { address: string | null } = { address: null };
  const damagedWorksheets: string[] = [];
  let summary: BackupSummary;
  try {
    summary = await inspectBackupFile(path, {
      dataKey,
      // Every worksheet file is decrypted chunk by chunk; a damaged one is noted and the
      // check goes on, because a restore brings back everything else without it.
      onAttachment: (attachment) => {
        if (!attachmentOpens(dataKey, attachment.id, attachment.stored))
          damagedWorksheets.push(attachment.id);
      },
      onRecord: (record) => {
        try {
          const { plaintext } = decryptRecord(
            dataKey,
            { vaultId: header.vaultId, table: record.table, recordId: record.id },
            record.sealed,
          );
          sodium().memzero(plaintext);
        } catch (error) {
          failed.address = `${record.table}/${record.id}`;
          throw error;
        }
      },
    });
  } catch (error) {
    if (isFileSystemError(error)) {
      io.err(`Couldn't read ${path}: ${error.message}`);
      return EXIT_USAGE;
    }
    const structure = await checkStructure(path, io);
    if (typeof structure === 'number') return structure;
    io.out('Passphrase check and full integrity: FAILED');
    for (const line of recordLines(structure)) io.out(line);
    io.out(
      failed.address === null
        ? problemLine(error)
        : `DAMAGED: A record in this backup (${failed.address}) is damaged and can't be read, so the backup can't be fully restored.`,
    );
    return EXIT_DAMAGED;
  } finally {
    sodium().memzero(dataKey);
  }
  printOpening(summary, io);
  if (damagedWorksheets.length > 0) {
    io.out('Passphrase check and full integrity: FAILED');
    for (const line of recordLines(summary)) io.out(line);
    io.out(worksheetLine(summary, damagedWorksheets));
    io.out(
      `DAMAGED: ${damagedWorksheets.length === 1 ? 'A worksheet file' : `${damagedWorksheets.length} worksheet files`} in this backup (${damagedWorksheets.join(', ')}) can't be opened. Every record is intact: restoring this backup brings back everything else and leaves ${damagedWorksheets.length === 1 ? 'that worksheet' : 'those worksheets'} out.`,
    );
    return EXIT_DAMAGED;
  }
  io.out('Passphrase check and full integrity: OK');
  for (const line of recordLines(summary)) io.out(line);
  io.out(worksheetLine(summary, damagedWorksheets));
  io.out('verified');
  return EXIT_VERIFIED;
}

function printOpening(summary: BackupSummary, io: VerifyIo): void {
  io.out(`Backup of ${quotedName(summary.header.name)} made ${formatUtc(summary.createdAt)}`);
  io.out('Structure and checksum: OK');
}

/**
 * Checks the structure and checksum alone (no key) and prints the first lines: the backup's
 * name, date and "OK", or "FAILED" with the problem. Returns the summary, or the exit code
 * when the check failed.
 */
async function checkStructure(path: string, io: VerifyIo): Promise<BackupSummary | number> {
  let summary: BackupSummary;
  try {
    summary = await inspectBackupFile(path);
  } catch (error) {
    if (isFileSystemError(error)) {
      io.err(`Couldn't read ${path}: ${error.message}`);
      return EXIT_USAGE;
    }
    io.out('Structure and checksum: FAILED');
    io.out(problemLine(error));
    return EXIT_DAMAGED;
  }
  printOpening(summary, io);
  return summary;
}

function worksheetLine(summary: BackupSummary, damaged: readonly string[]): string {
  const intact = summary.attachmentCount - damaged.length;
  if (summary.attachmentCount === 0) return 'Worksheet files: none';
  return damaged.length === 0
    ? `Worksheet files: ${summary.attachmentCount}, all intact`
    : `Worksheet files: ${summary.attachmentCount}, ${intact} intact, ${damaged.length} damaged`;
}
