import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The app in real Electron: loads from app://, runs sandboxed with only `window.bridgework`,
 * refuses new windows and navigation, opens the client view with its own preload, and creates
 * a vault end to end. Needs the Electron
 * binary, so it is not part of `npm test` on machines that cannot download it.
 */
test('the packaged window is locked down and a vault can be created', async () => {
  const home = await mkdtemp(join(tmpdir(), 'bridgework-electron-'));
  const app = await electron.launch({
    args: ['out/main/index.js'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: home },
  });
  try {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://bridgework/index.html');
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

    const exposed = await page.evaluate(() => ({
      bridgework: typeof window.bridgework,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ bridgework: 'object', require: 'undefined', process: 'undefined' });

    const windowsBefore = app.windows().length;
    await page.evaluate(() => window.open('https://example.com/'));
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    expect(app.windows()).toHaveLength(windowsBefore);
    expect(page.url()).toBe('app://bridgework/index.html');

    // The client view: a second window, with its own preload and only the client view's API.
    const clientViewOpens = app.waitForEvent('window');
    expect(await page.evaluate(() => window.bridgework['client-view:open']({}))).toEqual({
      ok: true,
      value: {},
    });
    const clientView = await clientViewOpens;
    expect(clientView.url()).toBe('app://bridgework/client-view.html');
    await expect(
      clientView.getByText('This screen is ready to share. Nothing is shown yet.'),
    ).toBeVisible();
    expect(await clientView.evaluate(() => Object.keys(window.bridgework).sort())).toEqual([
      'client-view:hide',
      'client-view:ready',
      'on',
    ]);
    if (process.platform === 'win32' || process.platform === 'darwin') {
      // Kept out of screen capture: the therapist's window, never the one that is shared.
      const protectedPages = await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()
          .filter((window) => window.isContentProtected())
          .map((window) => window.webContents.getURL()),
      );
      expect(protectedPages).toEqual(['app://bridgework/index.html']);
    }
    await page.evaluate(() => window.bridgework['client-view:close']({}));
    await expect.poll(() => app.windows().length).toBe(windowsBefore);

    await page
      .getByRole('textbox', { name: 'Passphrase', exact: true })
      .fill('quiet harbour lantern 42 maple');
    await page.getByLabel('Type the passphrase again').fill('quiet harbour lantern 42 maple');
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });
  } finally {
    await app.close();
    await rm(home, { recursive: true, force: true });
  }
});
