import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64, toHex } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { parseTemplatePack } from '../../src-shared/domain/template-pack';
import type { CreatedVault } from '../../src-shared/vault/key-slots';
import { VaultError } from '../../src-shared/vault/vault-error';
import { vaultDatabaseName } from '../../src-renderer/data/vault-database';
import { callMain } from '../../src-renderer/data/ipc-client';
import { exportFromVault, exportTemplatePack } from '../../src-renderer/data/exports';
import { unlockHeader } from '../../src-renderer/data/vault-access';
import {
  changeVaultPassphrase,
  CurrentPassphraseWrong,
  makeNewRecoveryKey,
  renameOpenVault,
  VaultNameRejected,
} from '../../src-renderer/data/vault-key-changes';
import { lockVault, removeVaultFromThisComputer } from '../../src-renderer/data/vault-lifecycle';
import { backUpVault, restoreVault } from '../../src-renderer/data/vault-backup';
import {
  closeVaultSession,
  internalsOf,
  type VaultSession,
} from '../../src-renderer/data/vault-session';
import { loadBuiltinTemplates } from '../fixtures/library';
import {
  connectRendererToMain,
  openNewVault,
  type RendererWithMain,
  testKdf,
} from '../fixtures/renderer-with-main';

/**
 * The vault's use cases as the screens call them, with the data layer on fake-indexeddb and the
 * real main-process handlers on temp folders.
 */

const PASSPHRASE = 'correct horse battery staple';
let app: RendererWithMain;
let vault: CreatedVault;
let session: VaultSession | null;

function open(): VaultSession {
  if (!session) throw new Error('no open session');
  return session;
}

async function storedHeader(): Promise<Uint8Array> {
  const { header } = await callMain('vault:read-header', { vaultId: open().vaultIdHex });
  return fromBase64(header);
}

async function opens(secret: Parameters<typeof unlockHeader>[1]): Promise<boolean> {
  return unlockHeader(await storedHeader(), secret, testKdf).then(
    () => true,
    () => false,
  );
}

async function sealedClients(): Promise<string[]> {
  const rows = await internalsOf(open()).db.sealed('clients').toArray();
  return rows.map((row) => `${row.id}:${toHex(row.sealed)}`).sort();
}

beforeAll(() => loadSodium());

beforeEach(async () => {
  app = await connectRendererToMain();
  ({ vault, session } = await openNewVault(PASSPHRASE));
});

afterEach(async () => {
  if (session) closeVaultSession(session);
  session = null;
  await app.remove();
});

describe('changing the passphrase', () => {
  it('refuses a wrong current passphrase and changes nothing', async () => {
    const before = await storedHeader();
    await expect(
      changeVaultPassphrase(open(), 'not my passphrase', 'a new one 2027 river', testKdf),
    ).rejects.toBeInstanceOf(CurrentPassphraseWrong);
    expect(await storedHeader()).toEqual(before);
  });

  it('stores a key file the new passphrase opens and the old one does not, re-encrypting no record', async () => {
    await open().clients.add('Maya Lindqvist');
    const recordsBefore = await sealedClients();
    session = await changeVaultPassphrase(open(), PASSPHRASE, 'a new one 2027 river', testKdf);
    expect(await opens({ kind: 'passphrase', passphrase: 'a new one 2027 river' })).toBe(true);
    expect(await opens({ kind: 'passphrase', passphrase: PASSPHRASE })).toBe(false);
    expect(await opens({ kind: 'recovery', recoveryKey: vault.recoveryKey })).toBe(true);
    expect(await sealedClients()).toEqual(recordsBefore);
    // A backup made at once carries the new key file.
    expect((await callMain('backup:list', { vaultId: open().vaultIdHex })).entries).toHaveLength(1);
  });
});

