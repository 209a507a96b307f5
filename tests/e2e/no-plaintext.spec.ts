import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { onePagePdf } from '../fixtures/worksheets';
import { expect, launchWithNewVault, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import {
  expectNoFieldKeepsWhatWasTyped,
  expectNoPlaintextAtRest,
  findInIndexedDb,
  openVaultDatabase,
  type PlaintextHit,
  scanFolders,
} from './plaintext-scan';

/**
 * No client text at rest, proven by scanning the browser profile, the data folder and the
 * backup folder (raw, and LevelDB decoded and decompressed) after every phase of a session,
 * and by positive controls showing the scan finds the same kind of text when it is there.
 */

const passphrase = 'lantern quiet river 31 moss';

/**
 * Long free-text canaries, typed where a clinician types them: V8 keeps most as one byte per
 * character (Latin-1), and those with a character beyond Latin-1 (’) as UTF-16.
 */
const canaries = {
  clientName: 'Zq-Client Åsa Ødegård-Lindqvist',
  privateNotes:
    'Zq-Notes: Åsa described the panic that began after her father’s funeral in March. She avoids the tram to work, sleeps with the light on, and asked that her sister never be told about the hospital stay.',
  goal: 'Zq-Goal: ride the number 12 tram to the harbour office on my own, twice a week, without calling anyone first',
  goalWhy: 'Zq-Why: so I can keep the job at the harbour and stop asking my brother for lifts',
  templateText:
    'Zq-Template: when the urge to check the locks arrives, name it aloud, write down the time, and wait ten full minutes before touching the door handle again.',
  worksheetName: 'Zq-Worksheet Ødegård tram exposure ladder.pdf',
  worksheetText: 'Zq-PDF text of the tram ladder',
};

test('client text is at rest nowhere: after saving, after a backup, after locking and after quitting', async ({
  app,
}) => {
  const running = await launchWithNewVault(app, passphrase);
  const { page, clients, start } = running;
  await clients.addClient(canaries.clientName);
  await clients.open(canaries.clientName);
  await clients.addGoal(canaries.goal, canaries.goalWhy);
  await expect(clients.goals.getByRole('listitem')).toHaveCount(1);
  await clients.privateNotes.fill(canaries.privateNotes);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expectNoFieldKeepsWhatWasTyped(page, 'on the client page');

  const library = new LibraryPage(page);
  await library.open();
  await library.search.fill('urge surfing');
  await library.result('Urge surfing').click();
  await page.getByRole('button', { name: 'Duplicate to customise' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Checking the locks, slowly');
  await page.getByLabel('Why this helps (in the client’s words)').fill(canaries.templateText);
  await expectNoFieldKeepsWhatWasTyped(page, 'in the template editor');
  await page.getByRole('button', { name: 'Save template' }).click();
  await library.search.fill('locks');
  await library.result('Checking the locks, slowly').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach a PDF or image…' }).click();
  await (
    await chooser
  ).setFiles({
    name: canaries.worksheetName,
    mimeType: 'application/pdf',
    buffer: onePagePdf(canaries.worksheetText),
  });
  await expect(page.getByRole('list', { name: 'Worksheets' }).getByRole('listitem')).toHaveCount(1);

  const texts = Object.values(canaries);
  const atRest = {
    dirs: [app.profileDir, app.dataDir, app.backupDir],
    texts,
    database: await openVaultDatabase(page),
  };
  for (const text of texts) expect(await findInIndexedDb(page, text), text).toEqual([]);
  await expectNoPlaintextAtRest({ ...atRest, phase: 'after saving' });

  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up' })).toBeVisible();
  await expectNoPlaintextAtRest({ ...atRest, phase: 'after a backup' });

  await page.keyboard.press('Control+L');
  await expect(start.unlockButton).toBeVisible();
  for (const text of texts) expect(await findInIndexedDb(page, text), text).toEqual([]);
  await expectNoPlaintextAtRest({ ...atRest, phase: 'after locking' });

  await running.emit('app:quit-requested');
  await expect.poll(() => running.quitConfirmed()).toBe(true);
  await running.close();
  await expectNoPlaintextAtRest({ ...atRest, phase: 'after quitting' });
});

/** A paragraph in a value large and repetitive enough that Chromium compresses it. */
const largeCanary =
  'Zq-Large-Canary: a whole session of private notes about one client, her sleep, her work and her family, kept in a single record';
/** ≥ 200 KB: the canary among copies of its own words, which Snappy turns into back-references. */
const largeValue = Array.from({ length: 2000 }, (_, index) =>
  index % 10 === 5 ? largeCanary : largeCanary.split(' ').reverse().join(' '),
).join('\n');
const smallCanary = 'Zq-Canary Ødegård';

/** Puts records into `plaintext-control`, a plain database indexed by `name`, as an app might. */
async function putUnencrypted(page: Page, records: Record<string, string>[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const open = indexedDB.open('plaintext-control', 1);
    open.onupgradeneeded = () =>
      open.result.createObjectStore('notes', { keyPath: 'id' }).createIndex('name', 'name');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const tx = db.transaction('notes', 'readwrite', { durability: 'strict' });
    for (const row of rows) tx.objectStore('notes').put(row);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, records);
}

async function deleteUnencrypted(page: Page, id: string): Promise<void> {
  await page.evaluate(async (key) => {
    const open = indexedDB.open('plaintext-control', 1);
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const tx = db.transaction('notes', 'readwrite', { durability: 'strict' });
    tx.objectStore('notes').delete(key);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, id);
}

const raw = (hits: PlaintextHit[]) => hits.filter((hit) => hit.in === 'file bytes');
const decompressedIn = (hits: PlaintextHit[], file: RegExp) =>
  hits.filter((hit) => hit.in === 'Snappy-compressed IndexedDB value' && file.test(hit.file));

test('the scan finds text stored unencrypted, compressed, deleted or moved into a table (positive control)', async ({
  app,
}) => {
  const running = await app.launch();
  const { page } = running;
  await putUnencrypted(page, [
    { id: 'small', name: smallCanary },
    { id: 'large', name: 'large', text: largeValue },
  ]);
  await writeFile(join(app.dataDir, 'control.json'), JSON.stringify({ name: smallCanary }));
  expect(largeValue.length).toBeGreaterThanOrEqual(200_000);
  expect(await findInIndexedDb(page, smallCanary)).toEqual(['plaintext-control/notes']);
  expect(await findInIndexedDb(page, largeCanary)).toEqual(['plaintext-control/notes']);

  let scan = await scanFolders([app.profileDir, app.dataDir]);
  expect(scan.levelDb.problems).toEqual([]);
  expect(scan.databaseNames).toContain('plaintext-control');
  const small = scan.find(smallCanary);
  expect(raw(small)).toContainEqual(
    expect.objectContaining({ file: join(app.dataDir, 'control.json'), encoding: 'utf8' }),
  );
  // The value holds it one byte per character; the index key (a LevelDB key) in UTF-16BE.
  expect(raw(small).map((hit) => hit.encoding)).toEqual(
    expect.arrayContaining(['latin1', 'utf16be']),
  );
  // Chromium compressed the large value: its raw bytes no longer hold the canary.
  expect(scan.levelDb.counts.compressedValues).toBeGreaterThan(0);
  expect(raw(scan.find(largeCanary))).toEqual([]);
  expect(decompressedIn(scan.find(largeCanary), /\.log$/)).not.toEqual([]);

  // Deleted, it is gone from the API but not from the disk.
  await deleteUnencrypted(page, 'large');
  expect(await findInIndexedDb(page, largeCanary)).toEqual([]);
  scan = await scanFolders([app.profileDir]);
  expect(raw(scan.find(largeCanary))).toEqual([]);
  expect(decompressedIn(scan.find(largeCanary), /\.log$/)).not.toEqual([]);
  // The assertion the other specs use fails here, and on a folder without the database.
  await expect(
    expectNoPlaintextAtRest({
      dirs: [app.profileDir],
      texts: [largeCanary],
      phase: 'in the control',
      database: 'plaintext-control',
    }),
  ).rejects.toThrow(/Zq-Large-Canary.* at rest in the control/);
  await expect(
    expectNoPlaintextAtRest({
      dirs: [app.dataDir, app.backupDir],
      texts: [],
      phase: 'in the wrong folders',
      database: 'plaintext-control',
    }),
  ).rejects.toThrow(/IndexedDB databases on disk in the wrong folders/);

  // Enough further writes make LevelDB move the log into a table file of compressed blocks.
  const tables = async () => {
    const found = await scanFolders([join(app.profileDir, 'Default', 'IndexedDB')]);
    return found.levelDb.problems.length === 0 ? found.levelDb.counts.tableFiles : 0;
  };
  for (let batch = 0; batch < 12 && (await tables()) === 0; batch += 1)
    await putUnencrypted(
      page,
      Array.from({ length: 16 }, (_, index) => ({
        id: `filler-${batch}-${index}`,
        name: 'filler',
        text: Array.from({ length: 6000 }, () => Math.random().toString(36).slice(2, 12)).join(''),
      })),
    );
  await expect.poll(tables).toBeGreaterThan(0);
  scan = await scanFolders([app.profileDir]);
  expect(scan.levelDb.problems).toEqual([]);
  expect(scan.levelDb.counts.snappyBlocks).toBeGreaterThan(0);
  expect(decompressedIn(scan.find(largeCanary), /\.ldb$/)).not.toEqual([]);
  expect(scan.find(smallCanary).filter((hit) => /\.ldb$/.test(hit.file))).not.toEqual([]);

  // The profile stays readable, and says the same, once the browser has quit.
  await running.close();
  scan = await scanFolders([app.profileDir]);
  expect(raw(scan.find(largeCanary))).toEqual([]);
  expect(decompressedIn(scan.find(largeCanary), /\.(log|ldb)$/)).not.toEqual([]);
  expect(scan.find(smallCanary)).not.toEqual([]);
  expect(await readdir(app.profileDir)).toContain('Default');
});
