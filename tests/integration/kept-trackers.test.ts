import 'fake-indexeddb/auto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { toHex, utf8 } from '../../src-shared/crypto/bytes';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { newRecordId } from '../../src-shared/domain/record-id';
import { encryptRecord } from '../../src-shared/vault/record-codec';
import { loadBuiltinTemplates } from '../fixtures/library';
import {
  connectRendererToMain,
  openNewVault,
  type RendererWithMain,
} from '../fixtures/renderer-with-main';
import { onePagePdf, tinyPng } from '../fixtures/worksheets';
import { AttachmentRejected } from '../../src-renderer/data/attachments-repository';
import {
  indexedFields,
  VAULT_TABLES,
  VaultDatabase,
  vaultDatabaseName,
} from '../../src-renderer/data/vault-database';
import { backUpVault, restoreVault } from '../../src-renderer/data/vault-backup';
import {
  closeVaultSession,
  internalsOf,
  type VaultSession,
} from '../../src-renderer/data/vault-session';

/**
 * Files kept with the vault, with the renderer's data layer (Dexie on fake-indexeddb) talking to
 * the real main-process attachment store on temp folders, as the app does.
 */

let app: RendererWithMain;
let session: VaultSession;

/** What the client wrote on their tracker; it must never be readable in a stored file. */
const CANARY = 'Zq-Canary walked to the market door';

beforeAll(() => loadSodium());

beforeEach(async () => {
  app = await connectRendererToMain();
  ({ session } = await openNewVault());
});

afterEach(async () => {
  closeVaultSession(session);
  await app.remove();
});

const attachmentsFolder = () => join(app.dataDir, 'vaults', session.vaultIdHex, 'attachments');
const storedFiles = async () => (await readdir(attachmentsFolder()).catch(() => [])).sort();

/** A returned tracker kept for a practice of `clientId`, read into a review. */
function keepTracker(clientId: string, name = 'tracker back.pdf', text = CANARY) {
  return session.attachments.keepReturnedTracker(
    { clientId, assignmentId: newRecordId(), reviewId: newRecordId() },
    { name, bytes: new Uint8Array(onePagePdf(text)) },
  );
}

/** A custom template with one worksheet; returns the worksheet. */
async function templateWorksheet() {
  const [builtin] = loadBuiltinTemplates();
  if (!builtin) throw new Error('no built-in templates');
  const { id: _slug, version: _version, ...content } = builtin;
  const template = await session.templates.create({ ...content, title: 'Noticing thoughts' });
  return session.attachments.add(template.lineageId, {
    name: 'Thought record.pdf',
    bytes: new Uint8Array(onePagePdf('Thought record')),
  });
}

describe('a returned tracker kept with a client’s records', () => {
  it('is stored encrypted, listed with that client only, and opens to the very same file', async () => {
    const maya = await session.clients.add('Maya Lindqvist');
    const jonas = await session.clients.add('Jonas Ødegård');
    const kept = await keepTracker(maya.id);
    await keepTracker(jonas.id, 'jonas.pdf', 'another week');

    expect(kept).toMatchObject({
      kind: 'returned-tracker',
      clientId: maya.id,
      fileName: 'tracker back.pdf',
      mediaType: 'application/pdf',
    });
    const stored = await readFile(join(attachmentsFolder(), `${kept.id}.bwatt`));
    expect(stored.includes(Buffer.from('Zq-Canary'))).toBe(false);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);

    const forMaya = await session.attachments.forClient(maya.id);
    expect(forMaya).toEqual({ records: [kept], damagedIds: [] });
    expect(await session.attachments.open(kept)).toEqual(new Uint8Array(onePagePdf(CANARY)));
  });

  it('lists a client’s kept trackers oldest first, and never a template’s worksheets', async () => {
    const maya = await session.clients.add('Maya Lindqvist');
    // Only the clock is played, a day apart; timers and promises run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-09T10:00:00Z'));
    const first = await keepTracker(maya.id, 'week one.pdf');
    vi.setSystemTime(new Date('2026-03-02T10:00:00Z'));
    const earlier = await keepTracker(maya.id, 'week two.pdf');
    vi.useRealTimers();
    const worksheet = await templateWorksheet();

    expect((await session.attachments.forClient(maya.id)).records.map((a) => a.id)).toEqual([
      earlier.id,
      first.id,
    ]);
    expect(
      (await session.attachments.forTemplate(worksheet.lineageId)).records.map((a) => a.id),
    ).toEqual([worksheet.id]);
  });

  it('keeps only a PDF, and stores nothing when it refuses one', async () => {
    const maya = await session.clients.add('Maya Lindqvist');
    const owner = { clientId: maya.id, assignmentId: newRecordId(), reviewId: newRecordId() };
    await expect(
      session.attachments.keepReturnedTracker(owner, { name: 'photo.png', bytes: tinyPng }),
    ).rejects.toThrow(AttachmentRejected);
    await expect(
      session.attachments.keepReturnedTracker(owner, {
        name: 'empty.pdf',
        bytes: new Uint8Array(),
      }),
    ).rejects.toThrow('This file is empty.');
    expect((await session.attachments.all()).records).toEqual([]);
    expect(await storedFiles()).toEqual([]);
  });

  it('once removed, is gone from the list and its file from the computer', async () => {
    const maya = await session.clients.add('Maya Lindqvist');
    const kept = await keepTracker(maya.id);
    const other = await keepTracker(maya.id, 'other week.pdf');

    await session.attachments.remove(kept.id);

    expect((await session.attachments.forClient(maya.id)).records).toEqual([other]);
    expect(await storedFiles()).toEqual([`${other.id}.bwatt`]);
  });
});

