import type { Page } from '@playwright/test';
import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { ClientViewPage } from './pages/ClientViewPage';
import { SessionPlanPage } from './pages/SessionPlanPage';
import { TodayPage } from './pages/TodayPage';

const passphrase = 'meadow kettle lantern 27 quay';

/** A local calendar date in the app's window, `days` from today, as a date input takes it. */
function localDate(page: Page, days: number): Promise<string> {
  return page.evaluate((offset) => {
    const at = new Date();
    at.setDate(at.getDate() + offset);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  }, days);
}

test('a session planned for tomorrow is on Today, and its plan keeps topics, summary and private notes through a reload', async ({
  app,
}) => {
  const running = await launchWithNewVault(app, passphrase);
  const { page, start, clients } = running;
  const today = new TodayPage(page);
  const plan = new SessionPlanPage(page);
  await clients.addClient('Maya Lindqvist');

  await today.goto();
  await expect(page.getByText('Nothing planned for the next seven days')).toBeVisible();
  await today.planButton.click();
  await today.planSession({
    client: 'Maya Lindqvist',
    date: await localDate(page, 1),
    time: '10:00',
  });
  await expect(today.bookingDialog).toBeHidden();
  const row = today.session('Tomorrow', 'Maya Lindqvist');
  await expect(row).toContainText('10:00');
  await expect(row).toContainText('50 min');
  await expect(row).toContainText('Planned');
  await expectAccessible(page, 'Today');
  await page.screenshot({ path: test.info().outputPath('today.png') });

  await row.click();
  await expect(plan.heading('Maya Lindqvist')).toBeVisible();
  await expect(plan.review).toContainText('No practice is due for review this time');
  await plan.addTopic('Sleep');
  await plan.addTopic('Work stress');
  await plan.addTopic('Visit home');
  // Reorder with the keyboard alone: focus stays with the topic as it moves.
  await plan.moveUpButton('Visit home').focus();
  await page.keyboard.press('Enter');
  await expect(plan.moveUpButton('Visit home')).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await plan.topicTexts()).toEqual(['Visit home', 'Sleep', 'Work stress']);
  await expect(plan.saveStatus(plan.topicsSection)).toHaveText('Saved');

  await plan.summary.fill('We planned one short walk after lunch. Small steps count.');
  await expect(plan.saveStatus(plan.summarySection)).toHaveText('Saved');
  await plan.privateNotes.fill('Seemed tired; ask about sleep next time.');
  await expect(plan.saveStatus(plan.notesSection)).toHaveText('Saved');
  await expect(plan.notesSection).toContainText(
    'Only you see these. Never shown on the shared screen or on handouts.',
  );
  await expectAccessible(page, 'session plan');

  // The shared view shows the client's side of the agenda, follows the summary as it is typed,
  // and never the private notes or the client's name.
  await plan.openSharedView.click();
  await expect.poll(() => running.clientView()).toBeTruthy();
  const clientView = new ClientViewPage(running.clientView() as Page);
  await expect(clientView.title).toHaveText('Today');
  await expect(clientView.sectionHeadings).toHaveText(['What we’ll talk about', 'Summary']);
  await expect(clientView.page.getByText('Visit home')).toBeVisible();
  await plan.summary.pressSequentially(' See you Tuesday.');
  await expect(clientView.page.getByText(/Small steps count\. See you Tuesday\./)).toBeVisible();
  const shown = await clientView.page.locator('body').innerText();
  expect(shown).not.toContain('Seemed tired');
  expect(shown).not.toContain('Maya');
  await expect(plan.saveStatus(plan.summarySection)).toHaveText('Saved');
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: test.info().outputPath('session-plan.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await clientView.page.screenshot({ path: test.info().outputPath('session-plan-shared.png') });
  await plan.closeSharedView.click();

  await page.reload();
  await start.unlockWithPassphrase(passphrase);
  await expect(today.heading).toBeVisible();
  await today
    .day('Tomorrow')
    .getByRole('button', { name: /Maya Lindqvist/ })
    .click();
  await expect(plan.heading('Maya Lindqvist')).toBeVisible();
  await expect.poll(() => plan.topicTexts()).toEqual(['Visit home', 'Sleep', 'Work stress']);
  await expect(plan.summary).toHaveValue(
    'We planned one short walk after lunch. Small steps count. See you Tuesday.',
  );
  await expect(plan.privateNotes).toHaveValue('Seemed tired; ask about sleep next time.');

  // The client's page lists the session and links back to its plan.
  await clients.gotoList();
  await clients.open('Maya Lindqvist');
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await expect(sessions.getByRole('button', { name: /Planned/ })).toHaveCount(1);
  await expectAccessible(page, 'client page with sessions');
  await page.screenshot({ path: test.info().outputPath('client-sessions.png'), fullPage: true });
  await sessions.getByRole('button', { name: /Planned/ }).click();
  await expect(plan.heading('Maya Lindqvist')).toBeVisible();
});

test('a planned session in the past is refused beside the date, and nothing is booked', async ({
  app,
}) => {
  const { page, clients } = await launchWithNewVault(app, passphrase);
  const today = new TodayPage(page);
  await clients.addClient('Jonas Ødegård');
  await clients.open('Jonas Ødegård');
  // Booking from the client's page: the client is already chosen.
  await page
    .getByRole('region', { name: 'Sessions' })
    .getByRole('button', { name: 'Plan a session' })
    .click();
  await expect(today.bookingDialog.getByRole('combobox', { name: 'Client' })).toHaveValue(
    'Jonas Ødegård',
  );
  await today.planSession({ date: await localDate(page, -2), time: '09:00' });
  await expect(
    today.bookingDialog.getByText('This date has passed — mark it as held, or pick a later date.'),
  ).toBeVisible();
  await today.bookingDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('region', { name: 'Sessions' })).toContainText('No sessions yet');
  await today.goto();
  await expect(page.getByText('Nothing planned for the next seven days')).toBeVisible();
});
