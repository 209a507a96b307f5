import 'fake-indexeddb/auto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inspectBackupFile } from '../../src-main/services/backup-file';
import { loadSodium } from '../../src-shared/crypto/sodium';
import type { CreatedVault } from '../../src-shared/vault/key-slots';
import { backUpVault, importVault, restoreVault } from '../../src-renderer/data/vault-backup';
import {
  closeVaultSession,
  openVaultSession,
  type VaultSession,
} from '../../src-renderer/data/vault-session';
import type { Attachment } from '../../src-shared/domain/attachment';
import type { DamagedWorksheet } from '../../src-renderer/data/worksheet-files';
import { authenticCopyWithDamagedWorksheets } from '../fixtures/backups';
import { loadBuiltinTemplates } from '../fixtures/library';
import {
  connectRendererToMain,
  openNewVault,
  type RendererWithMain,
} from '../fixtures/renderer-with-main';
import { onePagePdf } from '../fixtures/worksheets';

/**
 * Backups and restores with the renderer's data layer (Dexie on fake-indexeddb) talking to the
 * real main-process handlers on temp folders, as the app does, with one worksheet file damaged.
 */

let app: RendererWithMain;
let session: VaultSession;
let vault: CreatedVault;

/** A custom template with one worksheet; returns the worksheet. */
async function templateWithWorksheet(title: string, fileName: string): Promise<Attachment> {
  const [builtin] = loadBuiltinTemplates();
  if (!builtin) throw new Error('no built-in templates');
  const { id: _slug, version: _version, ...content } = builtin;
  const template = await session.templates.create({ ...content, title });
  const attachment = await session.attachments.add(template.lineageId, {
    name: fileName,
    bytes: new Uint8Array(onePagePdf('Thought record')),
  });
  return attachment;
}

function worksheetPath(attachmentId: string): string {
  return join(app.dataDir, 'vaults', session.vaultIdHex, 'attachments', `${attachmentId}.bwatt`);
}

async function flipLastByte(path: string): Promise<void> {
  const bytes = await readFile(path);
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
  await writeFile(path, bytes);
}

beforeAll(() => loadSodium());

beforeEach(async () => {
  app = await connectRendererToMain();
  ({ vault, session } = await openNewVault());
});

afterEach(async () => {
  closeVaultSession(session);
  await app.remove();
});

describe('a backup when a worksheet file is damaged on this computer', () => {
  it('still completes with everything else, leaves that worksheet out and names it by its template', async () => {
    const { id: damagedId } = await templateWithWorksheet(
      'Noticing thoughts',
      'Thought record.pdf',
    );
    const { id: intactId } = await templateWithWorksheet('Weekly plan', 'Plan.pdf');
    await session.clients.add('Maya Lindqvist');
    await flipLastByte(worksheetPath(damagedId));

    const first = await backUpVault(session);
    expect(first.entry.status).toBe('verified');
    const named: DamagedWorksheet = {
      attachmentId: damagedId,
      fileName: 'Thought record.pdf',
      templateTitle: 'Noticing thoughts',
    };
    expect(first.leftOut).toEqual([named]);
    expect(first.newlyFound).toEqual([named]);

    const summary = await inspectBackupFile(join(app.backupDir, first.entry.fileName));
    expect(summary.attachmentCount).toBe(1);
    expect(summary.tables.clients).toBe(1);

    const stored = await session.attachments.all();
    expect(stored.records.find((a) => a.id === damagedId)?.damagedAt).toEqual(expect.any(String));
    expect(stored.records.find((a) => a.id === intactId)?.damagedAt).toBeUndefined();
    const damaged = stored.records.find((a) => a.id === damagedId);
    if (!damaged) throw new Error('the damaged worksheet is gone');
    await expect(session.attachments.open(damaged)).rejects.toThrow(
      /remove it and attach it again/,
    );

    // The next backup still leaves it out, but it is no longer news.
    const second = await backUpVault(session);
    expect(second.leftOut).toEqual([named]);
    expect(second.newlyFound).toEqual([]);
  });

  it('makes backups that restore completely, the damaged worksheet marked as such', async () => {
    const { id: damagedId } = await templateWithWorksheet(
      'Noticing thoughts',
      'Thought record.pdf',
    );
    await session.clients.add('Maya Lindqvist');
    await flipLastByte(worksheetPath(damagedId));
    const { entry } = await backUpVault(session);

    const asked: DamagedWorksheet[][] = [];
    const restored = await restoreVault(session, { fileName: entry.fileName }, async (list) => {
      asked.push(list);
      return true;
    });
    if (!restored) throw new Error('not restored');
    session = restored;
    expect(asked).toEqual([]);
    expect((await session.clients.all()).records.map((c) => c.name)).toEqual(['Maya Lindqvist']);
    const [attachment] = (await session.attachments.all()).records;
    expect(attachment?.damagedAt).toEqual(expect.any(String));
  });
});