describe('a new recovery key', () => {
  it('opens the vault; the old recovery key stops working at once', async () => {
    const made = await makeNewRecoveryKey(open());
    session = made.session;
    expect(made.recoveryKey).not.toBe(vault.recoveryKey);
    expect(await opens({ kind: 'recovery', recoveryKey: made.recoveryKey })).toBe(true);
    expect(await opens({ kind: 'recovery', recoveryKey: vault.recoveryKey })).toBe(false);
    expect(await opens({ kind: 'passphrase', passphrase: PASSPHRASE })).toBe(true);
  });
});

describe('renaming the vault', () => {
  it('shows the new name on the start screen’s list', async () => {
    session = await renameOpenVault(open(), '  Clinic on Elm Street  ');
    expect(open().name).toBe('Clinic on Elm Street');
    expect(await callMain('vault:list', {})).toEqual([
      { status: 'ready', vaultId: open().vaultIdHex, name: 'Clinic on Elm Street' },
    ]);
  });

  it('refuses an empty name, one too long for the key file, and hidden control characters', async () => {
    for (const name of ['   ', 'é'.repeat(61), 'Clinic\u202Etxt.exe', 'Two\nlines']) {
      await expect(renameOpenVault(open(), name), JSON.stringify(name)).rejects.toBeInstanceOf(
        VaultNameRejected,
      );
    }
    expect((await callMain('vault:list', {}))[0]).toMatchObject({ name: 'Test practice' });
  });
});

describe('restoring a backup', () => {
  const backupNames = async () =>
    (await callMain('backup:list', { vaultId: open().vaultIdHex })).entries
      .map((entry) => entry.fileName)
      .sort();
  const clientNames = async () =>
    (await open().clients.all()).records.map((client) => client.name).sort();
  const restore = async (fileName: string) => {
    const restored = await restoreVault(open(), { fileName }, async () => true);
    if (!restored) throw new Error('the restore was not carried out');
    session = restored;
  };

  it('right after a backup, with nothing changed since, makes no second identical backup', async () => {
    await open().clients.add('Maya Lindqvist');
    const { entry } = await backUpVault(open());
    await restore(entry.fileName);
    expect(await backupNames()).toEqual([entry.fileName]);
    expect(await clientNames()).toEqual(['Maya Lindqvist']);
  });

  it('backs up a change made since the last backup first, so the clinician can come back to it', async () => {
    await open().clients.add('Maya Lindqvist');
    const { entry } = await backUpVault(open());
    await open().clients.add('Added after the backup');
    await restore(entry.fileName);
    const names = await backupNames();
    expect(names).toHaveLength(2);
    expect(await clientNames()).toEqual(['Maya Lindqvist']);

    await restore(names.find((name) => name !== entry.fileName) ?? '');
    expect(await clientNames()).toEqual(['Added after the backup', 'Maya Lindqvist']);
  });

  it('restores a backup of several chunks completely, and refuses one altered in a later chunk', async () => {
    // 80 clients with long notes: a backup of about 1.7 MB, read from main in 1 MiB chunks.
    for (let n = 0; n < 80; n++) {
      const client = await open().clients.add(`Client ${n}`);
      await open().clients.setPrivateNotes(
        client.id,
        `${n} `.repeat(10_000 / `${n} `.length) + 'x'.repeat(10_000),
      );
    }
    const { entry } = await backUpVault(open());
    expect(entry.sizeBytes).toBeGreaterThan(1.5 * 1024 * 1024);
    await open().clients.add('Added after the backup');

    const altered = entry.fileName.replace(/\d{3}Z/, '001Z');
    const bytes = await readFile(join(app.backupDir, entry.fileName));
    bytes[bytes.length - 30_000] = (bytes[bytes.length - 30_000] ?? 0) ^ 0x01;
    await writeFile(join(app.backupDir, altered), bytes);
    await expect(restore(altered)).rejects.toBeInstanceOf(VaultError);
    expect(await clientNames()).toHaveLength(81);
    expect(await Dexie.getDatabaseNames()).toContain(
      vaultDatabaseName(open().vaultIdHex, internalsOf(open()).generation),
    );
    expect(
      (await Dexie.getDatabaseNames()).filter((name) => name.includes(open().vaultIdHex)),
    ).toHaveLength(1);

    await restore(entry.fileName);
    const restored = await open().clients.all();
    expect(restored.records).toHaveLength(80);
    expect(
      restored.records.every((client) => client.privateNotes.endsWith('x'.repeat(10_000))),
    ).toBe(true);
  });

  it('backs up first when the key file changed since (a new name) or the last backup is gone', async () => {
    const { entry } = await backUpVault(open());
    session = await renameOpenVault(open(), 'Clinic on Elm Street');
    await restore(entry.fileName);
    expect(await backupNames()).toHaveLength(2);

    const { entry: latest } = await backUpVault(open());
    await rm(join(app.backupDir, latest.fileName));
    await restore(entry.fileName);
    expect(await backupNames()).toHaveLength(3);
    expect(await backupNames()).not.toContain(latest.fileName);
  });
});

