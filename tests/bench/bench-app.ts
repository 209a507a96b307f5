// What the benchmarks that drive the app in Chromium share: creating, locking and unlocking a
// vault through its start screen, timing an unlock until Today shows its sessions, asking main
// for the vault's header, and loading an in-page seeding or probing module (bundled by esbuild)
// into a page of the app's origin.
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { VaultSummary } from '../../src-shared/ipc/contract';
import { type BrowserApp, NAME_HELPER } from '../harness/browser-app';

/** The passphrase of every benchmark vault. */
export const PASSPHRASE = 'violet orchard kettle 7 drift';

/** One timed unlock, in ms from the click on Unlock. */
export type Unlock = {
  /** The Argon2id worker was created … */
  kdfStart: number;
  /** … and its key arrived back on the page. */
  kdfEnd: number;
  /** The app's main navigation is in the DOM (the vault's store is open, the shell rendered). */
  shell: number;
  /** Today's first day with its session rows is in the DOM. */
  inDom: number;
  /** The first animation frame with the first row laid out: the frame that paints it. */
  painted: number;
  days: number;
  rows: number;
  /** Rows that show practice due for review. */
  rowsWithPracticeDue: number;
};

/**
 * `entry` (a module under tests/bench) as one script that sets `globalThis[globalName]`, to run
 * in a page of the app's origin.
 */
export async function pageBundle(entry: string, globalName: string): Promise<string> {
  const bundle = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
    // The app's pages refuse eval by their CSP, so zod validates there without compiling its
    // validators (its probe for \`new Function\` fails). This bundle runs as an init script,
    // before the page's CSP applies: the probe would pass and the validators compiled later
    // would be refused. It is told to validate as in the app, before any schema is built.
    banner: {
      js: 'globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };',
    },
    // Playwright wraps init scripts in a function, so the global is set explicitly.
    footer: { js: `globalThis.${globalName} = ${globalName};` },
  });
  return bundle.outputFiles.map((file) => file.text).join('\n');
}

/**
 * Arms the page: the next click is timed until Today's first day shows its sessions. The key
 * derivation runs in a Web Worker named "argon2id" (src-renderer/data/kdf/kdf-client.ts); the
 * page's Worker constructor is wrapped meanwhile, to note when that worker starts and when its
 * answer (the key) arrives, so the time after the key derivation can be told apart.
 */
export async function armUnlockTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const kdf = { start: NaN, end: NaN };
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name !== 'argon2id') return;
        kdf.start = performance.now();
        // Added before the app sets `onmessage`, so this runs first.
        this.addEventListener('message', () => (kdf.end = performance.now()), { once: true });
      }
    };
    const firstRow = () => document.querySelector('section[aria-labelledby^="day-"] ul > li');
    (window as unknown as { benchUnlock: Promise<Unlock> }).benchUnlock = new Promise(
      (done, fail) => {
        window.addEventListener(
          'click',
          () => {
            const clickedAt = performance.now();
            let shell = NaN;
            let inDom = NaN;
            const observer = new MutationObserver(() => {
              if (
                Number.isNaN(shell) &&
                document.querySelector('nav[aria-label="Main navigation"]')
              )
                shell = performance.now() - clickedAt;
              if (Number.isNaN(inDom) && firstRow()) {
                inDom = performance.now() - clickedAt;
                observer.disconnect();
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            const poll = () => {
              const row = firstRow();
              if (row && row.getClientRects().length > 0) {
                const painted = performance.now() - clickedAt;
                observer.disconnect();
                window.Worker = Original;
                const rows = [...document.querySelectorAll('section[aria-labelledby^="day-"] li')];
                done({
                  kdfStart: kdf.start - clickedAt,
                  kdfEnd: kdf.end - clickedAt,
                  shell,
                  inDom: Number.isNaN(inDom) ? painted : inDom,
                  painted,
                  days: document.querySelectorAll('section[aria-labelledby^="day-"]').length,
                  rows: rows.length,
                  rowsWithPracticeDue: rows.filter((li) =>
                    (li.textContent ?? '').includes('To review:'),
                  ).length,
                });
              } else if (performance.now() - clickedAt > 60_000) {
                observer.disconnect();
                window.Worker = Original;
                fail(new Error('Today did not show its sessions within 60 s of unlocking.'));
              } else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          },
          { capture: true, once: true },
        );
      },
    );
  });
}

export const passphraseField = (page: Page) =>
  page.getByRole('textbox', { name: 'Passphrase', exact: true });

/** Unlocks from the start screen's unlock form and times it. */
export async function timedUnlock(page: Page): Promise<Unlock> {
  await passphraseField(page).fill(PASSPHRASE);
  await armUnlockTimer(page);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  return page.evaluate(() => (window as unknown as { benchUnlock: Promise<Unlock> }).benchUnlock);
}

/** Today's first day with its sessions, painted. */
export async function todayShown(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor({ timeout: 120_000 });
  await page
    .locator('section[aria-labelledby^="day-"] ul > li')
    .first()
    .waitFor({ timeout: 120_000 });
}

/** Unlocks from the start screen's unlock form and waits for Today. */
export async function unlock(page: Page): Promise<void> {
  await passphraseField(page).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await todayShown(page);
}

/** Locks with the Lock button and waits for the unlock form. */
export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await passphraseField(page).waitFor({ timeout: 120_000 });
}

/** Creates the vault through the start screen, enters it, then locks it. */
export async function createVault(app: BrowserApp): Promise<void> {
  const { page } = app;
  await page.getByLabel('Vault name').fill('Benchmark practice');
  await passphraseField(page).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByTestId('recovery-key').waitFor({ timeout: 60_000 });
  await page.getByLabel('I’ve stored my recovery key somewhere safe').check();
  await page.getByRole('button', { name: 'Continue to my vault' }).click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1_000);
  await lock(page);
}

/** The one vault's header, asked of main through the therapist's window like the app does. */
export async function vaultHeader(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const list = await window.bridgework['vault:list']({});
    const vault = list.ok ? (list.value[0] as VaultSummary | undefined) : undefined;
    if (!vault) throw new Error('No vault listed.');
    const header = await window.bridgework['vault:read-header']({ vaultId: vault.vaultId });
    if (!header.ok) throw new Error(header.error.message);
    return header.value.header;
  });
}

/**
 * A page of the app's origin (no app in it) with the seeding module loaded; its progress lines
 * (console messages starting with a tag such as `[insights-seed]`) are printed here.
 */
export async function seedPage(app: BrowserApp, origin: string, bundle: string): Promise<Page> {
  const page = await app.context.newPage();
  page.on('console', (message) => {
    if (/^\[[\w-]+\]/.test(message.text())) console.log(message.text());
  });
  await page.addInitScript({ content: `${NAME_HELPER}\n${bundle}` });
  // Any path of the origin will do: IndexedDB is per origin. This one is a 404 page.
  await page.goto(`${origin}/bench-seed`);
  return page;
}