describe('deleting a client', () => {
  it('deletes their kept trackers, records and files, and leaves everyone else’s alone', async () => {
    const maya = await session.clients.add('Maya Lindqvist');
    const jonas = await session.clients.add('Jonas Ødegård');
    await keepTracker(maya.id, 'week one.pdf');
    await keepTracker(maya.id, 'week two.pdf');
    const jonasTracker = await keepTracker(jonas.id, 'jonas.pdf');
    const worksheet = await templateWorksheet();

    // The client and their two kept trackers.
    expect(await session.clients.deleteWithAllRecords(maya.id)).toBe(3);

    expect((await session.attachments.forClient(maya.id)).records).toEqual([]);
    expect((await session.attachments.all()).records.map((a) => a.id).sort()).toEqual(
      [jonasTracker.id, worksheet.id].sort(),
    );
    expect(await storedFiles()).toEqual(
      [`${jonasTracker.id}.bwatt`, `${worksheet.id}.bwatt`].sort(),
    );
  });
});

describe('a backup and a restore', () => {
  it('carry a client’s kept trackers: listed with the client again and opening as before', async () => {
    const maya = await session.clients.add('Maya Lindqvist');
    const kept = await keepTracker(maya.id);
    const { entry } = await backUpVault(session);
    await session.attachments.remove(kept.id);

    const restored = await restoreVault(session, { fileName: entry.fileName }, async () => true);
    if (!restored) throw new Error('not restored');
    session = restored;

    // Found through the clientId index the restore rebuilt from the sealed record.
    expect((await session.attachments.forClient(maya.id)).records).toEqual([kept]);
    expect(await session.attachments.open(kept)).toEqual(new Uint8Array(onePagePdf(CANARY)));
  });
});

describe('attachments stored by an earlier Bridgework', () => {
  it('a worksheet description of shape 1 reads as the template worksheet it was', async () => {
    const { keys, db } = internalsOf(session);
    const record = {
      id: newRecordId(),
      lineageId: newRecordId(),
      fileName: 'Old worksheet.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 1200,
      createdAt: '2026-01-05T10:00:00.000Z',
    };
    const address = { vaultId: keys.vaultId, table: 'attachments', recordId: record.id } as const;
    const sealed = encryptRecord(keys.dataKey, address, 1, utf8(JSON.stringify(record)));
    await db.sealed('attachments').put({ id: record.id, sealed, lineageId: record.lineageId });

    expect(await session.attachments.forTemplate(record.lineageId)).toEqual({
      records: [{ ...record, kind: 'template-worksheet' }],
      damagedIds: [],
    });
  });

  it('a store of IndexedDB version 4 opens at version 5 with every row, and finds kept trackers by client', async () => {
    const vaultIdHex = toHex(new Uint8Array(16).fill(7));
    const name = vaultDatabaseName(vaultIdHex, 1);
    const version4 = new Dexie(name);
    version4
      .version(4)
      .stores(
        Object.fromEntries(
          VAULT_TABLES.map((table) => [
            table,
            table === 'attachments' ? 'id, lineageId' : ['id', ...indexedFields[table]].join(', '),
          ]),
        ),
      );
    const worksheetRow = {
      id: newRecordId(),
      sealed: new Uint8Array([1]),
      lineageId: newRecordId(),
    };
    await version4.table('attachments').put(worksheetRow);
    version4.close();

    const upgraded = new VaultDatabase(vaultIdHex, 1);
    const clientId = newRecordId();
    const trackerRow = { id: newRecordId(), sealed: new Uint8Array([2]), clientId };
    await upgraded.sealed('attachments').put(trackerRow);

    expect(upgraded.verno).toBe(5);
    expect(await upgraded.sealed('attachments').count()).toBe(2);
    expect(
      await upgraded.sealed('attachments').where('clientId').equals(clientId).toArray(),
    ).toEqual([trackerRow]);
    expect(
      await upgraded
        .sealed('attachments')
        .where('lineageId')
        .equals(worksheetRow.lineageId)
        .toArray(),
    ).toEqual([worksheetRow]);
    upgraded.close();
  });
});
