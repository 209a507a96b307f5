import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import { concatBytes, utf8 } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { encryptAttachment } from '../../src-shared/vault/attachment-codec';
import {
  type BackupAttachment,
  type BackupRecord,
  BackupWriter,
} from '../../src-shared/vault/backup-format';
import { type CreatedVault, renameVault } from '../../src-shared/vault/key-slots';
import { encryptRecord } from '../../src-shared/vault/record-codec';
import { EXIT_DAMAGED, EXIT_USAGE, EXIT_VERIFIED, verifyBackupCommand } from './vault-verify';

const PASSPHRASE = 'correct horse battery staple';
const CREATED_AT = Date.UTC(2026, 10, 26, 22, 10);
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let dir: string;
let vault: CreatedVault;
let records: BackupRecord[];
let goodBytes: Uint8Array;
let goodFile: string;

function sealed(table: string, id: string): BackupRecord {
  return {
    table,
    id,
    sealed: encryptRecord(
      vault.dataKey,
      { vaultId: vault.header.vaultId, table, recordId: id },
      1,
      utf8(`{"note":"${table} ${id}"}`),
    ),
  };
}

function backupBytes(
  list: readonly BackupRecord[],
  headerBytes = vault.headerBytes,
  attachments: readonly BackupAttachment[] = [],
): Uint8Array {
  const writer = new BackupWriter(headerBytes, vault.dataKey, CREATED_AT);
  return concatBytes(
    writer.start(),
    ...list.map((record) => writer.record(record)),
    ...attachments.map((attachment) => writer.attachment(attachment)),
    writer.finish(),
  );
}

let fileCounter = 0;
async function fileWith(bytes: Uint8Array): Promise<string> {
  fileCounter += 1;
  const path = join(dir, `backup-${fileCounter}.bwvault`);
  await writeFile(path, bytes);
  return path;
}

type Run = { code: number; out: string[]; err: string[] };

