import fc from 'fast-check';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedDialogs } from '../tests/fixtures/dialogs';
import { buildVault } from '../tests/fixtures/vaults';
import { expectNoPath, mutatedBytes } from '../tests/support/fuzz';
import { concatBytes, toBase64, toHex } from '../src-shared/crypto/bytes';
import {
  channelsFor,
  type IpcChannel,
  ipcChannels,
  type IpcRequest,
  mayCall,
  type WindowRole,
} from '../src-shared/ipc/contract';
import { exportFileKinds } from '../src-shared/ipc/exports';
import { ipcErrorCodeSchema, type IpcResult } from '../src-shared/ipc/result';
import { clientViewLimits } from '../src-shared/ipc/window';
import { BackupWriter } from '../src-shared/vault/backup-format';
import { encodeHeader } from '../src-shared/vault/header';
import { type CreatedVault, renameVault } from '../src-shared/vault/key-slots';
import type { AppWindows } from './services/app-windows';
import { isTemporaryBackupName } from './services/backup-file';
import { dispatchIpcFrom } from './services/dispatch';
import { createHandlers, type IpcHandlers } from './services/handlers';

/**
 * Every IPC channel of both window roles against random sequences of calls with valid, near-valid
 * and arbitrary payloads, from the therapist's window, the client view and an unknown sender,
 * with native dialogs answering anything (cancel, a new file, a folder, a missing folder, a
 * damaged backup…). Every call answers a result value: a response the contract accepts, or one
 * of the contract's error codes (never INTERNAL, which means a handler threw something untyped)
 * with a sentence that names none of main's files. The real handlers run on a temp data folder;
 * state carries over between calls, so later calls meet vaults, backups and settings that
 * earlier ones made or broke.
 */

const RUNS = 150;

/** What a call's payload may refer to: things made in setup or by earlier calls. */
type FuzzState = {
  vault: CreatedVault;
  vaultId: string;
  writeIds: string[];
  tokens: string[];
  backupFileNames: string[];
  validBackup: Uint8Array;
};

/** A payload part chosen now, made when the call runs (it may need what earlier calls made). */
type Built<T> = fc.Arbitrary<(state: FuzzState) => T>;

const plain = <T>(arbitrary: fc.Arbitrary<T>): Built<T> => arbitrary.map((value) => () => value);

function built<T extends Record<string, unknown>>(parts: {
  [K in keyof T]: Built<T[K]>;
}): Built<T> {
  // Each part makes its value when the call runs; fc.record sees only functions of the state.
  const makers: Record<string, Built<unknown>> = parts;
  return fc.record(makers).map((made) => (state) => {
    const entries = Object.entries(made).map(([key, make]) => [key, make(state)]);
    return Object.fromEntries(entries) as T;
  });
}

/** Optional keys that are absent or present, never present as `undefined` (exactOptional). */
function optionalKeys<T extends Record<string, unknown>>(parts: {
  [K in keyof T]: fc.Arbitrary<T[K]>;
}): Built<Partial<T>> {
  return plain(
    fc.record(parts as { [K in keyof T]: fc.Arbitrary<T[K]> }, {
      requiredKeys: [],
    }) as fc.Arbitrary<Partial<T>>,
  );
}

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
/** Mostly the last (or last but one) that earlier calls handed out; else `fallback`. */
const pickFrom = (
  list: (state: FuzzState) => string[],
  fallback: fc.Arbitrary<string>,
): Built<string> =>
  fc.tuple(fc.nat(), fc.nat({ max: 3 }), fallback).map(
    ([n, choice, other]) =>
      (state: FuzzState) =>
        (choice > 0 ? list(state).at(n % 4 === 0 ? -2 : -1) : undefined) ?? other,
  );

/** Mostly the vault made in setup (so vault-bound channels get past LOCKED), sometimes another. */
const vaultId: Built<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant((state: FuzzState) => state.vaultId) },
  { weight: 1, arbitrary: hex32.map((id) => () => id) },
);

const base64Of = (bytes: fc.Arbitrary<Uint8Array>): Built<string> =>
  plain(bytes.map((b) => toBase64(b)));

