import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { scriptedDialogs } from '../fixtures/dialogs';
import { launchBrowserApp, makeTempDir, removeDir } from '../harness/browser-app';
import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { tinyPng } from '../fixtures/worksheets';
import { ClientsPage } from './pages/ClientsPage';
import { LibraryPage } from './pages/LibraryPage';
import { SettingsPage } from './pages/SettingsPage';
import { StartPage } from './pages/StartPage';

const passphrase = 'willow compass ember 31 tide';

test('backing up and restoring puts the vault back exactly as it was, after a safety backup', async ({
  app,
}) => {
  const { page, clients } = await launchWithNewVault(app, passphrase);
  await clients.addClient('Maya Lindqvist');
  await clients.addClient('Jonas Ødegård');

  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.backupFolder).toHaveText(app.backupDir);
  await settings.backUpNow.click();
  await expect(settings.status).toContainText('Backed up 2 records');
  await expect(settings.backupRows()).toHaveCount(1);
  await expect(settings.backupRows().first()).toContainText('Intact');
  await expectAccessible(page, 'settings');

  await page.getByText('Clients', { exact: true }).first().click();
  await clients.addClient('Added after the backup');
  await expect(clients.client('Added after the backup')).toBeVisible();

  await settings.open();
  await settings
    .backupRows()
    .first()
    .getByRole('button', { name: /Restore the backup/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog.getByRole('button', { name: 'Restore this backup' })).toBeDisabled();
  await dialog.getByLabel(/Type “restore”/).fill('restore');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(settings.status).toContainText('The backup was restored.');
  // The safety backup of the state before the restore is listed too.
  await expect(settings.backupRows()).toHaveCount(2);

  await page.getByText('Clients', { exact: true }).first().click();
  await expect(clients.client('Maya Lindqvist')).toBeVisible();
  await expect(clients.client('Jonas Ødegård')).toBeVisible();
  await expect(clients.client('Added after the backup')).toHaveCount(0);
});

test('a damaged or altered backup is never restored, and the vault stays as it was', async ({
  app,
}) => {
  const { page, clients } = await launchWithNewVault(app, passphrase);
  await clients.addClient('Maya Lindqvist');
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.backUpNow.click();
  await expect(settings.backupRows()).toHaveCount(1);

  const [good] = (await readdir(app.backupDir)).filter((name) => name.endsWith('.bwvault'));
  if (!good) throw new Error('no backup written');
  const bytes = await readFile(join(app.backupDir, good));
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 80] = (flipped[flipped.length - 80] ?? 0) ^ 0xff;
  await writeFile(join(app.backupDir, good.replace(/\d{3}Z/, '001Z')), flipped);

  // An edit made without the key: a record removed, checksum recomputed so only the MAC can tell.
  const sodium = await loadSodium();
  const headerLength = bytes.readUInt32LE(6);
  // Its creation time moves ~50 days ahead (bit 32 of the u64), so it lists as the newest.
  const createdAtOffset = 10 + headerLength + 4;
  const altered = Buffer.from(bytes);
  altered[createdAtOffset] = (altered[createdAtOffset] ?? 0) ^ 0x01;
  const body = altered.subarray(0, altered.length - 32);
  Buffer.from(sodium.crypto_generichash(32, body, null)).copy(altered, altered.length - 32);
  await writeFile(join(app.backupDir, good.replace(/\d{3}Z/, '002Z')), altered);

  await page.getByText('Clients', { exact: true }).first().click();
  await clients.addClient('Still here');
  await settings.open();
  await expect(settings.backupRows()).toHaveCount(3);
  await expect(settings.backups.getByText('Damaged')).toHaveCount(1);

  const tampered = settings.backupRows().filter({ hasText: 'Intact' }).first();
  await tampered.getByRole('button', { name: /Restore the backup/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await dialog.getByLabel(/Type “restore”/).fill('restore');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    "This backup doesn't match what Bridgework wrote",
  );
  await dialog.getByRole('button', { name: 'Keep things as they are' }).click();

  await page.getByText('Clients', { exact: true }).first().click();
  await expect(clients.client('Still here')).toBeVisible();
  await expect(clients.client('Maya Lindqvist')).toBeVisible();
});

