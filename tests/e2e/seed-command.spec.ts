import { openPreview } from '../../scripts/preview-app';
import { seedVault } from '../../scripts/seed-vault';
import { scriptedDialogs } from '../fixtures/dialogs';
import { makeTempDir, removeDir } from '../harness/browser-app';
import { expect, test } from './fixtures';
import { ClientsPage } from './pages/ClientsPage';
import { StartPage } from './pages/StartPage';
import { TodayPage } from './pages/TodayPage';

test('`npm run seed -- --size demo` leaves a demo vault that the preview on its folder opens with the passphrase printed', async () => {
  test.setTimeout(240_000);
  const parent = await makeTempDir('seed');
  const dataDir = `${parent}/vault`;
  try {
    const seeded = await seedVault({ size: 'demo', dataDir });
    expect(seeded.name).toBe('Demo practice (made-up clients)');
    expect(seeded.passphrase.split(' ')).toHaveLength(6);
    expect(seeded.counts).toMatchObject({ clients: 5, damagedClients: 0 });
    expect(seeded.counts.reviews).toBeGreaterThan(0);
    expect(seeded.counts.practiceLogs).toBeGreaterThan(0);

    // A seeded folder is not seeded again: the command only ever makes a new vault.
    await expect(seedVault({ size: 'demo', dataDir })).rejects.toThrow(/already has files in it/);

    // `npm run preview -- --data DIR`, as the command says to open it.
    const preview = await openPreview({
      dataDir,
      backupDir: `${parent}/backups`,
      dialogs: scriptedDialogs(),
      headless: true,
    });
    try {
      const { page } = preview.app;
      const start = new StartPage(page);
      await expect(page.getByText('A demo vault: its clients are made up.')).toBeVisible();
      await start.unlockWithPassphrase(seeded.passphrase);
      await expect(new TodayPage(page).heading).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('demo-mark')).toHaveText('DEMO');
      const clients = new ClientsPage(page);
      await clients.gotoList();
      await expect(clients.client('Maren Holloway')).toBeVisible();
      await page.screenshot({ path: '/tmp/seed-command-clients.png' });
    } finally {
      await preview.close();
    }
  } finally {
    await removeDir(parent);
  }
});