/** A header: the vault's own, renamed, of a new vault, damaged, or random bytes. */
const header: Built<string> = fc.oneof(
  fc.constant((state: FuzzState) => toBase64(state.vault.headerBytes)),
  fc
    .string({ minLength: 1, maxLength: 30 })
    .filter((name) => name.trim() !== '')
    .map(
      (name) => (state: FuzzState) => toBase64(renameVault(state.vault, name.trim()).headerBytes),
    ),
  fc
    .uint8Array({ minLength: 16, maxLength: 16 })
    .map(
      (id) => (state: FuzzState) => toBase64(encodeHeader({ ...state.vault.header, vaultId: id })),
    ),
  fc.nat().map((seed) => (state: FuzzState) => {
    const [damaged] = fc.sample(mutatedBytes(state.vault.headerBytes), { numRuns: 1, seed });
    return toBase64(damaged ?? new Uint8Array());
  }),
  base64Of(fc.uint8Array({ maxLength: 300 })),
);

/** A chunk of a backup being written: the whole valid backup, a piece, damaged, or random. */
const backupChunk: Built<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant((state: FuzzState) => toBase64(state.validBackup)) },
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (state: FuzzState) => {
    const length = state.validBackup.length;
    return toBase64(state.validBackup.subarray(Math.min(a, b) % length, Math.max(a, b) % length));
  }),
  fc.nat().map((seed) => (state: FuzzState) => {
    const [damaged] = fc.sample(mutatedBytes(state.validBackup), { numRuns: 1, seed });
    return toBase64(damaged ?? new Uint8Array());
  }),
  base64Of(fc.uint8Array({ maxLength: 200 })),
);

const clientText = (max: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) });

const snapshot = fc.record(
  {
    eyebrow: clientText(clientViewLimits.eyebrow),
    title: clientText(clientViewLimits.title),
    sections: fc.array(
      fc.oneof(
        fc.record({ heading: clientText(200), body: clientText(400) }),
        fc.record({
          heading: clientText(200),
          items: fc.array(
            fc.record(
              { text: clientText(100), detail: clientText(100), tag: clientText(40) },
              { requiredKeys: ['text'] },
            ),
            { minLength: 1, maxLength: 3 },
          ),
        }),
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['title', 'sections'] },
);

const empty: Built<Record<string, never>> = plain(fc.constant({}));
const attachmentId = plain(fc.stringMatching(/^[A-Za-z0-9_-]{22}$/));
const writeId = pickFrom((state) => state.writeIds, hex32);

/**
 * A valid request for every channel of the contract (a channel missing here does not compile):
 * the starting point that the payload changes below bend into near-misses and nonsense.
 */
const validRequests: { [C in IpcChannel]: Built<IpcRequest<C>> } = {
  'vault:list': empty,
  'vault:create': built({ header }),
  'vault:read-header': built({ vaultId }),
  'vault:replace-header': built({ vaultId, header }),
  'vault:remove': built({
    vaultId: fc.oneof({ weight: 1, arbitrary: vaultId }, { weight: 3, arbitrary: plain(hex32) }),
  }),
  'vault:opened': built({ vaultId }),
  'vault:closed': empty,
  'settings:get': empty,
  'settings:update': optionalKeys({
    autoLockMinutes: fc.integer({ min: 1, max: 60 }),
    protectTherapistWindow: fc.boolean(),
  }),
  'settings:choose-backup-folder': empty,
  'settings:use-default-backup-folder': empty,
  'backup:begin': built({ vaultId }),
  'backup:append': built({ writeId, chunk: backupChunk }),
  'backup:commit': built({ writeId }),
  'backup:abort': built({ writeId }),
  'backup:list': built({ vaultId }),
  'backup:choose-file': empty,
  'backup:read': built({
    source: fc.oneof(
      built({
        fileName: pickFrom(
          (state) => state.backupFileNames,
          fc.oneof(
            fc.string({ maxLength: 200 }),
            fc.constantFrom(
              '../settings.json',
              '/etc/passwd',
              'bridgework-00000000-20260101T000000000Z.bwvault',
            ),
          ),
        ),
      }),
      built({ token: pickFrom((state) => state.tokens, hex32) }),
    ),
    offset: plain(fc.oneof(fc.nat({ max: 5000 }), fc.maxSafeNat())),
    length: plain(fc.integer({ min: 1, max: 4 * 1024 * 1024 })),
  }),
  'attachment:save': built({
    vaultId,
    attachmentId,
    data: base64Of(fc.uint8Array({ maxLength: 300 })),
  }),
  'attachment:read': built({ vaultId, attachmentId }),
  'attachment:delete': built({ vaultId, attachmentId }),
  'templates:save-pack': built({
    suggestedName: plain(fc.string({ maxLength: 120 })),
    contents: plain(fc.string({ maxLength: 300 })),
  }),
  'templates:open-pack': empty,
  'exports:save-file': built({
    suggestedName: plain(fc.string({ maxLength: 200 })),
    kind: plain(fc.constantFrom(...exportFileKinds)),
    bytes: base64Of(fc.uint8Array({ minLength: 1, maxLength: 300 })),
  }),
  'app:quit': empty,
  'client-view:open': empty,
  'client-view:show': built({
    snapshot: plain(fc.option(snapshot, { nil: null })),
  }),
  'client-view:blank': empty,
  'client-view:full-screen': built({ on: plain(fc.boolean()) }),
  'client-view:close': empty,
  'client-view:ready': empty,
  'client-view:hide': empty,
};

/** Values a field might wrongly hold: other types, near-miss strings, deep nonsense. */
const wrongValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string(),
  hex32.map((id) => id.toUpperCase()),
  fc.constantFrom('', '../../..', '__proto__', 'AAAA', '=', 'A'.repeat(5000), null, -1, 1.5, NaN),
);

/** How a valid payload is bent before it is sent. */
const payloadChange = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: wrongValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      key: fc.string(),
      value: wrongValue,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: wrongValue }),
  },
);

