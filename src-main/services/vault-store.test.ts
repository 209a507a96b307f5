import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import { toBase64, toHex } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { encodeHeader } from '../../src-shared/vault/header';
import type { CreatedVault } from '../../src-shared/vault/key-slots';
import { HandlerError } from './handler-error';
import { createVaultStore, HEADER_FILE_NAME } from './vault-store';

let first: CreatedVault;
let second: CreatedVault;
let dataDir: string;

beforeAll(async () => {
  await loadSodium();
  first = await buildVault();
  second = await buildVault('another passphrase entirely');
});

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bridgework-vaults-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const vaultIdOf = (vault: CreatedVault) => toHex(vault.header.vaultId);
const vaultsDir = () => join(dataDir, 'vaults');
const headerFile = (vaultId: string) => join(vaultsDir(), vaultId, HEADER_FILE_NAME);

/** Every file and folder under the data folder, relative to it. */
async function everythingOnDisk(): Promise<string[]> {
  return (await readdir(dataDir, { recursive: true })).sort();
}

/** The HandlerError a promise fails with (failing the test if it succeeds or fails otherwise). */
async function handlerErrorOf(promise: Promise<unknown>): Promise<HandlerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return error;
    throw error;
  }
  throw new Error('expected a HandlerError, but the call succeeded');
}

function withFlippedByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

// Windows has no owner-only permission bits to check.
const onWindows = process.platform === 'win32';

