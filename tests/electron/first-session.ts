import { expect, type Page } from '@playwright/test';
import { BuilderPage } from '../e2e/pages/BuilderPage';
import { ClientViewPage } from '../e2e/pages/ClientViewPage';
import { ClientsPage } from '../e2e/pages/ClientsPage';
import { StartPage } from '../e2e/pages/StartPage';
import { TodayPage } from '../e2e/pages/TodayPage';

/** A window the app opens while `action` runs (in Electron: the next BrowserWindow). */
export type OpensWindow = (action: () => Promise<unknown>) => Promise<Page>;

const passphrase = 'quiet harbour lantern 42 maple';
const CLIENT = 'Maya Lindqvist';

/**
 * A clinician's first session, end to end: creates a vault, adds a client and opens their page,
 * designs a plan with them from the library on the shared view (which shows the plan and never
 * the client's name), then locks — the shared view closes and nothing of the client is left on
 * screen. `opensWindow` says how the shared view's window is caught, so the same steps run in
 * real Electron (`smoke.spec.ts`) and could run against the browser harness.
 */
export async function firstSessionThenLock(page: Page, opensWindow: OpensWindow): Promise<void> {
  const start = new StartPage(page);
  await expect(start.heading).toHaveText('Create your vault');
  await start.createVault('Private practice', passphrase);
  await start.confirmRecoveryKeyStored();
  await expect(new TodayPage(page).heading).toBeVisible();

  const clients = new ClientsPage(page);
  await clients.gotoList();
  await clients.addClient(CLIENT);
  await clients.open(CLIENT);
  await expect(page.getByRole('heading', { name: CLIENT, level: 1 })).toBeVisible();

  const builder = new BuilderPage(page);
  await page.getByRole('button', { name: 'Library' }).click();
  await builder.act(() => page.getByLabel('Search the library').fill('busy shop'));
  await builder.act(() =>
    page.getByRole('option', { name: /Graded exposure: going into a busy shop/ }).click(),
  );
  await builder.click('Use with a client…');
  await builder.act(() =>
    page.getByLabel('Client', { exact: true }).selectOption({ label: CLIENT }),
  );
  await builder.click('Design it together');
  await expect(page.getByRole('heading', { name: 'Out to the shops', level: 1 })).toBeVisible();

  const view = new ClientViewPage(await opensWindow(() => builder.click('Open shared view')));
  await expect(view.title).toHaveText('Out to the shops');
  await expect(view.page).toHaveTitle('Bridgework — shared view');
  expect(await view.page.content()).not.toContain(CLIENT);

  await clients.lockButton.click();
  await expect(start.unlockButton).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => view.page.isClosed()).toBe(true);
  await expect(page.getByText(CLIENT)).toHaveCount(0);
}
