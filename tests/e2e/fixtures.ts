import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { resolve } from 'node:path';
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
    const opened: BrowserApp[] = [];
    await use({
      origin: server.origin,
      dataDir,
      profileDir,
      launch: async () => {
        const app = await launchBrowserApp({ origin: server.origin, dataDir, profileDir });
        opened.push(app);
        return app;
      },
    });
    for (const app of opened) await app.close().catch(() => undefined);
    await removeDir(dataDir);
    await removeDir(profileDir);
  },
});

export { expect };

/** Fails on any serious or critical accessibility violation of the current screen. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  expect(serious, `accessibility problems on the ${screen} screen`).toEqual([]);
}