describe('locking and removing', () => {
  it('locking backs up unsaved changes, then wipes the key and closes the session', async () => {
    await open().clients.add('Maya Lindqvist');
    const { keys } = internalsOf(open());
    expect(await lockVault(open())).toBeNull();
    expect(keys.dataKey.every((byte) => byte === 0)).toBe(true);
    expect(() => internalsOf(open())).toThrow(/closed/);
    session = null;
    expect((await readdir(app.backupDir)).filter((name) => name.endsWith('.bwvault'))).toHaveLength(
      1,
    );
    await expect(
      callMain('backup:begin', { vaultId: toHex(vault.header.vaultId) }),
    ).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it('removing the vault from this computer keeps a final backup and leaves nothing behind', async () => {
    await open().clients.add('Maya Lindqvist');
    const vaultId = open().vaultIdHex;
    await removeVaultFromThisComputer(open(), { finalBackup: true });
    session = null;
    expect(await callMain('vault:list', {})).toEqual([]);
    expect(await readdir(join(app.dataDir, 'vaults'))).toEqual([]);
    const databases = (await indexedDB.databases()).map((db) => db.name);
    expect(databases.filter((name) => name?.includes(vaultId))).toEqual([]);
    expect((await readdir(app.backupDir)).filter((name) => name.endsWith('.bwvault'))).toHaveLength(
      1,
    );
  });
});

describe('exporting', () => {
  it('records in the vault log only what was actually saved', async () => {
    await exportFromVault(open(), { what: 'Handout PDF', format: 'pdf' }, async () => ({
      saved: false,
      fileName: null,
    }));
    expect((await open().log.all()).records).toEqual([]);
    await exportFromVault(open(), { what: 'Handout PDF', format: 'pdf' }, async () => ({
      saved: true,
      fileName: 'handout.pdf',
    }));
    expect((await open().log.all()).records).toMatchObject([
      { kind: 'export', what: 'Handout PDF', format: 'pdf', clientId: null },
    ]);
  });

  it('writes a template pack where the clinician chose, with template content only, and logs it', async () => {
    const [builtin] = loadBuiltinTemplates();
    if (!builtin) throw new Error('no built-in templates');
    const { id: _slug, version: _version, ...content } = builtin;
    const target = join(app.dataDir, 'My templates.bwtemplates.json');
    app.dialogs.packSaveLocation.push(target);
    const result = await exportTemplatePack(open(), [{ key: 'AAAAAAAAAAAAAAAAAAAAAA', content }]);
    expect(result).toEqual({ saved: true, fileName: 'My templates.bwtemplates.json' });
    const parsed = parseTemplatePack(await readFile(target, 'utf8'));
    expect(parsed.ok && parsed.pack.templates.map((t) => t.title)).toEqual([content.title]);
    expect((await open().log.all()).records).toMatchObject([
      { kind: 'export', what: 'Template pack (1 template)', format: 'template-pack' },
    ]);
  });
});