function changed(
  payload: unknown,
  change: typeof payloadChange extends fc.Arbitrary<infer C> ? C : never,
): unknown {
  if (change.kind === 'none') return payload;
  if (change.kind === 'replace') return change.value;
  const copy = { ...(payload as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (change.kind === 'add') {
    Object.defineProperty(copy, change.key, { value: change.value, enumerable: true });
    return copy;
  }
  const key = keys[change.at % Math.max(keys.length, 1)];
  if (key === undefined) return copy;
  if (change.kind === 'drop')
    return Object.fromEntries(keys.filter((k) => k !== key).map((k) => [k, copy[k]]));
  copy[key] = change.value;
  return copy;
}

/** Who calls: mostly the therapist's window, sometimes the client view, rarely an unknown sender. */
const sender = fc.oneof(
  { weight: 6, arbitrary: fc.constant<WindowRole | null>('therapist') },
  { weight: 2, arbitrary: fc.constant<WindowRole | null>('client-view') },
  { weight: 1, arbitrary: fc.constant<WindowRole | null>(null) },
);

/** Which channel: any of the contract's (the client view's own two more often), or a made-up one. */
const channel = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...ipcChannels) },
  { weight: 2, arbitrary: fc.constantFrom(...channelsFor('client-view')) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<IpcChannel>('backup:begin', 'backup:append', 'backup:commit'),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'vault:delete', 'VAULT:LIST')),
  },
);

/** What the next native dialog answers: cancel, or one of the picks set up in `pickDir`. */
const dialogAnswer = fc.constantFrom(
  null,
  'new.pdf',
  'new',
  'new-pack.bwtemplates.json',
  'exists.pdf',
  '',
  'missing/inside.pdf',
  'valid.bwvault',
  'damaged.bwvault',
  'random.bin',
  'pack.bwtemplates.json',
  'a-folder',
);

/** One call: a channel, and a valid request for it (or for another channel, if made up), bent. */
const call = channel.chain((channelName) =>
  fc.record({
    role: sender,
    channel: fc.constant(channelName),
    request: ipcChannels.includes(channelName as IpcChannel)
      ? (validRequests[channelName as IpcChannel] as Built<unknown>)
      : fc.constantFrom(...ipcChannels).chain((other) => validRequests[other] as Built<unknown>),
    change: payloadChange,
    dialog: dialogAnswer,
  }),
);

/** Every string in a payload (keys and values): text a message may echo back, not main's own. */
function stringsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || depth > 4) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner, depth + 1)]);
}

/**
 * Response fields that are not sentences: the clinician's own backup folder (shown to them in
 * Settings), and bytes as base64 (whose alphabet has `/`).
 */
const NOT_SENTENCES = new Set([
  'folder',
  'effectiveBackupFolder',
  'backupFolder',
  'chunk',
  'header',
  'data',
]);

/** The strings of a response, but for fields that are not sentences. */
function responseStrings(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || depth > 6) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    NOT_SENTENCES.has(key) ? [] : responseStrings(inner, depth + 1),
  );
}

let dataDir: string;
let pickDir: string;
let handlers: IpcHandlers;
let dialogs: ReturnType<typeof scriptedDialogs>;
let state: FuzzState;
const sentEvents: { role: WindowRole; event: string }[] = [];
/** The channels whose handler ran (the call got past the sender check and the schema). */
const reachedHandler = new Set<string>();

