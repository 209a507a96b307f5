import axe, { type AxeResults } from 'axe-core';
import { expect, test as base, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { scriptedDialogs } from '../fixtures/dialogs';
import { ClientsPage } from './pages/ClientsPage';
import { StartPage } from './pages/StartPage';
import { TodayPage } from './pages/TodayPage';
import {
  type AppServer,
  type BrowserApp,
  launchBrowserApp,
  makeTempDir,
  removeDir,
  startAppServer,
} from '../harness/browser-app';

/** Launches (and relaunches) the app on one data folder and one browser profile per test. */
export type AppLauncher = {
  /** Opens the app; the previous browser of this test must be closed first. */
  launch: () => Promise<BrowserApp>;
  origin: string;
  dataDir: string;
  profileDir: string;
  /** The default backup folder of this test's app. */
  backupDir: string;
  /** Queue what the clinician picks in the next folder or file dialog. */
  dialogs: ReturnType<typeof scriptedDialogs>['answers'];
};

export const test = base.extend<{ app: AppLauncher }, { server: AppServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object.
    async ({}, use) => {
      const server = await startAppServer(resolve('out/renderer'));
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ server }, use) => {
    const dataDir = await makeTempDir('data');
    const profileDir = await makeTempDir('profile');
    const backupDir = await makeTempDir('backups');
    const dialogs = scriptedDialogs();
    const opened: BrowserApp[] = [];
    await use({
      origin: server.origin,
      dataDir,
      profileDir,
      backupDir,
      dialogs: dialogs.answers,
      launch: async () => {
        const app = await launchBrowserApp({
          origin: server.origin,
          dataDir,
          profileDir,
          backupDir,
          dialogs,
        });
        opened.push(app);
        return app;
      },
    });
    for (const app of opened) await app.close().catch(() => undefined);
    await removeDir(dataDir);
    await removeDir(profileDir);
    await removeDir(backupDir);
  },
});

export { expect };

/** The WCAG 2.0 and 2.1 A and AA rules, which issue 14 asks every screen to pass. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Fails on any serious or critical accessibility violation of the current screen, naming each
 * rule, the elements and axe's summary of what to fix. `tags` limits the rules run; `soft` lets
 * the test go on to the next screen and report every one at the end.
 */
export async function expectAccessible(
  page: Page,
  screen: string,
  options: { tags?: string[]; soft?: boolean } = {},
): Promise<void> {
  // Colours are read as painted: a control that has just been enabled (Settings' choices, once
  // the vault's settings are read) is still fading from its greyed colour for a moment. Endless
  // animations (a loader's spin) are not waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  );
  const results = await runAxe(page, options.tags);
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help}\n${violation.nodes
          .map((node) => `  ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join('\n')}`,
    );
  (options.soft ? expect.soft : expect)(
    serious,
    `accessibility problems on the ${screen} screen`,
  ).toEqual([]);
}

/**
 * A running app whose first vault has just been created and opened; the vault opens on Today,
 * and this moves on to the clients list.
 */
export type OpenVault = BrowserApp & {
  start: StartPage;
  clients: ClientsPage;
  recoveryKey: string;
};

/**
 * Launches the app, creates the vault "Private practice" with `passphrase`, enters it (on
 * Today, home) and goes to the clients list.
 */
export async function launchWithNewVault(app: AppLauncher, passphrase: string): Promise<OpenVault> {
  const running = await app.launch();
  const start = new StartPage(running.page);
  const recoveryKey = await start.createVault('Private practice', passphrase);
  await start.confirmRecoveryKeyStored();
  await expect(new TodayPage(running.page).heading).toBeVisible();
  const clients = new ClientsPage(running.page);
  await clients.gotoList();
  return { ...running, start, clients, recoveryKey };
}

/**
 * Runs axe-core in the page's top frame (the app has no frames). The engine is put into a page
 * once, on its first check, as a DevTools evaluation, which the app's CSP does not govern; each
 * later check only runs it. (@axe-core/playwright put the engine in again at every check and
 * finished each run in a new blank page: three times slower, for the same rules.)
 */
async function runAxe(page: Page, tags: string[] | undefined): Promise<AxeResults> {
  const engineLoaded = await page.evaluate(() => 'axe' in window);
  if (!engineLoaded) await page.evaluate(axe.source);
  return page.evaluate(
    (runOnly) =>
      (window as unknown as { axe: typeof axe }).axe.run(
        document,
        runOnly ? { runOnly: { type: 'tag', values: runOnly } } : {},
      ),
    tags ?? null,
  );
}
