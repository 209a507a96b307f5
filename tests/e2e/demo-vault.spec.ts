import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_FOOTER } from '../../src-shared/domain/demo-vault';
import { readPdfPages } from '../../src-renderer/documents/pdf-text';
import { expect, expectAccessible, test } from './fixtures';
import { ClientsPage } from './pages/ClientsPage';
import { SessionPlanPage } from './pages/SessionPlanPage';
import { StartPage } from './pages/StartPage';
import { TodayPage } from './pages/TodayPage';
import { findInIndexedDb, openVaultDatabase, scanFolders } from './plaintext-scan';

/** Made-up clients and words of the demo practice (src-renderer/data/seed/demo-practice-content.ts). */
const MAREN = 'Maren Holloway';
const demoTexts = [
  MAREN,
  'Theo Brandt',
  'Referred by GP for low mood after redundancy.',
  'The first five minutes are the hardest; after that I quite like it.',
  'Get outside every day, even for a bit',
];

/**
 * Chromium's caches of the app's own scripts: the demo's made-up words ship in the app's code (a
 * script chunk loaded when a demo is asked for), so they are in those caches as the code is.
 */
const scriptCache = /[/\\]Default[/\\](Cache|Code Cache|GPUCache)[/\\]/;

test('“Try a demo vault” makes a vault of made-up clients, shows its passphrase and marks it DEMO everywhere', async ({
  app,
}) => {
  // The demo's seeding, a plaintext scan of the profile and a second vault: slow on a busy machine.
  test.setTimeout(240_000);
  const running = await app.launch();
  const { page } = running;
  const start = new StartPage(page);

  // From the very first start screen: no vault yet.
  await page.getByRole('button', { name: 'Try a demo vault' }).click();
  await expect(page.getByRole('heading', { name: 'Try a demo vault', level: 1 })).toBeVisible();
  await expectAccessible(page, 'try a demo vault');
  await page.getByRole('button', { name: 'Make the demo vault' }).click();
  const shown = page.getByTestId('demo-passphrase');
  await expect(shown).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'the demo vault is ready');
  const passphrase = (await shown.textContent())?.trim() ?? '';
  expect(passphrase.split(' ')).toHaveLength(6);
  await expect(page.getByText('with 5 made-up clients')).toBeVisible();
  await page.screenshot({ path: '/tmp/demo-vault-passphrase.png' });
  await page.getByRole('button', { name: 'Open the demo vault' }).click();

  // Marked DEMO in the shell and the window title while it is open.
  const today = new TodayPage(page);
  await expect(today.heading).toBeVisible();
  await expect(page.getByTestId('demo-mark')).toHaveText('DEMO');
  await expect(page).toHaveTitle(/^DEMO · /);
  // Today's sessions (the demo books one client each weekday, from today on) have loaded.
  await expect(page.locator('section[aria-labelledby^="day-"] ul > li').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/demo-vault-today.png' });

  // A demo client, with their sessions and practice.
  const clients = new ClientsPage(page);
  await clients.gotoList();
  // The active ones; Jonah is on a break, so the list leaves him out until asked.
  for (const name of [MAREN, 'Theo Brandt', 'Ines Calloway', 'Priya Ashdown'])
    await expect(clients.client(name)).toBeVisible();
  await clients.open(MAREN);
  await expect(page.getByRole('heading', { name: MAREN, level: 1 })).toBeVisible();
  await expect(page.getByTestId('demo-mark')).toBeVisible();
  await page.screenshot({ path: '/tmp/demo-vault-client.png', fullPage: true });

  // Last week's session, and the review finished in it.
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await sessions.getByRole('listitem').nth(1).getByRole('button').first().click();

  // Its session summary, printed: every page says DEMO at its foot.
  const saveFolder = await mkdtemp(join(tmpdir(), 'bridgework-demo-print-'));
  const summaryPath = join(saveFolder, 'summary.pdf');
  const plan = new SessionPlanPage(page);
  app.dialogs.exportSaveLocation.push(summaryPath);
  await plan.summarySection.getByRole('button', { name: 'Session summary PDF' }).click();
  await expect(plan.summarySection.getByText(/^Saved “/)).toContainText('summary.pdf');
  const printed = await readPdfPages(new Uint8Array(await readFile(summaryPath)));
  expect(printed.length).toBeGreaterThan(0);
  for (const pdfPage of printed) expect(pdfPage.text.replace(/\s+/gu, ' ')).toContain(DEMO_FOOTER);
  await rm(saveFolder, { recursive: true, force: true });
  const review = page.getByRole('region', { name: 'Review last week’s practice' });
  await review.getByRole('button', { name: 'Open review' }).first().click();
  await expect(page.getByRole('heading', { name: /^Reviewing / })).toBeVisible();
  await expect(page.getByText(`With ${MAREN} · finished`)).toBeVisible();
  await expect(page.getByTestId('demo-mark')).toBeVisible();
  await page.screenshot({ path: '/tmp/demo-vault-review.png', fullPage: true });

  // Nothing the demo holds is at rest in plaintext.
  for (const text of demoTexts) expect(await findInIndexedDb(page, text), text).toEqual([]);
  const scan = await scanFolders([app.profileDir, app.dataDir, app.backupDir]);
  expect(scan.levelDb.problems).toEqual([]);
  expect(scan.databaseNames).toContain(await openVaultDatabase(page));
  for (const text of demoTexts)
    expect(
      scan.find(text).filter((hit) => !scriptCache.test(hit.file)),
      `“${text}” at rest`,
    ).toEqual([]);

  // Locked, the start screen says it is a demo; the passphrase shown opens it again.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(start.unlockButton).toBeVisible();
  await expect(page).not.toHaveTitle(/DEMO/);
  await expect(page.getByText('A demo vault: its clients are made up.')).toBeVisible();
  await start.unlockWithPassphrase(passphrase);
  await expect(page.getByTestId('demo-mark')).toBeVisible();

  // A real vault beside it: listed apart, and without the DEMO mark.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Other vaults and backups' }).click();
  await page.getByRole('button', { name: 'Create a new vault' }).click();
  await start.createVault('Private practice', 'violet orchard kettle 7 drift');
  await start.confirmRecoveryKeyStored();
  await expect(today.heading).toBeVisible();
  await expect(page.getByTestId('demo-mark')).toHaveCount(0);
  await expect(page).not.toHaveTitle(/DEMO/);
  // With two vaults, locking comes back to the list of them.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: 'Unlock Private practice' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^Unlock Demo practice .*\(DEMO\)$/ }),
  ).toBeVisible();
  await expect(page.getByText('Demo vaults, with made-up clients only')).toBeVisible();
  await page.screenshot({ path: '/tmp/demo-vault-list.png' });
});

test('a real vault may not take the demo vault’s name', async ({ app }) => {
  const { page } = await app.launch();
  await page.getByLabel('Vault name').fill('Demo practice (made-up clients)');
  await expect(
    page.getByText('This name is kept for demo vaults. Please choose another.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create vault' })).toBeDisabled();
});
