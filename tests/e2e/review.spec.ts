import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, launchWithNewVault, type OpenVault, test } from './fixtures';
import { BuilderPage } from './pages/BuilderPage';
import { ClientViewPage } from './pages/ClientViewPage';
import { ReviewPage } from './pages/ReviewPage';
import { expectNoPlaintextAtRest, findInIndexedDb, openVaultDatabase } from './plaintext-scan';
import { SessionPlanPage } from './pages/SessionPlanPage';
import { TodayPage } from './pages/TodayPage';

const passphrase = 'harbour violet 31 ledger moss';
const MAYA = 'Maya Lindqvist';
const JONAH = 'Jonah O’Reilly-Ng';
const LEARNED = 'Zq-Learned: evenings go better after a short walk';

/** Monday 5 January 2026, 09:00 in the app's time zone, and the Mondays after it. */
const weekStart = (week: number) => new Date(2026, 0, 5 + 7 * week, 9, 0, 0);
const isoDay = (at: Date) =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

/** A six-week course, run a week at a time: the app's clock is set to each Monday in turn. */
class Course {
  readonly today: TodayPage;
  readonly plan: SessionPlanPage;
  readonly builder: BuilderPage;

  constructor(readonly page: Page) {
    this.today = new TodayPage(page);
    this.plan = new SessionPlanPage(page);
    this.builder = new BuilderPage(page);
  }

  async week(week: number): Promise<void> {
    await this.page.clock.setFixedTime(weekStart(week));
  }

  /** Books a session today with `client` and opens its plan. */
  async session(client: string, week: number, time: string): Promise<void> {
    await this.today.goto();
    await this.today.planButton.click();
    await this.today.planSession({ client, date: isoDay(weekStart(week)), time });
    await expect(this.today.bookingDialog).toBeHidden();
    if (week === 1 && client === MAYA)
      await this.page.screenshot({ path: test.info().outputPath('today-with-review.png') });
    await this.today.session('Today', client).click();
    await expect(this.plan.heading(client)).toBeVisible();
  }

  /** Adds practice from scratch in the open plan and agrees it, with a plan when given. */
  async newPractice(
    title: string,
    plan?: { days: string[]; what: string; time: string; where: string },
  ) {
    await this.plan.newPractice.getByRole('button', { name: 'Add practice' }).click();
    await this.page.getByLabel('A title for the client').fill(title);
    await this.page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(this.builder.heading).toContainText(title);
    if (plan) {
      await this.builder.goToStep('Start small');
      const days = this.page.getByRole('group', { name: /^Which days/ });
      for (const day of plan.days) await days.getByText(day, { exact: true }).click();
      await this.builder.goToStep('Plan around barriers');
      await this.builder.fill('What, exactly', plan.what);
      await this.page.getByLabel('At what time (optional)').fill(plan.time);
      await this.builder.fill('Where', plan.where);
    }
    await this.agree();
  }

  /** Agrees the practice open in the builder, from its last step; back on the session plan. */
  async agree() {
    await this.builder.goToStep('Commit');
    await this.page.getByRole('button', { name: 'Agree this plan' }).click();
    await expect(this.plan.review).toBeVisible();
  }

  /** A quick review of `title` that goes on as it is: how it went, roughly how much, no harm. */
  async keepGoing(
    title: string,
    outcome: 'Did it' | 'Some of it',
    estimate: 'Most of it' | 'All of it',
  ): Promise<void> {
    const review = await this.startReview(title);
    await review.outcome(outcome);
    await review.smallestVersion(true);
    await review.estimate(estimate);
    await review.madeThingsWorse('No, nothing did');
    await review.decide('Keep it as it is');
    await review.finish();
  }

  /** Opens the review of `title` from the session plan. */
  async startReview(title: string): Promise<ReviewPage> {
    await this.plan.review
      .getByRole('listitem', { name: title })
      .getByRole('button', { name: 'Start review' })
      .click();
    const review = new ReviewPage(this.page);
    await expect(review.heading).toContainText(title);
    return review;
  }
}

async function shownOn(view: Page): Promise<string> {
  return view.locator('body').innerText();
}

