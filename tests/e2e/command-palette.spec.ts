import type { Page } from '@playwright/test';
import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { BuilderPage } from './pages/BuilderPage';
import { ReviewPage } from './pages/ReviewPage';
import { SessionPlanPage } from './pages/SessionPlanPage';
import { SettingsPage } from './pages/SettingsPage';
import { TodayPage } from './pages/TodayPage';

const passphrase = 'meadow copper 58 lantern fig';
const MAYA = 'Maya Lindqvist';
const JONAH = 'Jonah O’Reilly-Ng';
const INES = 'Inès Álvarez';
const NOOR = 'نور حداد';

/** Monday 5 January 2026, 09:00 in the app's time zone. */
const MONDAY = new Date(2026, 0, 5, 9, 0, 0);

const PALETTE_NAME = 'Find a client, session, screen or template';

/** The command palette of the therapist's window. */
function paletteOf(page: Page) {
  const dialog = page.getByRole('dialog', { name: PALETTE_NAME });
  return {
    dialog,
    search: dialog.getByRole('textbox', { name: PALETTE_NAME }),
    entry: (name: string | RegExp) => dialog.getByRole('button', { name }),
    /** Opens it with Ctrl+K, types `query` and waits for `first`, the entry Enter will choose. */
    async find(query: string, first: string | RegExp) {
      await page.keyboard.press('Control+KeyK');
      await expect(this.search).toBeFocused();
      await page.keyboard.type(query);
      await expect(dialog.locator('[data-selected]')).toHaveAccessibleName(first);
    },
  };
}

test('Ctrl+K jumps to a client, a screen or a template; Escape gives focus back; the client view has none of it', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const running = await launchWithNewVault(app, passphrase);
  const { page, clients } = running;
  for (const name of [MAYA, JONAH, INES, NOOR]) await clients.addClient(name);
  const palette = paletteOf(page);
  await page.screenshot({
    path: test.info().outputPath('header-with-find.png'),
    clip: { x: 0, y: 0, width: 1280, height: 60 },
  });

  // Escape: closed, and focus back in the box the clinician was typing in (Ctrl+K works there too).
  await clients.search.click();
  await page.keyboard.press('Control+KeyK');
  await expect(palette.search).toBeFocused();
  await expect(palette.entry(/^Insights/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();
  await expect(clients.search).toBeFocused();

  // Its look, light and dark, with a few clients listed.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    // "client" finds the Clients screen first, then every client.
    await palette.find('client', 'Clients');
    for (const name of [INES, JONAH, MAYA, NOOR]) await expect(palette.entry(name)).toBeVisible();
    // A screen reader hears the chosen entry as the arrow keys move it (focus stays in the box).
    const chosen = palette.dialog.getByRole('status');
    await expect(chosen).toHaveText('Clients (1 of 5)');
    await page.keyboard.press('ArrowDown');
    await expect(chosen).toHaveText(`${INES} (2 of 5)`);
    await page.keyboard.press('ArrowUp');
    await expect(chosen).toHaveText('Clients (1 of 5)');
    await expectAccessible(page, `command palette (${scheme})`);
    await page.screenshot({ path: test.info().outputPath(`palette-${scheme}.png`) });
    await page.keyboard.press('Escape');
    await expect(palette.dialog).toBeHidden();
  }

  // Part of a name, then Enter: the client's page, with focus on its heading; never in the title.
  await palette.find('lindq', MAYA);
  await expect(palette.entry(/Jonah/)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  const mayasPage = page.getByRole('heading', { level: 1, name: MAYA });
  await expect(mayasPage).toBeFocused();
  expect(await page.title()).not.toContain('Maya');

  // A name typed with a plain apostrophe finds the typographic one.
  await palette.find("o'reilly", JONAH);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: JONAH })).toBeFocused();

  // Screens.
  await palette.find('insights', 'Insights');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Insights across your practice' }),
  ).toBeFocused();
  await palette.find('settings', 'Settings');
  await page.keyboard.press('Enter');
  await expect(new SettingsPage(page).heading).toBeFocused();

  // A template: the library, open on it.
  await palette.find('leaves stream', /^Leaves on a stream/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Homework library' })).toBeFocused();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Leaves on a stream (defusion practice)' }),
  ).toBeVisible();

  // The window shared with a client has no palette at all.
  const clientView = await running.openClientView();
  await clientView.keyboard.press('Control+KeyK');
  await expect(clientView.getByRole('dialog')).toHaveCount(0);
  await expect(clientView.getByRole('button', { name: /^Find/ })).toHaveCount(0);
});

test('the palette plans a client’s next session and reviews their practice, and goes when the vault locks', async ({
  app,
}) => {
  test.setTimeout(150_000);
  const running = await launchWithNewVault(app, passphrase);
  const { page, clients } = running;
  await page.clock.setFixedTime(MONDAY);
  await clients.addClient(MAYA);
  await clients.addClient(JONAH);
  const palette = paletteOf(page);

  // Maya has a session at 10:00 today, with practice agreed in it.
  const today = new TodayPage(page);
  const plan = new SessionPlanPage(page);
  const builder = new BuilderPage(page);
  await today.goto();
  await today.planButton.click();
  await today.planSession({ client: MAYA, date: '2026-01-05', time: '10:00' });
  await today.session('Today', MAYA).click();
  await plan.newPractice.getByRole('button', { name: 'Add practice' }).click();
  await page.getByLabel('A title for the client').fill('Evening walk');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(builder.heading).toContainText('Evening walk');
  await builder.goToStep('Commit');
  await page.getByRole('button', { name: 'Agree this plan' }).click();
  await expect(plan.review).toBeVisible();
  await today.goto();

  // Plan the next session with Maya: the plan of today's session.
  await palette.find('plan maya', /^Plan the next session with Maya/);
  await page.keyboard.press('Enter');
  await expect(plan.heading(MAYA)).toBeFocused();
  await expect(plan.review).toBeVisible();

  // Review practice with Maya: her one piece of agreed practice, at once.
  await palette.find('review maya', /^Review practice with Maya/);
  await page.keyboard.press('Enter');
  await expect(new ReviewPage(page).heading).toContainText('Evening walk');
  await expect(palette.dialog).toBeHidden();

  // Nothing booked with Jonah: the palette books it, then opens its plan.
  await palette.find('plan jonah', /^Plan the next session with Jonah/);
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  await expect(today.bookingDialog.getByRole('combobox', { name: 'Client' })).toHaveValue(JONAH);
  await today.planSession({ date: '2026-01-07', time: '11:00' });
  await expect(plan.heading(JONAH)).toBeVisible();

  // Nothing agreed with Jonah yet: the palette says so, and offers his page.
  await palette.find('review jonah', /^Review practice with Jonah/);
  await page.keyboard.press('Enter');
  await expect(palette.dialog.getByText(/no agreed practice to review with Jonah/)).toBeVisible();
  await expect(palette.dialog.locator('[data-selected]')).toHaveAccessibleName(
    `Open ${JONAH}’s page`,
  );

  // Locking (Ctrl+L, typed in the palette's own search box) takes the palette away with the vault.
  await page.keyboard.press('Control+KeyL');
  await expect(running.start.heading).toBeVisible();
  await expect(palette.dialog).toHaveCount(0);
  await page.keyboard.press('Control+KeyK');
  await expect(palette.dialog).toHaveCount(0);
  expect(await page.title()).not.toMatch(/Maya|Jonah/);
  await expect(page.locator('body')).not.toContainText(/Maya|Jonah|Evening walk/);
});