/** Runs the command in this process, with `stdin` piped in (or a terminal when `tty`). */
async function verify(
  args: string[],
  stdin?: string,
  options: { tty?: boolean } = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyBackupCommand(args, {
    stdin: stdin === undefined ? null : Readable.from([Buffer.from(stdin, 'utf8')]),
    stdinIsTTY: options.tty ?? false,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

function lastLine(run: Run): string {
  return run.out.at(-1) ?? '';
}

beforeAll(async () => {
  await loadSodium();
  dir = await mkdtemp(join(tmpdir(), 'bridgework-verify-'));
  vault = await buildVault(PASSPHRASE);
  records = [
    sealed('clients', 'AAAAAAAAAAAAAAAAAAAAAA'),
    sealed('clients', 'BBBBBBBBBBBBBBBBBBBBBB'),
    sealed('clients', 'CCCCCCCCCCCCCCCCCCCCCC'),
    sealed('goals', 'AAAAAAAAAAAAAAAAAAAAAA'),
    sealed('goals', 'BBBBBBBBBBBBBBBBBBBBBB'),
  ];
  goodBytes = backupBytes(records);
  goodFile = await fileWith(goodBytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vault verify, checking a good backup', () => {
  it('checks the structure without a passphrase and prints the name, date and record counts', async () => {
    const run = await verify(['verify', goodFile]);
    expect(run.code).toBe(EXIT_VERIFIED);
    expect(run.out).toEqual([
      'Backup of "Test practice" made 2026-11-26 22:10 UTC',
      'Structure and checksum: OK',
      'Passphrase check and full integrity: Not checked (no passphrase on standard input)',
      'Records: clients 3',
      'Records: goals 2',
      'verified',
    ]);
    expect(run.err).toEqual([]);
  });

  it('checks full integrity when the passphrase is piped in, with or without a line ending', async () => {
    for (const input of [
      `${PASSPHRASE}\n`,
      `${PASSPHRASE}\r\n`,
      PASSPHRASE,
      `${PASSPHRASE}\nmore`,
    ]) {
      const run = await verify(['verify', goodFile], input);
      expect(run.code, JSON.stringify(input)).toBe(EXIT_VERIFIED);
      expect(run.out).toContain('Passphrase check and full integrity: OK');
      expect(run.out).toContain('Records: clients 3');
      expect(lastLine(run)).toBe('verified');
    }
  });

  it('accepts the recovery key in place of the passphrase', async () => {
    const run = await verify(['verify', goodFile], `${vault.recoveryKey.toLowerCase()}\n`);
    expect(run.code).toBe(EXIT_VERIFIED);
    expect(run.out).toContain('Passphrase check and full integrity: OK');
  });

  it('says "none" for a backup of an empty vault', async () => {
    const run = await verify(['verify', await fileWith(backupBytes([]))]);
    expect(run.code).toBe(EXIT_VERIFIED);
    expect(run.out).toContain('Records: none');
  });

  it('does not read a terminal, and treats empty input as no passphrase', async () => {
    const fromTerminal = await verify(['verify', goodFile], 'wrong passphrase\n', { tty: true });
    expect(fromTerminal.code).toBe(EXIT_VERIFIED);
    expect(fromTerminal.out).toContain(
      'Passphrase check and full integrity: Not checked (no passphrase on standard input)',
    );
    const empty = await verify(['verify', goodFile], '');
    expect(empty.code).toBe(EXIT_VERIFIED);
    expect(empty.out).toContain(
      'Passphrase check and full integrity: Not checked (no passphrase on standard input)',
    );
  });

  it('shows control characters in a vault name as escapes rather than printing them', async () => {
    const renamed = renameVault(vault, 'Evil\u001b[2Jname\u202e');
    const run = await verify(['verify', await fileWith(backupBytes([], renamed.headerBytes))]);
    expect(run.code).toBe(EXIT_VERIFIED);
    expect(run.out[0]).toBe('Backup of "Evil\\u001b[2Jname\\u202e" made 2026-11-26 22:10 UTC');
  });
});

describe('vault verify, checking the worksheet files in a backup', () => {
  const worksheetId = 'WWWWWWWWWWWWWWWWWWWWWW';
  const worksheet = () => encryptAttachment(vault.dataKey, worksheetId, new Uint8Array(150_000));

  it('opens every worksheet file and passes a backup whose files are intact', async () => {
    const path = await fileWith(
      backupBytes(records, undefined, [{ id: worksheetId, stored: worksheet() }]),
    );
    const run = await verify(['verify', path], `${PASSPHRASE}\n`);
    expect(run.code).toBe(EXIT_VERIFIED);
    expect(run.out).toContain('Worksheet files: 1, all intact');
  });

  it('fails an authentic backup (MAC from the real key) whose worksheet file is damaged inside', async () => {
    const good = worksheet();
    const lastByteFlipped = good.slice();
    lastByteFlipped[good.length - 1] = (lastByteFlipped[good.length - 1] ?? 0) ^ 0x01;
    const wrongMagic = good.slice();
    wrongMagic[0] = 0x58;
    const cutAfterStreamHeader = good.slice(0, 29);
    for (const [what, stored] of [
      ['last byte flipped', lastByteFlipped],
      ['cut after the stream header', cutAfterStreamHeader],
      ['wrong magic', wrongMagic],
    ] as const) {
      const path = await fileWith(backupBytes(records, undefined, [{ id: worksheetId, stored }]));
      const run = await verify(['verify', path], `${PASSPHRASE}\n`);
      expect(run.code, what).toBe(EXIT_DAMAGED);
      expect(run.out, what).toContain('Passphrase check and full integrity: FAILED');
      expect(run.out, what).toContain('Worksheet files: 1, 0 intact, 1 damaged');
      expect(lastLine(run), what).toMatch(
        new RegExp(
          `^DAMAGED: A worksheet file in this backup \\(${worksheetId}\\) can't be opened\\. Every record is intact`,
        ),
      );
    }
  });
});

describe('vault verify, checking a damaged backup', () => {
  it('never passes a backup with any single byte changed, at every offset', async () => {
    const small = backupBytes(records.slice(0, 1));
    const path = join(dir, 'flipped.bwvault');
    await writeFile(path, small);
    expect((await verify(['verify', path], `${PASSPHRASE}\n`)).code).toBe(EXIT_VERIFIED);
    for (let offset = 0; offset < small.length; offset++) {
      const flipped = small.slice();
      flipped[offset] = (flipped[offset] ?? 0) ^ 0x01;
      await writeFile(path, flipped);
      const run = await verify(['verify', path], `${PASSPHRASE}\n`);
      expect(run.code, `byte ${offset}: ${run.out.join(' | ')}`).toBe(EXIT_DAMAGED);
    }
  });

  it('names each kind of unusable file with its own message', async () => {
    const truncated = await verify(['verify', await fileWith(goodBytes.subarray(0, 200))]);
    const empty = await verify(['verify', await fileWith(new Uint8Array())]);
    const pdf = await verify(['verify', await fileWith(utf8('%PDF-1.7\n% a handout\n'))]);
    const newerBytes = goodBytes.slice();
    newerBytes[4] = 2;
    const newer = await verify(['verify', await fileWith(newerBytes)]);

    for (const run of [truncated, empty, pdf, newer]) {
      expect(run.code).toBe(EXIT_DAMAGED);
      expect(run.out).toContain('Structure and checksum: FAILED');
    }
    expect(lastLine(truncated)).toMatch(/^DAMAGED: .*incomplete/);
    expect(lastLine(empty)).toMatch(/^DAMAGED: .*empty/);
    expect(lastLine(pdf)).toMatch(/^NOT VERIFIED: .*isn't a Bridgework backup/);
    expect(lastLine(newer)).toMatch(/^NOT VERIFIED: .*newer version of Bridgework/);
    expect(new Set([truncated, empty, pdf, newer].map(lastLine)).size).toBe(4);
  });

  it('says the same of an unusable file when the passphrase is piped in', async () => {
    const newerBytes = goodBytes.slice();
    newerBytes[4] = 2;
    for (const bytes of [
      goodBytes.subarray(0, 200),
      goodBytes.subarray(0, goodBytes.length - 100),
      newerBytes,
    ]) {
      const path = await fileWith(bytes);
      const withPassphrase = await verify(['verify', path], `${PASSPHRASE}\n`);
      expect(withPassphrase.code).toBe(EXIT_DAMAGED);
      expect(withPassphrase.out).toEqual((await verify(['verify', path])).out);
    }
  });

  it('with the passphrase, notices a record dropped by someone without the key', async () => {
    const s = await loadSodium();
    const dropped = backupBytes(records.filter((_, i) => i !== 1));
    // The original MAC spliced on and the checksum recomputed: the structure looks fine.
    const body = concatBytes(
      dropped.subarray(0, dropped.length - 64),
      goodBytes.subarray(goodBytes.length - 64, goodBytes.length - 32),
    );
    const path = await fileWith(concatBytes(body, s.crypto_generichash(32, body, null)));

    expect((await verify(['verify', path])).code).toBe(EXIT_VERIFIED);
    const run = await verify(['verify', path], `${PASSPHRASE}\n`);
    expect(run.code).toBe(EXIT_DAMAGED);
    expect(run.out).toContain('Passphrase check and full integrity: FAILED');
    expect(lastLine(run)).toMatch(/^DAMAGED: .*records were removed, added or changed/);
  });

  it('with the passphrase, notices a record that does not open, and names it', async () => {
    const [first, second] = records;
    if (!first || !second) throw new Error('fixture');
    // A record sealed for another address, written by a writer with the data key: the MAC
    // matches, only opening the record shows the problem.
    const moved = { ...second, sealed: first.sealed };
    const path = await fileWith(backupBytes([first, moved]));

    expect((await verify(['verify', path])).code).toBe(EXIT_VERIFIED);
    const run = await verify(['verify', path], `${PASSPHRASE}\n`);
    expect(run.code).toBe(EXIT_DAMAGED);
    expect(lastLine(run)).toBe(
      "DAMAGED: A record in this backup (clients/BBBBBBBBBBBBBBBBBBBBBB) is damaged and can't be read, so the backup can't be fully restored.",
    );
  });
});

describe('vault verify, used wrongly', () => {
  it('treats a wrong passphrase or recovery key as a usage problem, not damage', async () => {
    const wrong = await verify(['verify', goodFile], 'not the passphrase\n');
    expect(wrong.code).toBe(EXIT_USAGE);
    expect(wrong.out).toContain('Structure and checksum: OK');
    expect(lastLine(wrong)).toBe("NOT VERIFIED: That passphrase doesn't open this backup.");

    const otherKey = (await buildVault()).recoveryKey;
    const wrongKey = await verify(['verify', goodFile], `${otherKey}\n`);
    expect(wrongKey.code).toBe(EXIT_USAGE);
    expect(lastLine(wrongKey)).toBe(
      "NOT VERIFIED: That passphrase or recovery key doesn't open this backup.",
    );
  });

  it('prints the usage and exits 0 for --help', async () => {
    for (const args of [['--help'], ['-h'], ['verify', '--help']]) {
      const run = await verify(args);
      expect(run.code).toBe(EXIT_VERIFIED);
      expect(run.out.join('\n')).toContain('Usage: npm run vault -- verify FILE');
      expect(run.out.join('\n')).toContain('2  usage problem');
    }
  });

  it('exits 2 with the usage on standard error for wrong arguments', async () => {
    const cases: [string[], string][] = [
      [[], 'Please name a command.'],
      [['check', goodFile], 'Unknown command: check'],
      [['verify'], 'Please name the backup file to check.'],
      [['verify', goodFile, 'extra'], 'Unexpected arguments: extra'],
      [['verify', '--quick', goodFile], 'Unknown option: --quick'],
    ];
    for (const [args, problem] of cases) {
      const run = await verify(args);
      expect(run.code, args.join(' ')).toBe(EXIT_USAGE);
      expect(run.out).toEqual([]);
      expect(run.err[0]).toContain(problem);
      expect(run.err.join('\n')).toContain('Usage: npm run vault -- verify FILE');
    }
  });

  it('exits 2 for a missing file or a folder', async () => {
    const missing = await verify(['verify', join(dir, 'nothing-here.bwvault')]);
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toEqual([`No such file: ${join(dir, 'nothing-here.bwvault')}`]);

    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    const run = await verify(['verify', folder]);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.err).toEqual([`Not a file: ${folder}`]);
  });
});

/** Runs the real script as `npm run vault` would, with `input` piped to it. */
function runScript(args: string[], input: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'scripts/vault-cli.ts', ...args], {
      cwd: REPO_ROOT,
      shell: process.platform === 'win32',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.on('error', fail);
    child.on('close', (code) =>
      done({ code: code ?? -1, out: out.split('\n').filter(Boolean), err: err.split('\n') }),
    );
    child.stdin.end(input);
  });
}

describe('vault verify, as a command', () => {
  it('exits 0 for a good backup with the passphrase piped in, and 1 for a damaged one', async () => {
    const good = await runScript(['verify', goodFile], `${PASSPHRASE}\n`);
    expect(good.code, good.err.join('\n')).toBe(0);
    expect(good.out).toEqual([
      'Backup of "Test practice" made 2026-11-26 22:10 UTC',
      'Structure and checksum: OK',
      'Passphrase check and full integrity: OK',
      'Records: clients 3',
      'Records: goals 2',
      'Worksheet files: none',
      'verified',
    ]);

    const damagedBytes = goodBytes.slice();
    const at = damagedBytes.length - 100;
    damagedBytes[at] = (damagedBytes[at] ?? 0) ^ 0xff;
    const damaged = await runScript(['verify', await fileWith(damagedBytes)], `${PASSPHRASE}\n`);
    expect(damaged.code).toBe(1);
    expect(damaged.out.at(-1)).toMatch(/^DAMAGED: /);
  });
});