describe('a restore from an authentic backup holding a damaged worksheet file', () => {
  it('names the worksheet and, when the clinician agrees, restores every record without it', async () => {
    const { id: worksheetId } = await templateWithWorksheet(
      'Noticing thoughts',
      'Thought record.pdf',
    );
    await session.clients.add('Maya Lindqvist');
    const { entry } = await backUpVault(session);
    const damagedCopy = await authenticCopyWithDamagedWorksheets(
      app.backupDir,
      entry.fileName,
      vault.dataKey,
    );
    // The worksheet is no longer on this computer, so only the backup could bring it back.
    await session.attachments.remove(worksheetId);
    await session.clients.add('Someone added later');

    const asked: DamagedWorksheet[][] = [];
    const restored = await restoreVault(session, { fileName: damagedCopy }, async (list) => {
      asked.push(list);
      return true;
    });
    expect(asked).toEqual([
      [
        {
          attachmentId: worksheetId,
          fileName: 'Thought record.pdf',
          templateTitle: 'Noticing thoughts',
        },
      ],
    ]);
    if (!restored) throw new Error('not restored');
    session = restored;
    expect((await session.clients.all()).records.map((c) => c.name)).toEqual(['Maya Lindqvist']);
    const [attachment] = (await session.attachments.all()).records;
    expect(attachment?.id).toBe(worksheetId);
    expect(attachment?.damagedAt).toEqual(expect.any(String));
  });

  it('changes nothing when the clinician would rather keep things as they are', async () => {
    const { id: worksheetId } = await templateWithWorksheet(
      'Noticing thoughts',
      'Thought record.pdf',
    );
    const { entry } = await backUpVault(session);
    const damagedCopy = await authenticCopyWithDamagedWorksheets(
      app.backupDir,
      entry.fileName,
      vault.dataKey,
    );
    await session.attachments.remove(worksheetId);
    await session.clients.add('Someone added later');

    const restored = await restoreVault(session, { fileName: damagedCopy }, async () => false);
    expect(restored).toBeNull();
    expect((await session.clients.all()).records.map((c) => c.name)).toEqual([
      'Someone added later',
    ]);
  });

  it('brings the vault onto a new computer without the damaged worksheet, after asking', async () => {
    await templateWithWorksheet('Noticing thoughts', 'Thought record.pdf');
    await session.clients.add('Maya Lindqvist');
    const { entry } = await backUpVault(session);
    const damagedCopy = await authenticCopyWithDamagedWorksheets(
      app.backupDir,
      entry.fileName,
      vault.dataKey,
    );
    closeVaultSession(session);

    await app.moveToNewComputer();
    // The backup file is read from the backup folder, as a file picked in the dialog would be.
    const opening = { headerBytes: vault.headerBytes, vaultName: vault.header.name };
    const unlocked = () => ({ header: vault.header, dataKey: vault.dataKey.slice() });
    const declined = await importVault(
      { fileName: damagedCopy },
      opening,
      unlocked(),
      async () => false,
    );
    expect(declined).toBe(false);
    const accepted = await importVault(
      { fileName: damagedCopy },
      opening,
      unlocked(),
      async (list) => list.length === 1 && list[0]?.fileName === 'Thought record.pdf',
    );
    expect(accepted).toBe(true);
    session = await openVaultSession({ header: vault.header, dataKey: vault.dataKey.slice() });
    expect((await session.clients.all()).records.map((c) => c.name)).toEqual(['Maya Lindqvist']);
  });
});

describe('attaching a worksheet whose file name carries hidden characters', () => {
  it('shows them as � instead of refusing the worksheet or letting them reorder the name', async () => {
    const attachment = await templateWithWorksheet('Weekly plan', 'invoice\u202Efdp.exe.pdf\u0007');
    expect(attachment.fileName).toBe('invoice\uFFFDfdp.exe.pdf\uFFFD');
  });
});
