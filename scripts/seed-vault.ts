// What `npm run seed` does (seed.ts reads the command line and prints): the preview app on a
// new data folder, headless; the vault made through its start screen as a clinician makes one
// (or, for the demo, with "Try a demo vault"); the large practice written into it by the app's
// seed module in a page of the same origin; and its records counted by opening it again.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadSodium } from '../src-shared/crypto/sodium';
import { DEMO_VAULT_NAME, newDemoPassphrase } from '../src-shared/domain/demo-vault';
import type { AppDialogs } from '../src-main/services/handlers';
import { lock, pageBundle, passphraseField, seedPage, vaultHeader } from '../tests/bench/bench-app';
import { loadBuiltinTemplates } from '../tests/fixtures/library';
import type { StoredCounts, VaultToOpen } from './seed-in-page';
import type { SeedOptions } from './seed-options';
import { openPreview } from './preview-app';

/** The vault `npm run seed` made, and what it holds. */
export type SeededVault = {
  dataDir: string;
  name: string;
  passphrase: string;
  /** Shown once when a vault is made; "Try a demo vault" shows none. */
  recoveryKey: string | null;
  counts: StoredCounts;
};

type InPage = typeof import('./seed-in-page');

/** A seeding run asks for no file or folder; every dialog counts as cancelled. */
const noDialogs: AppDialogs = {
  chooseFolder: async () => null,
  chooseBackupFile: async () => null,
  chooseTemplatePackToOpen: async () => null,
  chooseTemplatePackSaveLocation: async () => null,
  chooseExportSaveLocation: async () => null,
};

/** Time for Argon2id's calibration and a first derivation on a busy machine. */
const CREATE_TIMEOUT_MS = 120_000;

/** Refuses a folder that already holds anything: a seeded vault is always a new one. */
async function checkEmptyFolder(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0)
    throw new Error(
      `${dataDir} already has files in it. The seed makes a new vault in an empty or new ` +
        'folder, so nothing of yours is mixed in; choose another --data folder.',
    );
}

/** The start screen's "Try a demo vault", as a clinician uses it; returns the passphrase shown. */
async function makeDemoVault(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Try a demo vault' }).click();
  await page.getByRole('button', { name: 'Make the demo vault' }).click();
  const shown = page.getByTestId('demo-passphrase');
  const failed = page.getByText('The demo vault wasn’t made');
  await shown.or(failed).waitFor({ timeout: CREATE_TIMEOUT_MS });
  if (await failed.isVisible())
    throw new Error(`The app didn’t make the demo vault: ${await page.innerText('main')}`);
  return (await shown.innerText()).trim();
}

/**
 * The start screen's create form, as a clinician fills it: the app judges the name and the
 * passphrase, and its refusal is passed on. Enters the vault once and locks it, as after a
 * first visit; returns the recovery key shown.
 */
async function makeVault(page: Page, name: string, passphrase: string): Promise<string> {
  await page.getByLabel('Vault name').fill(name);
  await passphraseField(page).fill(passphrase);
  await page.getByLabel('Type the passphrase again').fill(passphrase);
  const create = page.getByRole('button', { name: 'Create vault', disabled: false });
  const accepted = await create.waitFor({ timeout: 20_000 }).then(
    () => true,
    () => false,
  );
  if (!accepted) {
    const reasons = [
      ...(await page.locator('[id$="-error"]').allInnerTexts()),
      await page.getByTestId('passphrase-advice').innerText(),
    ];
    throw new Error(`The app didn’t accept that name or passphrase: ${reasons.join(' ')}`);
  }
  await create.click();
  const recoveryKey = page.getByTestId('recovery-key');
  const failed = page.getByText('The vault wasn’t created');
  await recoveryKey.or(failed).waitFor({ timeout: CREATE_TIMEOUT_MS });
  if (await failed.isVisible())
    throw new Error(`The app didn’t create the vault: ${await page.innerText('main')}`);
  const key = (await recoveryKey.innerText()).trim();
  await page.getByLabel('I’ve stored my recovery key somewhere safe').check();
  await page.getByRole('button', { name: 'Continue to my vault' }).click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor({ timeout: 60_000 });
  await lock(page);
  return key;
}

/**
 * Makes the vault `options` asks for in `dataDir` (empty or new) and fills it; `npm run preview
 * -- --data DIR` opens it afterwards, on the same browser profile and port.
 */
export async function seedVault(options: SeedOptions & { dataDir: string }): Promise<SeededVault> {
  await checkEmptyFolder(options.dataDir);
  try {
    return await makeAndFill(options);
  } catch (error) {
    // The folder held nothing before, so all in it is this run's: a half-made vault is removed,
    // and the same command can simply be run again.
    for (const entry of await readdir(options.dataDir).catch(() => []))
      await rm(join(options.dataDir, entry), { recursive: true, force: true });
    throw error;
  }
}

async function makeAndFill(options: SeedOptions & { dataDir: string }): Promise<SeededVault> {
  const { dataDir } = options;
  await loadSodium();
  const bundle = await pageBundle('scripts/seed-in-page.ts', 'bridgeworkSeed');
  const preview = await openPreview({
    dataDir,
    backupDir: join(dataDir, 'backups'),
    dialogs: noDialogs,
    headless: true,
  });
  try {
    const { app } = preview;
    let made: { name: string; passphrase: string; recoveryKey: string | null };
    if (options.size === 'demo') {
      const passphrase = await makeDemoVault(app.page);
      made = { name: DEMO_VAULT_NAME, passphrase, recoveryKey: null };
    } else {
      // Random words like the demo's, unless a passphrase is given.
      const passphrase = options.passphrase ?? newDemoPassphrase();
      const recoveryKey = await makeVault(app.page, options.name, passphrase);
      made = { name: options.name, passphrase, recoveryKey };
    }
    const vault: VaultToOpen = {
      headerBase64: await vaultHeader(app.page),
      passphrase: made.passphrase,
    };
    const seeder = await seedPage(app, preview.origin, bundle);
    if (options.size === 'large')
      await seeder.evaluate(
        (input) =>
          (globalThis as unknown as { bridgeworkSeed: InPage }).bridgeworkSeed.seedLarge(input),
        { ...vault, seed: options.seed, templates: loadBuiltinTemplates() },
      );
    const counts = await seeder.evaluate(
      (input) =>
        (globalThis as unknown as { bridgeworkSeed: InPage }).bridgeworkSeed.countRecords(input),
      vault,
    );
    return { dataDir, ...made, counts };
  } finally {
    await preview.close();
  }
}
