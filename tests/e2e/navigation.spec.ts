import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

const passphrase = 'lantern orchard pebble 63 quay';

test('screens have addresses: back and forward work with the mouse buttons and Alt+arrows, and locking forgets the place', async ({
  app,
}) => {
  const { page, clients, start } = await launchWithNewVault(app, passphrase);
  await clients.addClient('Maya Lindqvist');
  await clients.addClient('Jonas Ødegård');
  await clients.open('Maya Lindqvist');
  await expect(page.getByRole('heading', { name: 'Maya Lindqvist', level: 1 })).toBeVisible();
  // Only a random id is in the address, never the name.
  expect(page.url()).toMatch(/#\/clients\/[A-Za-z0-9_-]{22}$/);
  expect(decodeURIComponent(page.url())).not.toContain('Maya');

  const library = new LibraryPage(page);
  await library.open();
  await library.search.fill('urge surfing');
  await library.result('Urge surfing').click();
  expect(page.url()).toMatch(/#\/library\/[a-z0-9-]+$/);

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
  await page.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'Maya Lindqvist', level: 1 })).toBeVisible();
  await clients.backToList.click();
  await expect(clients.heading).toBeVisible();
  await expectAccessible(page, 'clients, after moving back and forth');

  // Locking forgets the place: the next unlock opens at the clients list.
  await clients.open('Jonas Ødegård');
  await clients.lockButton.click();
  expect(page.url()).not.toContain('#/');
  await start.unlockWithPassphrase(passphrase);
  await expect(clients.heading).toBeVisible();
});

test('an address of a screen still to come says so calmly, and an unknown one leads home', async ({
  app,
}) => {
  const { page, clients } = await launchWithNewVault(app, passphrase);
  await page.evaluate(() => {
    window.history.pushState(null, '', '#/today');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { name: 'Not here yet', level: 1 })).toBeVisible();
  await expectAccessible(page, 'a screen still to come');
  await page.screenshot({ path: test.info().outputPath('not-here-yet.png') });
  await page.evaluate(() => {
    window.history.pushState(null, '', '#/clients/<script>');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(clients.heading).toBeVisible();
});
