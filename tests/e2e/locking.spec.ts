import { readdir } from 'node:fs/promises';
import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { ClientsPage } from './pages/ClientsPage';
import { StartPage } from './pages/StartPage';

const passphrase = 'harbor lilac paper 88 stone';

test('the vault locks itself after the chosen idle time, and a locked vault refuses vault requests', async ({
  app,
}) => {
  const { page } = await app.launch();
  await page.clock.install();
  await page.reload();
  const start = new StartPage(page);
  await start.createVault('Private practice', passphrase);
  await start.confirmRecoveryKeyStored();
  const clients = new ClientsPage(page);
  await clients.gotoList();
  await clients.addClient('Maya Lindqvist');

  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Lock after this long without activity' }).click();
  await page.getByRole('option', { name: '2 minutes' }).click();
  await expect(
    page.getByRole('combobox', { name: 'Lock after this long without activity' }),
  ).toHaveValue('2 minutes');

  await page.clock.fastForward('01:50');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.clock.fastForward('00:20');
  await expect(start.unlockButton).toBeVisible();
  await expect(page.getByText('Maya Lindqvist')).toHaveCount(0);

  // Locking first backs up the unsaved change; once it is done, the vault answers LOCKED.
  const vaultId = (await readdir(`${app.dataDir}/vaults`))[0] ?? '';
  const listBackups = () =>
    page.evaluate((id) => window.bridgework['backup:list']({ vaultId: id }), vaultId);
  await expect
    .poll(listBackups)
    .toEqual({ ok: false, error: { code: 'LOCKED', message: expect.any(String) } });
  const answer = await page.evaluate(
    (id) => window.bridgework['backup:begin']({ vaultId: id }),
    vaultId,
  );
  expect(answer).toEqual({ ok: false, error: { code: 'LOCKED', message: expect.any(String) } });

  // The setting is kept for next time.
  await start.unlockWithPassphrase(passphrase);
  await page.getByText('Settings', { exact: true }).click();
  await expect(
    page.getByRole('combobox', { name: 'Lock after this long without activity' }),
  ).toHaveValue('2 minutes');
});

test('quitting backs up unsaved changes and locks before the app closes', async ({ app }) => {
  const running = await launchWithNewVault(app, passphrase);
  const { start, clients } = running;
  await clients.addClient('Maya Lindqvist');
  await expect(clients.client('Maya Lindqvist')).toBeVisible();

  await running.emit('app:quit-requested');
  await expect(start.unlockButton).toBeVisible();
  await expect.poll(() => running.quitConfirmed()).toBe(true);
  expect((await readdir(app.backupDir)).filter((name) => name.endsWith('.bwvault'))).toHaveLength(
    1,
  );
});

test('a vault can be renamed, and removed from this computer after typing its name', async ({
  app,
}) => {
  const { page, start, clients } = await launchWithNewVault(app, passphrase);
  await clients.addClient('Maya Lindqvist');
  await page.getByText('Settings', { exact: true }).click();

  await page.getByRole('button', { name: 'Rename vault…' }).click();
  await page.getByRole('dialog', { name: 'Rename vault' }).getByLabel('Vault name').fill('Clinic');
  await expectAccessible(page, 'the rename-vault dialog');
  await page
    .getByRole('dialog', { name: 'Rename vault' })
    .getByRole('button', { name: 'Save name' })
    .click();
  await expect(page.getByTestId('vault-name')).toContainText('Clinic');

  await page.getByRole('button', { name: 'Remove from this computer…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove vault from this computer' });
  await expectAccessible(page, 'remove vault');
  await expect(dialog.getByLabel('Make a final backup first')).toBeChecked();
  await dialog.getByLabel(/Type the vault’s name/).fill('Private practice');
  await expect(dialog.getByRole('button', { name: 'Remove vault' })).toBeDisabled();
  await dialog.getByLabel(/Type the vault’s name/).fill('Clinic');
  await dialog.getByRole('button', { name: 'Remove vault' }).click();

  await expect(page.getByText('Clinic was removed from this computer.')).toBeVisible();
  await expect(start.heading).toHaveText('Create your vault');
  expect(await readdir(`${app.dataDir}/vaults`)).toEqual([]);
  expect(
    (await readdir(app.backupDir)).filter((name) => name.endsWith('.bwvault')).length,
  ).toBeGreaterThan(0);
  const stores = await page.evaluate(async () =>
    (await indexedDB.databases())
      .map((db) => db.name ?? '')
      .filter((name) => name.startsWith('bridgework-vault-')),
  );
  expect(stores).toEqual([]);
});