/** `handlers`, each noting in `reachedHandler` that it ran. */
function traced(handlers: IpcHandlers): IpcHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handle]) => [
      name,
      (request: unknown) => {
        reachedHandler.add(name);
        return (handle as (request: unknown) => Promise<unknown>)(request);
      },
    ]),
  ) as IpcHandlers;
}

const windows: AppWindows = {
  openClientView: async () => undefined,
  closeClientView: async () => undefined,
  sendToRole: async (role, event) => void sentEvents.push({ role, event }),
  protectTherapistWindow: async () => undefined,
  setClientViewFullScreen: async () => undefined,
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bridgework-ipc-fuzz-'));
  pickDir = join(dataDir, 'picked');
  await mkdir(join(pickDir, 'a-folder'), { recursive: true });
  const vault = await buildVault();
  const writer = new BackupWriter(vault.headerBytes, vault.dataKey, Date.UTC(2026, 10, 26));
  const validBackup = concatBytes(writer.start(), writer.finish());
  await writeFile(join(pickDir, 'valid.bwvault'), validBackup);
  await writeFile(join(pickDir, 'damaged.bwvault'), validBackup.subarray(0, 100));
  await writeFile(join(pickDir, 'random.bin'), new Uint8Array(300).fill(0x5a));
  await writeFile(join(pickDir, 'exists.pdf'), '%PDF-1.7');
  await writeFile(join(pickDir, 'pack.bwtemplates.json'), '{"format":"bridgework-template-pack"}');
  dialogs = scriptedDialogs();
  handlers = traced(
    createHandlers({
      dataDir,
      defaultBackupFolder: join(dataDir, 'backups'),
      dialogs,
      windows,
    }),
  );
  state = {
    vault,
    vaultId: toHex(vault.header.vaultId),
    writeIds: [],
    tokens: [],
    backupFileNames: [],
    validBackup,
  };
  expect(await handlers['vault:create']({ header: toBase64(vault.headerBytes) })).toMatchObject({
    status: 'ready',
  });
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Every dialog answers `answer` (a name in `pickDir`, or cancel) for this call only. */
function answerDialogs(answer: string | null): void {
  const path = answer === null ? null : join(pickDir, answer);
  for (const queue of Object.values(dialogs.answers)) {
    queue.length = 0;
    queue.push(path);
  }
}

/** Remembers ids and names a result hands out, so later calls can use them. */
function remember(result: IpcResult<unknown>): void {
  if (!result.ok || typeof result.value !== 'object' || result.value === null) return;
  const value = result.value as Record<string, unknown>;
  if (typeof value.writeId === 'string') state.writeIds.push(value.writeId);
  if (typeof value.token === 'string') state.tokens.push(value.token);
  if (typeof value.fileName === 'string' && value.fileName.endsWith('.bwvault'))
    state.backupFileNames.push(value.fileName);
}

function expectWellFormed(
  role: WindowRole | null,
  channelName: string,
  payload: unknown,
  result: IpcResult<unknown>,
): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    for (const text of responseStrings(result.value)) expectNoPath(text, [dataDir]);
    return;
  }
  const { code, message } = result.error;
  expect(ipcErrorCodeSchema.options).toContain(code);
  expect(code, `${channelName}: ${message}`).not.toBe('INTERNAL');
  expect(message.trim()).not.toBe('');
  // A message may repeat the request's own keys (naming the field that was wrong); strip them.
  const ownText = stringsIn(payload).filter((text) => text.length > 0);
  expectNoPath(
    ownText.reduce((rest, text) => rest.split(text).join(' '), message),
    [dataDir],
  );
  const known = ipcChannels.includes(channelName as IpcChannel);
  if (role === null || (known && !mayCall(role, channelName as IpcChannel))) {
    expect(code).toBe('FORBIDDEN_SENDER');
  } else if (!known) {
    expect(code).toBe('UNKNOWN_CHANNEL');
  }
}