describe('vault header store', () => {
  it('lists a newly created vault by name and gives back exactly the header it was given', async () => {
    const store = createVaultStore(dataDir);
    const vaultId = vaultIdOf(first);
    expect(await store.create(toBase64(first.headerBytes))).toEqual({
      status: 'ready',
      vaultId,
      name: 'Test practice',
    });
    expect(await store.list()).toEqual([{ status: 'ready', vaultId, name: 'Test practice' }]);
    expect(await store.readHeader(vaultId)).toEqual({ header: toBase64(first.headerBytes) });
    expect(new Uint8Array(await readFile(headerFile(vaultId)))).toEqual(first.headerBytes);
  });

  it('lists nothing when no vault was ever created', async () => {
    expect(await createVaultStore(dataDir).list()).toEqual([]);
    expect(await createVaultStore(join(dataDir, 'does-not-exist')).list()).toEqual([]);
  });

  it.skipIf(onWindows)(
    'keeps the header readable only by the current user (file 0600, folders 0700)',
    async () => {
      const store = createVaultStore(dataDir);
      const vaultId = vaultIdOf(first);
      await store.create(toBase64(first.headerBytes));
      expect((await stat(headerFile(vaultId))).mode & 0o777).toBe(0o600);
      expect((await stat(join(vaultsDir(), vaultId))).mode & 0o777).toBe(0o700);
      expect((await stat(vaultsDir())).mode & 0o777).toBe(0o700);
    },
  );

  it('leaves no temp file behind after creating a vault', async () => {
    const store = createVaultStore(dataDir);
    const vaultId = vaultIdOf(first);
    await store.create(toBase64(first.headerBytes));
    const files = await readdir(join(vaultsDir(), vaultId));
    expect(files).toEqual([HEADER_FILE_NAME]);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to create a vault twice and leaves the first header untouched', async () => {
    const store = createVaultStore(dataDir);
    const vaultId = vaultIdOf(first);
    await store.create(toBase64(first.headerBytes));
    const before = await readFile(headerFile(vaultId));
    const statBefore = await stat(headerFile(vaultId));

    const again = await handlerErrorOf(store.create(toBase64(first.headerBytes)));
    expect(again.code).toBe('ALREADY_EXISTS');

    // A different, well-formed header that claims the same vault id must not replace it either.
    const impostor = encodeHeader({ ...first.header, name: 'Replacement' });
    const replaced = await handlerErrorOf(store.create(toBase64(impostor)));
    expect(replaced.code).toBe('ALREADY_EXISTS');

    expect(await readFile(headerFile(vaultId))).toEqual(before);
    expect((await stat(headerFile(vaultId))).ino).toBe(statBefore.ino);
    expect(await store.list()).toEqual([{ status: 'ready', vaultId, name: 'Test practice' }]);
  });

  it('refuses a second vault with the same id even when both are created at the same moment', async () => {
    const store = createVaultStore(dataDir);
    const vaultId = vaultIdOf(first);
    const impostor = encodeHeader({ ...first.header, name: 'Replacement' });
    const results = await Promise.allSettled([
      store.create(toBase64(first.headerBytes)),
      store.create(toBase64(impostor)),
    ]);
    const refused = results.filter(
      (result) =>
        result.status === 'rejected' &&
        result.reason instanceof HandlerError &&
        result.reason.code === 'ALREADY_EXISTS',
    );
    expect(refused).toHaveLength(1);
    const winner = results[0]?.status === 'fulfilled' ? first.headerBytes : impostor;
    expect(new Uint8Array(await readFile(headerFile(vaultId)))).toEqual(winner);
  });

  it.each([
    ['random bytes', () => new Uint8Array(randomBytes(first.headerBytes.length))],
    ['a truncated header', () => first.headerBytes.slice(0, 40)],
    ['a header cut off before its checksum', () => first.headerBytes.slice(0, -1)],
    ['a header with one flipped byte in its name', () => withFlippedByte(first.headerBytes, 23)],
    [
      'a header with one flipped byte in its key slot',
      () => withFlippedByte(first.headerBytes, 60),
    ],
    [
      'a header with one flipped byte in its checksum',
      () => withFlippedByte(first.headerBytes, first.headerBytes.length - 1),
    ],
    ['a header with bytes after its end', () => new Uint8Array([...first.headerBytes, 0])],
    ['no bytes at all', () => new Uint8Array(0)],
  ])('refuses %s as INVALID_HEADER and writes nothing', async (_label, makeBytes) => {
    const store = createVaultStore(dataDir);
    const error = await handlerErrorOf(store.create(toBase64(makeBytes())));
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.message).not.toBe('');
    expect(await everythingOnDisk()).toEqual([]);
  });

  it('refuses an invalid header without adding anything next to existing vaults', async () => {
    const store = createVaultStore(dataDir);
    await store.create(toBase64(first.headerBytes));
    const before = await everythingOnDisk();
    const error = await handlerErrorOf(
      store.create(toBase64(withFlippedByte(second.headerBytes, 30))),
    );
    expect(error.code).toBe('INVALID_HEADER');
    expect(await everythingOnDisk()).toEqual(before);
    expect(await readdir(vaultsDir())).toEqual([vaultIdOf(first)]);
  });

  it('refuses text that is not base64 as INVALID_HEADER', async () => {
    const error = await handlerErrorOf(createVaultStore(dataDir).create('not base64!'));
    expect(error.code).toBe('INVALID_HEADER');
    expect(await everythingOnDisk()).toEqual([]);
  });

  it('lists a header damaged on disk as unreadable and leaves its bytes as they were', async () => {
    const store = createVaultStore(dataDir);
    const vaultId = vaultIdOf(first);
    await store.create(toBase64(first.headerBytes));
    const damaged = withFlippedByte(first.headerBytes, 40);
    await writeFile(headerFile(vaultId), damaged);

    expect(await store.list()).toEqual([{ status: 'unreadable', vaultId, problem: 'DAMAGED' }]);
    expect(new Uint8Array(await readFile(headerFile(vaultId)))).toEqual(damaged);
  });

  it('lists a header cut short on disk as unreadable, naming the problem', async () => {
    const store = createVaultStore(dataDir);
    const vaultId = vaultIdOf(first);
    await store.create(toBase64(first.headerBytes));
    const cut = first.headerBytes.slice(0, 50);
    await writeFile(headerFile(vaultId), cut);

    expect(await store.list()).toEqual([{ status: 'unreadable', vaultId, problem: 'TRUNCATED' }]);
    expect(new Uint8Array(await readFile(headerFile(vaultId)))).toEqual(cut);
  });

  it('lists a header copied into another vault’s folder as unreadable', async () => {
    const store = createVaultStore(dataDir);
    const otherId = vaultIdOf(second);
    await mkdir(join(vaultsDir(), otherId), { recursive: true });
    await writeFile(headerFile(otherId), first.headerBytes);

    expect(await store.list()).toEqual([
      { status: 'unreadable', vaultId: otherId, problem: 'DAMAGED' },
    ]);
    expect(new Uint8Array(await readFile(headerFile(otherId)))).toEqual(first.headerBytes);
  });

  it('ignores folders that are not vaults and vault folders without a header', async () => {
    const store = createVaultStore(dataDir);
    await store.create(toBase64(first.headerBytes));
    await mkdir(join(vaultsDir(), 'notes'), { recursive: true });
    await writeFile(join(vaultsDir(), 'notes', HEADER_FILE_NAME), first.headerBytes);
    await mkdir(join(vaultsDir(), vaultIdOf(second).toUpperCase()), { recursive: true });
    await mkdir(join(vaultsDir(), 'ffffffffffffffffffffffffffffffff'), { recursive: true });
    await writeFile(join(vaultsDir(), '0123456789abcdef0123456789abcdef'), first.headerBytes);

    expect(await store.list()).toEqual([
      { status: 'ready', vaultId: vaultIdOf(first), name: 'Test practice' },
    ]);
  });

  it('lists several vaults, readable ones by name, one damaged vault not hiding the others', async () => {
    const store = createVaultStore(dataDir);
    await store.create(toBase64(first.headerBytes));
    await store.create(toBase64(second.headerBytes));
    await writeFile(headerFile(vaultIdOf(second)), randomBytes(64));

    expect(await store.list()).toEqual([
      { status: 'unreadable', vaultId: vaultIdOf(second), problem: 'NOT_A_VAULT' },
      { status: 'ready', vaultId: vaultIdOf(first), name: 'Test practice' },
    ]);
  });

  it('answers NOT_FOUND for a vault that does not exist', async () => {
    const store = createVaultStore(dataDir);
    const missing = await handlerErrorOf(store.readHeader(vaultIdOf(first)));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).not.toContain(dataDir);

    await store.create(toBase64(first.headerBytes));
    const other = await handlerErrorOf(store.readHeader(vaultIdOf(second)));
    expect(other.code).toBe('NOT_FOUND');
  });
});
