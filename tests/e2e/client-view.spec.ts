import type { Page } from '@playwright/test';
import type { ClientViewSnapshot } from '../../src-shared/ipc/contract';
import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { ClientViewPage } from './pages/ClientViewPage';
import { StartPage } from './pages/StartPage';

const passphrase = 'window fern quiet 57 harbour';

const snapshot: ClientViewSnapshot = {
  title: 'This week’s plan',
  sections: [
    { heading: 'The smallest step', body: 'Two minutes of slow breathing after breakfast.' },
    {
      heading: 'If it gets in the way',
      body: 'If I oversleep, then I do it on the bus.\n<b>Not bold</b>',
    },
    { heading: 'بالعربية', body: 'خطوة صغيرة كل يوم' },
  ],
};

/** Calls the IPC binding directly, as a script on `page` could, bypassing `window.bridgework`. */
function invokeDirectly(page: Page, channel: string, payload: unknown) {
  return page.evaluate(
    ([name, request]) =>
      (
        window as unknown as {
          __bridgeworkInvoke: (channel: string, payload: unknown) => Promise<unknown>;
        }
      ).__bridgeworkInvoke(name, request),
    [channel, payload] as const,
  );
}

/** Sends a snapshot from the therapist's window through the real channel. */
function show(page: Page, shown: ClientViewSnapshot) {
  return page.evaluate((request) => window.bridgework['client-view:show'](request), {
    snapshot: shown,
  });
}

const forbidden = { ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } };

test('the therapist opens the client view: a calm placeholder with only the client view’s API', async ({
  app,
}) => {
  const running = await app.launch();
  await expect(new StartPage(running.page).heading).toHaveText('Create your vault');

  const clientView = new ClientViewPage(await running.openClientView());
  expect(new URL(clientView.page.url()).pathname).toBe('/client-view.html');
  await expect(clientView.placeholder).toBeVisible();
  await expectAccessible(clientView.page, 'client view');
  await clientView.page.screenshot({ path: test.info().outputPath('client-view-placeholder.png') });

  // Each window has its role's API and nothing more.
  expect(await clientView.apiNames()).toEqual(['client-view:ready', 'on']);
  const therapistApi = await running.page.evaluate(() => Object.keys(window.bridgework));
  expect(therapistApi).toContain('vault:list');
  expect(therapistApi).toContain('client-view:show');
  expect(therapistApi).not.toContain('client-view:ready');
  expect(
    await clientView.page.evaluate(() => {
      const on = window.bridgework.on as (event: string, listener: () => void) => unknown;
      try {
        on('vault:lock-requested', () => undefined);
        return 'subscribed';
      } catch (error) {
        return (error as Error).message;
      }
    }),
  ).toBe('unknown event');

  // Main checks the sender's role, whatever the page calls: the client view is refused.
  expect(await invokeDirectly(clientView.page, 'vault:list', {})).toEqual(forbidden);
  expect(await invokeDirectly(clientView.page, 'settings:get', {})).toEqual(forbidden);
  expect(await invokeDirectly(clientView.page, 'client-view:show', { snapshot })).toEqual(
    forbidden,
  );
  expect(await invokeDirectly(clientView.page, 'client-view:open', {})).toEqual(forbidden);
  expect(await invokeDirectly(running.page, 'vault:list', {})).toEqual({ ok: true, value: [] });
  expect(await invokeDirectly(running.page, 'client-view:ready', {})).toEqual(forbidden);

  // Opening it again brings the same window forward; closing it closes the page.
  await running.page.evaluate(() => window.bridgework['client-view:open']({}));
  expect(running.context.pages()).toHaveLength(2);
  expect(await running.page.evaluate(() => window.bridgework['client-view:close']({}))).toEqual({
    ok: true,
    value: {},
  });
  expect(clientView.page.isClosed()).toBe(true);
  expect(running.clientView()).toBeUndefined();
});

test('a snapshot from the therapist’s window reaches the client view through main, as text; blanking and locking clear it', async ({
  app,
}) => {
  const running = await launchWithNewVault(app, passphrase);
  const clientView = new ClientViewPage(await running.openClientView());
  await expect(clientView.placeholder).toBeVisible();

  expect(await show(running.page, snapshot)).toEqual({ ok: true, value: {} });
  await expect(clientView.title).toHaveText('This week’s plan');
  await expect(clientView.sectionHeadings).toHaveText([
    'The smallest step',
    'If it gets in the way',
    'بالعربية',
  ]);
  await expect(clientView.page.getByText('<b>Not bold</b>', { exact: false })).toBeVisible();
  expect(await clientView.page.locator('main b').count()).toBe(0);
  await expect(clientView.placeholder).toBeHidden();
  await expectAccessible(clientView.page, 'client view with a snapshot');
  await clientView.page.screenshot({ path: test.info().outputPath('client-view-snapshot.png') });

  // A client view that reloads asks main for what it should show, and gets the latest snapshot.
  await clientView.page.reload();
  await expect(clientView.title).toHaveText('This week’s plan');

  // Blanking hides everything at once.
  expect(await running.page.evaluate(() => window.bridgework['client-view:blank']({}))).toEqual({
    ok: true,
    value: {},
  });
  await expect(clientView.blank).toBeAttached();
  await expect(clientView.title).toHaveCount(0);
  await expect(clientView.placeholder).toBeHidden();
  expect(await clientView.page.locator('body').innerText()).toBe('');
  await clientView.page.screenshot({ path: test.info().outputPath('client-view-blank.png') });

  // Locking (the menu's lock request goes to the therapist's window only) returns the client view
  // to its placeholder, and nothing can be shown until a vault is open again.
  await show(running.page, snapshot);
  await expect(clientView.title).toHaveText('This week’s plan');
  await running.emit('vault:lock-requested');
  await expect(running.start.unlockButton).toBeVisible();
  await expect(clientView.placeholder).toBeVisible();
  await expect(clientView.title).toHaveCount(0);
  expect(await show(running.page, snapshot)).toEqual({
    ok: false,
    error: { code: 'LOCKED', message: expect.any(String) },
  });
  await expect(clientView.placeholder).toBeVisible();
});
