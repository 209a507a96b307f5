import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { TodayPage } from './pages/TodayPage';

const passphrase = 'lantern orchard pebble 63 quay';

test('back and forward work with the mouse buttons and Alt+arrows, and locking forgets the place', async ({
  app,
}) => {
  const { page, clients, start } = await launchWithNewVault(app, passphrase);
  await clients.addClient('Maya Lindqvist');
  await clients.addClient('Jonas Ødegård');
  await clients.open('Maya Lindqvist');
  await expect(page.getByRole('heading', { name: 'Maya Lindqvist', level: 1 })).toBeVisible();
  // The window's own URL and history never change: Chromium would store each history entry
  // with what was typed on the page, in plaintext, in the profile.
  const startUrl = page.url();
  const historyLength = await page.evaluate(() => window.history.length);

  const library = new LibraryPage(page);
  await library.open();
  await library.search.fill('urge surfing');
  await library.result('Urge surfing').click();
  expect(page.url()).toBe(startUrl);
  expect(await page.evaluate(() => window.history.length)).toBe(historyLength);

  // Alt+← goes back through the template and the library to the client's page.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByRole('heading', { name: 'Maya Lindqvist', level: 1 })).toBeVisible();
  // The mouse's forward button (button 4 in DOM numbering) goes forward again.
  await page.evaluate(() =>
    window.dispatchEvent(new MouseEvent('mouseup', { button: 4, bubbles: true })),
  );
  await expect(library.heading).toBeVisible();
  await page.evaluate(() =>
    window.dispatchEvent(new MouseEvent('mouseup', { button: 3, bubbles: true })),
  );
  await expect(page.getByRole('heading', { name: 'Maya Lindqvist', level: 1 })).toBeVisible();

  // Alt+← inside a text box moves by word there, and stays on the page.
  await library.open();
  await library.search.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(library.heading).toBeVisible();

  // The navigation returns to where each area was left.
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'Maya Lindqvist', level: 1 })).toBeVisible();
  await clients.backToList.click();
  await expect(clients.heading).toBeVisible();
  await expectAccessible(page, 'clients, after moving back and forth');

  // Locking forgets the place: the next unlock opens at home (Today), and the clients area is
  // back at its list rather than on the client left open.
  await clients.open('Jonas Ødegård');
  await clients.lockButton.click();
  await start.unlockWithPassphrase(passphrase);
  await expect(new TodayPage(page).heading).toBeVisible();
  await clients.goto();
  await expect(clients.heading).toBeVisible();
});