test('a new passphrase opens the vault, the old one no longer does, and no record is re-encrypted', async ({
  app,
}) => {
  const { page, start, clients, recoveryKey } = await launchWithNewVault(app, passphrase);
  await clients.addClient('Maya Lindqvist');

  const sealedRows = () =>
    page.evaluate(async () => {
      const names = (await indexedDB.databases())
        .map((db) => db.name ?? '')
        .filter((name) => name.startsWith('bridgework-vault-'));
      const out: string[] = [];
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
        });
        const rows = await new Promise<{ id: string; sealed: Uint8Array }[]>((resolve) => {
          const request = db.transaction('clients').objectStore('clients').getAll();
          request.onsuccess = () => resolve(request.result as { id: string; sealed: Uint8Array }[]);
        });
        out.push(...rows.map((row) => `${row.id}:${Array.from(row.sealed).join(',')}`));
        db.close();
      }
      return out.sort();
    });
  const before = await sealedRows();

  const settings = new SettingsPage(page);
  await settings.open();
  await settings.changePassphrase('not my passphrase', 'a different passphrase 2027 river');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText(
    'Your current passphrase doesn',
  );
  await page.getByRole('dialog').getByLabel('Current passphrase').fill(passphrase);
  await page.getByRole('dialog').getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Your passphrase was changed.')).toBeVisible({ timeout: 30_000 });
  expect(await sealedRows()).toEqual(before);

  await clients.lockButton.click();
  await start.unlockWithPassphrase(passphrase);
  await expect(start.alert).toContainText("That passphrase doesn't open this vault");
  await start.unlockWithPassphrase('a different passphrase 2027 river');
  await clients.gotoList();
  await expect(clients.client('Maya Lindqvist')).toBeVisible();

  // A new recovery key: the old one stops working.
  await settings.open();
  await page.getByRole('button', { name: 'New recovery key…' }).click();
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  const newKey = (await page.getByTestId('recovery-key').textContent()) ?? '';
  expect(newKey).not.toBe(recoveryKey);
  await page.getByLabel('I’ve stored my recovery key somewhere safe').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.keyboard.press('Control+L');
  await start.unlockWithRecoveryKey(recoveryKey);
  await expect(start.alert).toContainText("That recovery key doesn't open this vault");
  await start.unlockWithRecoveryKey(newKey);
  await clients.gotoList();
  await expect(clients.client('Maya Lindqvist')).toBeVisible();
});

test('a vault moves to a new computer through a backup file, worksheets included', async ({
  app,
}) => {
  const { page, start, clients } = await launchWithNewVault(app, passphrase);
  await clients.addClient('Maya Lindqvist');
  await clients.addClient('Jonas Ødegård');
  await expect(clients.client('Jonas Ødegård')).toBeVisible();
  const library = new LibraryPage(page);
  await library.open();
  await library.saveOwnCopyOf('Urge surfing');
  await library.attachWorksheet({ name: 'wave.png', mimeType: 'image/png', buffer: tinyPng });
  await expect(page.getByRole('button', { name: 'wave.png', exact: true })).toBeVisible();
  await clients.lockButton.click();
  await expect(start.unlockButton).toBeVisible();
  const backupsInFolder = async () =>
    (await readdir(app.backupDir)).filter((name) => name.endsWith('.bwvault'));
  await expect.poll(backupsInFolder).toHaveLength(1);
  const [backup] = await backupsInFolder();
  if (!backup) throw new Error('locking made no backup');

  const dirs = await Promise.all(
    ['data', 'profile', 'backups'].map((name) => makeTempDir(`new-${name}`)),
  );
  const [dataDir = '', profileDir = '', backupDir = ''] = dirs;
  const dialogs = scriptedDialogs();
  const laptop = await launchBrowserApp({
    origin: app.origin,
    dataDir,
    profileDir,
    backupDir,
    dialogs,
  });
  try {
    const newStart = new StartPage(laptop.page);
    await expect(newStart.heading).toHaveText('Create your vault');
    await laptop.page.getByRole('button', { name: 'Open from a backup file' }).click();
    await expectAccessible(laptop.page, 'open from backup');
    dialogs.answers.backupFile.push(join(app.backupDir, backup));
    await laptop.page.getByRole('button', { name: 'Choose backup file…' }).click();
    await expect(laptop.page.getByText('Private practice', { exact: true })).toBeVisible();
    await expectAccessible(laptop.page, 'open from backup, the file chosen');
    await newStart.passphrase.fill('wrong passphrase here');
    await laptop.page.getByRole('button', { name: 'Unlock and open' }).click();
    await expect(newStart.alert).toContainText("That passphrase doesn't open this vault");
    await expectAccessible(laptop.page, 'open from backup, after a wrong passphrase');
    await newStart.passphrase.fill(passphrase);
    await laptop.page.getByRole('button', { name: 'Unlock and open' }).click();
    const newClients = new ClientsPage(laptop.page);
    await newClients.gotoList();
    await expect(newClients.client('Maya Lindqvist')).toBeVisible();
    await expect(newClients.client('Jonas Ødegård')).toBeVisible();
    const newLibrary = new LibraryPage(laptop.page);
    await newLibrary.open();
    await newLibrary.search.fill('my version');
    await newLibrary.result('Urge surfing (my version)').click();
    await laptop.page.getByRole('button', { name: 'wave.png', exact: true }).click();
    await expect(laptop.page.getByRole('img', { name: 'wave.png' })).toBeVisible();
  } finally {
    await laptop.close();
    for (const dir of dirs) await removeDir(dir);
  }
});