describe('every IPC channel, fuzzed', () => {
  it('gets past the schema to every handler with the valid requests the fuzzing bends', async () => {
    // Else the calls below would fuzz only the schemas: a handler never reached is never tested.
    reachedHandler.clear();
    for (const channelName of ipcChannels) {
      const role = mayCall('therapist', channelName) ? 'therapist' : 'client-view';
      for (const request of fc.sample(validRequests[channelName] as Built<unknown>, 3)) {
        answerDialogs(null);
        const payload = request(state);
        const result = await dispatchIpcFrom(role, handlers, channelName, payload);
        expectWellFormed(role, channelName, payload, result);
        remember(result);
      }
    }
    expect(ipcChannels.filter((name) => !reachedHandler.has(name))).toEqual([]);
  });

  it('answers any sequence of calls, from any sender, with a response or a typed error naming no path', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(call, { minLength: 1, maxLength: 8 }),
        async (unlocked, calls) => {
          // Half the runs start unlocked, so vault-bound channels get past LOCKED.
          if (unlocked) await handlers['vault:opened']({ vaultId: state.vaultId });
          for (const { role, channel: channelName, request, change, dialog } of calls) {
            // Electron carries payloads by structured clone; what cannot be cloned never arrives.
            let payload: unknown;
            try {
              payload = structuredClone(changed(request(state), change));
            } catch {
              continue;
            }
            answerDialogs(dialog);
            const result = await dispatchIpcFrom(role, handlers, channelName, payload);
            expectWellFormed(role, channelName, payload, result);
            remember(result);
          }
        },
      ),
      { numRuns: RUNS, plugins: [fc.timeout(10_000)] },
    );
    // Main never sent the client view anything but what it shows.
    for (const { role, event } of sentEvents)
      if (role === 'client-view') expect(event).toBe('client-view:display');
  });

  it('writes a backup from any bytes: whole and verified only if they are a backup, read back as written, no temp file left', async () => {
    const therapistCall = async (channelName: IpcChannel, payload: unknown) => {
      const result = await dispatchIpcFrom('therapist', handlers, channelName, payload);
      expectWellFormed('therapist', channelName, payload, result);
      return result;
    };
    const bytesArbitrary = fc.oneof(
      fc.constant(state.validBackup),
      mutatedBytes(state.validBackup),
      fc.uint8Array({ maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(
        bytesArbitrary,
        fc.array(fc.nat(), { maxLength: 3 }),
        async (bytes, cuts) => {
          await therapistCall('vault:create', { header: toBase64(state.vault.headerBytes) });
          await therapistCall('vault:opened', { vaultId: state.vaultId });
          const temporaryFiles = async () => {
            const listed = await therapistCall('backup:list', { vaultId: state.vaultId });
            if (!listed.ok) throw new Error(`backup:list failed: ${listed.error.message}`);
            const { folder } = listed.value as { folder: string };
            return (await readdir(folder).catch(() => [])).filter(isTemporaryBackupName);
          };
          const tempsBefore = await temporaryFiles();
          const begun = await therapistCall('backup:begin', { vaultId: state.vaultId });
          if (!begun.ok) throw new Error(`backup:begin failed: ${begun.error.message}`);
          const { writeId } = begun.value as { writeId: string };
          const ends = [...cuts.map((cut) => cut % (bytes.length + 1)), bytes.length].sort(
            (a, b) => a - b,
          );
          let start = 0;
          for (const end of ends) {
            const chunk = toBase64(bytes.subarray(start, end));
            start = end;
            await therapistCall('backup:append', { writeId, chunk });
          }
          const committed = await therapistCall('backup:commit', { writeId });
          const whole = Buffer.from(bytes).equals(Buffer.from(state.validBackup));
          expect(committed.ok, JSON.stringify(committed)).toBe(whole);
          // Writes begun by the random calls above may still be open; this one must be gone.
          expect((await temporaryFiles()).filter((name) => !tempsBefore.includes(name))).toEqual(
            [],
          );
          if (!committed.ok) {
            expect(committed.error.code).toBe('BACKUP_DAMAGED');
            return;
          }
          const { fileName } = committed.value as { fileName: string };
          const read = await therapistCall('backup:read', {
            source: { fileName },
            offset: 0,
            length: 4 * 1024 * 1024,
          });
          expect(read).toEqual({ ok: true, value: { chunk: toBase64(bytes), done: true } });
        },
      ),
      { numRuns: 25, plugins: [fc.timeout(10_000)] },
    );
  });

  it('lets the client view call its own two channels only, whatever it sends', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ipcChannels),
        wrongValue,
        async (channelName, payload) => {
          const result = await dispatchIpcFrom('client-view', handlers, channelName, payload);
          if (!mayCall('client-view', channelName)) {
            expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
          } else {
            expectWellFormed('client-view', channelName, payload, result);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