test('a six-week course for two clients ends in the numbers expected on both Insights screens and in the CSV, and the shared view never shows a percentage or a therapist’s rating', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const running: OpenVault = await launchWithNewVault(app, passphrase);
  const { page, clients } = running;
  const course = new Course(page);
  await course.week(0);
  await clients.addClient(MAYA);
  await clients.addClient(JONAH);

  // Week 0: practice agreed with each (Maya's with a specific plan).
  await course.session(MAYA, 0, '10:00');
  await course.newPractice('Evening walk', {
    days: ['Mon', 'Wed', 'Fri'],
    what: 'walk round the block',
    time: '19:00',
    where: 'the park by the flat',
  });
  await course.session(JONAH, 0, '11:00');
  await course.newPractice('Breathing before bed');

  // Week 1: Maya did some of it — reviewed with the shared view open, in at most 15 steps.
  await course.week(1);
  await course.session(MAYA, 1, '10:00');
  await course.plan.openSharedView.click();
  await expect.poll(() => running.clientView()).toBeTruthy();
  const view = new ClientViewPage(running.clientView() as Page);
  let review = await course.startReview('Evening walk');
  await expect(review.question).toHaveText(/\?$/);
  await review.outcome('Some of it');
  await expect(review.question).toHaveText(/\?$/);
  await review.smallestVersion(true);
  await expect(page.getByText(/The smallest version happened — that counts/)).toBeVisible();
  await review.estimate('About half');
  await review.reportedBy('What the client told me');
  await review.madeThingsWorse('No, nothing did');
  await review.fill('What they learned or noticed', LEARNED);
  await review.fill('Wins, however small', 'Went out twice in the rain');
  await review.act(() =>
    page
      .getByRole('radiogroup', { name: 'Quality of the practice' })
      .getByText('3', { exact: true })
      .click(),
  );
  await expect(view.page.getByText('Went out twice in the rain')).toBeVisible();
  await expect(view.page.getByText('Some of it', { exact: true })).toBeVisible();
  const shared = await shownOn(view.page);
  expect(shared).not.toMatch(/%|\b50\b|Quality|Engagement|Insights|Maya/);
  await expectAccessible(page, 'review');
  await page.screenshot({ path: test.info().outputPath('review.png'), fullPage: true });
  await view.page.screenshot({ path: test.info().outputPath('review-shared.png') });
  await review.decide('Keep it as it is');
  await review.finish();
  expect(review.interactions, 'interactions to review one piece of practice').toBeLessThanOrEqual(
    15,
  );
  // Back on the session plan, the shared view follows it: the client's side of the agenda.
  await expect(view.title).toHaveText('Today');
  await expect(course.plan.review.getByRole('listitem', { name: 'Evening walk' })).toContainText(
    'Reviewed',
  );
  await course.plan.closeSharedView.click();

  await course.session(JONAH, 1, '11:00');
  await course.keepGoing('Breathing before bed', 'Did it', 'All of it');

  // Week 2: Maya's didn't happen (she forgot): made smaller together, as a new version.
  await course.week(2);
  await course.session(MAYA, 2, '10:00');
  review = await course.startReview('Evening walk');
  await review.outcome('Not this time');
  await expect(review.question).toHaveText(/\?$/);
  await review.smallestVersion(false);
  await review.estimate('None of it');
  await review.barrier('Forgetting');
  await review.madeThingsWorse('No, nothing did');
  await expect(review.suggestions).toContainText(/smaller|fit/i);
  await review.decide('Make it fit the week better');
  await review.fill('Why, in a few words', 'Evenings are busy; a shorter walk after dinner');
  await review.finish();
  await expect(course.builder.heading).toContainText('Evening walk');
  await course.agree();

  await course.session(JONAH, 2, '11:00');
  await course.keepGoing('Breathing before bed', 'Some of it', 'Most of it');

  // Week 3: Maya did the smaller version; Jonah starts new practice before reviewing.
  await course.week(3);
  await course.session(MAYA, 3, '10:00');
  await course.keepGoing('Evening walk', 'Did it', 'All of it');
  await course.session(JONAH, 3, '11:00');
  await course.newPractice('Stretch in the morning');

  // Week 4: Maya's tracker came back, every day done: a step up is suggested and taken.
  await course.week(4);
  await course.session(MAYA, 4, '10:00');
  review = await course.startReview('Evening walk');
  await review.outcome('Did it');
  await review.smallestVersion(true);
  await review.trackerDays(
    ['Monday 19 January', 'Wednesday 21 January', 'Friday 23 January', 'Monday 26 January'],
    'Done',
  );
  await review.reportedBy('A returned tracker');
  await review.madeThingsWorse('No, nothing did');
  await expect(review.suggestions).toContainText(/went well|step|more/i);
  await review.decide('Take the next step');
  await review.finish();
  await course.agree();

  // What was said in the reviews is nowhere at rest in plaintext.
  const said = [LEARNED, 'Went out twice in the rain', 'Evenings are busy; a shorter walk'];
  for (const text of said) expect(await findInIndexedDb(page, text), text).toEqual([]);
  await expectNoPlaintextAtRest({
    dirs: [app.profileDir, app.dataDir],
    texts: said,
    phase: 'after the reviews',
    database: await openVaultDatabase(page),
  });

  // Insights for Maya: four reviews.
  await clients.goto();
  await clients.open(MAYA);
  await page.getByRole('main').getByRole('button', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { name: `Insights: ${MAYA}` })).toBeVisible();
  const card = (title: string) => page.getByRole('region', { name: title, exact: true });
  await expect(card('Any attempt')).toContainText('3 of 4 (75%)');
  await expect(card('The full plan')).toContainText('2 of 4 (50%)');
  await expect(card('The smallest version happened')).toContainText('3 of 4 (75%)');
  await expect(card('A tracker came back')).toContainText('1 of 4 (25%)');
  await expect(page.getByRole('table', { name: 'Each review' }).getByRole('row')).toHaveCount(5);
  await expect(page.getByText(LEARNED)).toBeVisible();
  await expect(card('What gets in the way')).toBeVisible();
  await expectAccessible(page, 'client insights');
  await page.screenshot({ path: test.info().outputPath('insights-client.png'), fullPage: true });

  // Insights across the practice: six reviews, January and February.
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Insights' })
    .click();
  await expect(page.getByRole('heading', { name: 'Insights across your practice' })).toBeVisible();
  const months = page.getByRole('table', { name: 'Month' });
  await expect(months.getByRole('row').nth(1)).toContainText('4 of 5 (80%)');
  await expect(months.getByRole('row').nth(1)).toContainText('2 of 5 (40%)');
  await expect(months.getByRole('row').nth(2)).toContainText('1 of 1 (100%)');
  await expect(
    page.getByText(/any attempt 5 of 6 \(83%\); the full plan 3 of 6 \(50%\)/),
  ).toBeVisible();
  const habit = (label: string) =>
    page.getByRole('region', { name: 'Your habits' }).locator('div', { hasText: label }).last();
  await expect(habit('Reviewed practice first')).toContainText('6 of 7 (86%)');
  await expect(habit('A specific plan')).toContainText('3 of 5 (60%)');
  await expect(habit('A handout went home')).toContainText('0 of 5 (0%)');
  await expectAccessible(page, 'practice insights');
  await page.screenshot({ path: test.info().outputPath('insights-practice.png'), fullPage: true });

  // The de-identified CSV: one row per review, no names, no free text.
  const csvPath = join(app.backupDir, 'reviews.csv');
  app.dialogs.exportSaveLocation.push(csvPath);
  await page.getByRole('button', { name: 'Export reviews (CSV)…' }).click();
  await page.getByRole('button', { name: 'Save CSV…' }).click();
  await expect(page.getByText(/with 6 reviews\. It’s noted in the export log\./)).toBeVisible();
  const csv = await readFile(csvPath, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  expect(lines).toHaveLength(7);
  for (const secret of [MAYA, 'Maya', 'Jonah', 'Evening walk', LEARNED, 'Went out twice'])
    expect(csv).not.toContain(secret);
  expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(2);
});
