import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deriveKeyFromPassphrase } from '../../src-shared/crypto/kdf';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { BackupReader } from '../../src-shared/vault/backup-format';
import { unlockWithPassphrase } from '../../src-shared/vault/key-slots';
import { authenticCopyWithDamagedWorksheets } from '../fixtures/backups';
import { onePagePdf } from '../fixtures/worksheets';
import { type AppLauncher, expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { SettingsPage } from './pages/SettingsPage';

const passphrase = 'harbour thistle amber 48 kite';
const templateTitle = 'Urge surfing (my version)';
const worksheetName = 'Thought record – week 3.pdf';

/** A custom template with one worksheet attached, through the library screen. */
async function templateWithWorksheet(app: AppLauncher) {
  const running = await launchWithNewVault(app, passphrase);
  const { page } = running;
  const library = new LibraryPage(page);
  await library.open();
  await library.saveOwnCopyOf('Urge surfing');
  await library.attachWorksheet({
    name: worksheetName,
    mimeType: 'application/pdf',
    buffer: onePagePdf('Week 3'),
  });
  const worksheets = page.getByRole('list', { name: 'Worksheets' });
  await expect(worksheets.getByRole('listitem')).toHaveCount(1);
  return { ...running, library, worksheets };
}

async function worksheetFiles(app: AppLauncher): Promise<string[]> {
  const [vaultId] = await readdir(join(app.dataDir, 'vaults'));
  const folder = join(app.dataDir, 'vaults', vaultId ?? '', 'attachments');
  return (await readdir(folder)).map((name) => join(folder, name));
}

async function flipLastByte(path: string): Promise<void> {
  const bytes = await readFile(path);
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
  await writeFile(path, bytes);
}

async function openTemplate(library: LibraryPage): Promise<void> {
  await library.open();
  await library.search.fill('my version');
  await library.result(templateTitle).click();
}

test('a worksheet damaged on disk never stops a backup: the clinician is told which one and what to do', async ({
  app,
}) => {
  const { page, library, worksheets } = await templateWithWorksheet(app);
  const [file] = await worksheetFiles(app);
  await flipLastByte(file ?? '');

  const settings = new SettingsPage(page);
  await settings.open();
  await settings.backUpNow.click();
  const told = settings.status.filter({ hasText: 'leave out' });
  await expect(told).toContainText(`“${worksheetName}” on “${templateTitle}”`);
  await expect(told).toContainText('remove it and attach it again from your own copy');
  await expect(settings.backupRows().first()).toContainText('Intact');
  await page.screenshot({
    path: test.info().outputPath('backup-damaged-worksheet.png'),
    fullPage: true,
  });

  await openTemplate(library);
  await expect(worksheets.getByText('File damaged')).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'was damaged on this computer' }),
  ).toBeVisible();
  await worksheets.getByRole('button', { name: worksheetName, exact: true }).click();
  await expect(page.getByRole('dialog', { name: worksheetName })).toContainText(
    'remove it and attach it again',
  );
  await page.screenshot({
    path: test.info().outputPath('library-damaged-worksheet.png'),
    fullPage: true,
  });
});

test('restoring an authentic backup whose worksheet file is damaged restores everything else, after asking', async ({
  app,
}) => {
  const { page, library, worksheets, clients } = await templateWithWorksheet(app);
  await page.getByText('Clients', { exact: true }).first().click();
  await clients.addClient('Maya Lindqvist');
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.backUpNow.click();
  await expect(settings.status).toContainText('Backed up');

  // The worksheet is removed here, so only the backup could bring it back.
  await openTemplate(library);
  // Removing asks first; "Keep it" keeps it.
  await worksheets.getByRole('button', { name: `Remove ${worksheetName}` }).click();
  await worksheets.getByRole('button', { name: 'Keep it' }).click();
  await expect(worksheets.getByRole('listitem', { name: worksheetName })).toBeVisible();
  await worksheets.getByRole('button', { name: `Remove ${worksheetName}` }).click();
  await worksheets.getByRole('button', { name: 'Remove the worksheet' }).click();
  await expect(worksheets).toHaveCount(0);

  // The backup, re-sealed with the vault's real key but with the worksheet damaged inside,
  // dated a minute ahead so it is the newest whatever automatic backups run meanwhile.
  await loadSodium();
  const [withWorksheet] = (await readdir(app.backupDir)).sort();
  const reader = new BackupReader();
  reader.push(new Uint8Array(await readFile(join(app.backupDir, withWorksheet ?? ''))));
  const { dataKey } = await unlockWithPassphrase(
    reader.finish().headerBytes,
    passphrase,
    async (p, salt, params) => deriveKeyFromPassphrase(p, salt, params),
  );
  await authenticCopyWithDamagedWorksheets(
    app.backupDir,
    withWorksheet ?? '',
    dataKey,
    Date.now() + 60_000,
  );

  await settings.open();
  await settings.restoreNewest();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  const question = dialog.getByRole('alert').filter({ hasText: 'can’t be brought back' });
  await expect(question).toContainText(worksheetName);
  await expect(question).toContainText(templateTitle);
  await expectAccessible(page, 'restore with a damaged worksheet');
  await page.screenshot({
    path: test.info().outputPath('restore-damaged-worksheet.png'),
    fullPage: true,
  });
  await question.getByRole('button', { name: 'Restore without them' }).click();
  await expect(settings.status).toContainText('The backup was restored');

  await page.getByText('Clients', { exact: true }).first().click();
  await expect(clients.client('Maya Lindqvist')).toBeVisible();
  await openTemplate(library);
  await expect(worksheets.getByText('File damaged')).toBeVisible();
});

test('a chosen backup folder that has gone is named, and the default folder is offered', async ({
  app,
}) => {
  const { page, clients } = await launchWithNewVault(app, passphrase);
  const chosen = join(app.backupDir, '..', `${app.backupDir.split('/').pop()}-chosen`);
  await mkdir(chosen);
  app.dialogs.folder.push(chosen);
  const settings = new SettingsPage(page);
  await settings.open();
  await page.getByRole('button', { name: 'Change folder…' }).click();
  await expect(settings.backupFolder).toHaveText(chosen);

  await rm(chosen, { recursive: true });
  await page.getByText('Clients', { exact: true }).first().click();
  await clients.addClient('Maya Lindqvist');
  await settings.open();
  const missing = page.getByRole('alert').filter({ hasText: 'The backup folder can’t be found' });
  await expect(missing).toBeVisible();
  await settings.backUpNow.click();
  await expect(settings.backUpNow).toBeEnabled();
  await expect(missing).toBeVisible();
  await expect(settings.backupRows()).toHaveCount(0);
  await expectAccessible(page, 'settings with a missing backup folder');
  await page.screenshot({
    path: test.info().outputPath('backup-folder-missing.png'),
    fullPage: true,
  });
  await expect
    .poll(() =>
      readdir(join(chosen, '..')).then((names) => names.includes(chosen.split('/').pop() ?? '')),
    )
    .toBe(false);

  await missing.getByRole('button', { name: 'Use the default folder' }).click();
  await expect(settings.backupFolder).toHaveText(app.backupDir);
  await expect(missing).toHaveCount(0);
  await settings.backUpNow.click();
  await expect(settings.status).toContainText('Backed up 1 records');
});
