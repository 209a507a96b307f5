import type { Locator, Page } from '@playwright/test';
import { loadBuiltinTemplates } from '../fixtures/library';
import {
  expect,
  expectAccessible,
  launchWithNewVault,
  type OpenVault,
  test,
  WCAG_AA_TAGS,
} from './fixtures';
import { BuilderPage } from './pages/BuilderPage';
import { ClientViewPage } from './pages/ClientViewPage';
import { LibraryPage } from './pages/LibraryPage';
import { ReviewPage } from './pages/ReviewPage';
import { SessionPlanPage } from './pages/SessionPlanPage';
import { SettingsPage } from './pages/SettingsPage';
import { TodayPage } from './pages/TodayPage';

const passphrase = 'willow anchor 48 slate meadow';
const CLIENT = 'Maya Lindqvist';
const PRACTICE = 'Evening walk';
const BUILDER_STEPS = ['Why and what', 'Start small', 'Plan around barriers', 'Commit'];

/** Monday 5 January 2026, 09:00 in the app's time zone, and the Mondays after it. */
const weekStart = (week: number) => new Date(2026, 0, 5 + 7 * week, 9, 0, 0);
const isoDay = (at: Date) =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

/** A built-in template with cautions, whose own copy the clinician keeps as a custom template. */
const coolWater = loadBuiltinTemplates().find((template) => template.id === 'cool-water-reset');

/** The pages a walk through the app uses, over one open vault. */
class Practice {
  readonly today: TodayPage;
  readonly plan: SessionPlanPage;
  readonly builder: BuilderPage;
  readonly library: LibraryPage;
  readonly settings: SettingsPage;

  constructor(
    readonly running: OpenVault,
    readonly page: Page = running.page,
  ) {
    this.today = new TodayPage(page);
    this.plan = new SessionPlanPage(page);
    this.builder = new BuilderPage(page);
    this.library = new LibraryPage(page);
    this.settings = new SettingsPage(page);
  }

  /** Books a session with the client on the Monday of `week` and opens its plan. */
  async bookSession(week: number): Promise<void> {
    await this.page.clock.setFixedTime(weekStart(week));
    await this.gotoToday();
    await this.today.planButton.click();
    await this.today.planSession({ client: CLIENT, date: isoDay(weekStart(week)), time: '10:00' });
    await expect(this.today.bookingDialog).toBeHidden();
    await this.openTodaysSession();
  }

  /**
   * An area's first screen, from anywhere: its button in the navigation reopens the screen left
   * open there, and goes to the first screen when pressed again.
   */
  async gotoHome(area: string, home: Locator): Promise<void> {
    const button = this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name: area });
    await button.click();
    await expect(async () => {
      if (!(await home.isVisible())) await button.click();
      await expect(home).toBeVisible({ timeout: 2000 });
    }).toPass();
  }

  gotoToday(): Promise<void> {
    return this.gotoHome('Today', this.today.heading);
  }

  async openTodaysSession(): Promise<void> {
    await this.gotoToday();
    await this.today.session('Today', CLIENT).click();
    await expect(this.plan.heading(CLIENT)).toBeVisible();
  }

  /** A dialog opened by `opener`, checked, then closed with the keyboard. */
  async checkDialog(name: string, opener: () => Promise<void>, check: Check): Promise<void> {
    await opener();
    const dialog = this.page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await check(`${name} dialog`);
    // The first Escape may close a list opened inside the dialog, the next closes the dialog.
    await expect(async () => {
      await this.page.keyboard.press('Escape');
      await expect(dialog).toBeHidden({ timeout: 1000 });
    }).toPass();
  }
}

type Check = (screen: string, page?: Page) => Promise<void>;

/**
 * `BRIDGEWORK_SCREENSHOTS=1 npx playwright test accessibility` saves a full-page picture of every
 * screen the walk checks, in both schemes, under test-results/, to look at side by side. They
 * prove nothing by themselves and take a third of the walk's time, so `npm test` leaves them out.
 */
const SCREENSHOTS = process.env.BRIDGEWORK_SCREENSHOTS === '1';

/**
 * A client with two goals and a private note; a session whose plan has a topic, a summary and
 * practice with a specific plan; the next week's session where that practice was reviewed; a
 * custom template; a backup. The app's clock ends on the second session's Monday.
 */
async function setUpPractice(practice: Practice, check: Check): Promise<void> {
  const { page, plan, builder, running } = practice;
  const { clients } = running;
  await page.clock.setFixedTime(weekStart(0));
  await clients.addClient(CLIENT);
  await clients.open(CLIENT);
  await clients.addGoal('Get out of the flat most days', 'I feel more like myself outside');
  await clients.addGoal('Sleep before midnight', 'Mornings are easier');
  await clients.privateNotes.fill('Tired this week; ask about sleep.');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  await practice.bookSession(0);
  await plan.addTopic('Sleep');
  await plan.summary.fill('One short walk after dinner. Small steps count.');
  await expect(plan.saveStatus(plan.summarySection)).toHaveText('Saved');
  await plan.newPractice.getByRole('button', { name: 'Add practice' }).click();
  await page.getByLabel('A title for the client').fill(PRACTICE);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(builder.heading).toContainText(PRACTICE);
  await builder.fill('Why does this matter to you?', 'I sleep better after being outside');
  await builder.click('Get out of the flat most days', 'checkbox');
  await builder.goToStep('Start small');
  const days = page.getByRole('group', { name: /^Which days/ });
  for (const day of ['Mon', 'Wed', 'Fri']) await days.getByText(day, { exact: true }).click();
  await builder.goToStep('Plan around barriers');
  await builder.fill('What, exactly', 'walk round the block');
  await page.getByLabel('At what time (optional)').fill('19:00');
  await builder.fill('Where', 'the park by the flat');
  await builder.goToStep('Commit');
  await builder.rate(/How sure do you feel/, 8);
  await page.getByRole('button', { name: 'Agree this plan' }).click();
  await expect(plan.review).toBeVisible();

  await practice.bookSession(1);
  const due = plan.review.getByRole('listitem', { name: PRACTICE });
  // Only practice not yet reviewed can be set aside, so its dialog is checked here.
  await practice.checkDialog(
    'Set this review aside for today',
    () => due.getByRole('button', { name: 'Set aside for today…' }).click(),
    check,
  );
  await due.getByRole('button', { name: 'Start review' }).click();
  const review = new ReviewPage(page);
  await expect(review.heading).toContainText(PRACTICE);
  await review.outcome('Some of it');
  await review.smallestVersion(true);
  await review.estimate('About half');
  await review.reportedBy('What the client told me');
  await review.barrier('Forgetting');
  await review.madeThingsWorse('No, nothing did');
  await review.fill('What they learned or noticed', 'Evenings go better after a short walk');
  await review.fill('Wins, however small', 'Went out twice in the rain');
  await review.decide('Keep it as it is');
  await review.finish();

  if (!coolWater) throw new Error('the built-in template cool-water-reset is missing');
  await practice.library.open();
  await practice.library.saveOwnCopyOf(coolWater.title);

  await practice.settings.open();
  await practice.settings.backUpNow.click();
  await expect(practice.settings.backupRows()).toHaveCount(1);
}

/** Visits every screen of the open vault and the dialogs commonly opened there. */
async function walkTheVault(practice: Practice, check: Check): Promise<void> {
  const { page, today, plan, builder, library, settings, running } = practice;
  const { clients } = running;

  await practice.gotoToday();
  await check('Today');
  await practice.checkDialog('Plan a session', () => today.planButton.click(), check);

  await practice.openTodaysSession();
  await check('session plan');
  await plan.review
    .getByRole('listitem', { name: PRACTICE })
    .getByRole('button', { name: 'Open review' })
    .click();
  await expect(new ReviewPage(page).heading).toContainText(PRACTICE);
  await check('review');

  await practice.openTodaysSession();
  await plan.newPractice.getByRole('button', { name: 'Add practice' }).click();
  await expect(page.getByRole('heading', { name: 'Where shall we start?' })).toBeVisible();
  await check('new practice');

  await clients.gotoList();
  await check('clients');
  await clients.open(CLIENT);
  await expect(page.getByRole('heading', { name: CLIENT, level: 1 })).toBeVisible();
  await check('client page');
  await practice.checkDialog(
    'Add a goal',
    () => page.getByRole('button', { name: 'Add a goal' }).click(),
    check,
  );
  await page.getByRole('main').getByRole('button', { name: 'Insights', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Insights: ${CLIENT}` })).toBeVisible();
  await check('client insights');

  await clients.goto();
  await page
    .getByRole('button', { name: new RegExp(`^${PRACTICE}`) })
    .first()
    .click();
  await expect(builder.heading).toContainText(PRACTICE);
  await page.getByRole('button', { name: 'Open shared view' }).click();
  await expect.poll(() => running.clientView()).toBeTruthy();
  const view = running.clientView() as Page;
  await view.emulateMedia({ colorScheme: await schemeOf(page) });
  await expect(view.locator('html')).toHaveAttribute(
    'data-mantine-color-scheme',
    await schemeOf(page),
  );
  for (const step of BUILDER_STEPS) {
    await builder.goToStep(step);
    await check(`builder, ${step}`);
  }
  await expect(view.getByRole('heading', { name: PRACTICE, level: 1 })).toBeVisible();
  await check('client view, showing the practice', view);

  // Leaving the builder leaves the shared view on its calm placeholder; locking closes it.
  await library.open();
  await expect(library.heading).toBeVisible();
  await expect(new ClientViewPage(view).placeholder).toBeVisible();
  await check('client view, showing nothing yet', view);
  await check('library');
  await library.search.fill('my version');
  await library.result(/my version/).click();
  await expect(page.getByRole('region', { name: 'For you, not the client' })).toBeVisible();
  await check('a custom template');
  await practice.checkDialog(
    'Use with a client',
    () => page.getByRole('button', { name: 'Use with a client…' }).click(),
    check,
  );
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save template' })).toBeVisible();
  await check('template editor');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await practice.gotoHome(
    'Insights',
    page.getByRole('heading', { name: 'Insights across your practice' }),
  );
  await check('Insights');

  await settings.open();
  await expect(settings.heading).toBeVisible();
  // Its choices are disabled (and greyed) until the vault's settings have loaded.
  await expect(page.getByRole('main').getByRole('radio', { disabled: true })).toHaveCount(0);
  await check('Settings');
  await practice.checkDialog(
    'Change passphrase',
    () => page.getByRole('button', { name: 'Change passphrase…' }).click(),
    check,
  );
  await practice.checkDialog(
    'New recovery key',
    () => page.getByRole('button', { name: 'New recovery key…' }).click(),
    check,
  );
  await practice.checkDialog(
    'Restore from backup',
    () =>
      settings
        .backupRows()
        .first()
        .getByRole('button', { name: /Restore the backup/ })
        .click(),
    check,
  );
}

/** The start screen's forms: unlock, the list of vaults, create; then back into the vault. */
async function walkTheStartScreen(practice: Practice, check: Check): Promise<void> {
  const { page, running } = practice;
  const { start, clients } = running;
  await clients.lockButton.click();
  await expect(start.unlockButton).toBeVisible();
  await expect.poll(() => running.clientView()).toBeUndefined();
  await check('unlock');
  await page.getByRole('button', { name: 'Other vaults and backups' }).click();
  await check('choose a vault');
  await page.getByRole('button', { name: 'Create a new vault' }).click();
  await start.vaultName.fill('Clinic');
  await start.passphrase.fill('short');
  await expect(start.createButton).toBeVisible();
  await check('create a vault');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: /Private practice/ }).click();
  await start.unlockWithPassphrase(passphrase);
  await expect(practice.today.heading).toBeVisible();
}

/** The colour scheme a page shows, as Mantine set it on the document. */
async function schemeOf(page: Page): Promise<'light' | 'dark'> {
  const scheme = await page.locator('html').getAttribute('data-mantine-color-scheme');
  return scheme === 'dark' ? 'dark' : 'light';
}

// The two schemes walk the same vault, each on its own, so two workers can run them side by side.
test.describe.configure({ mode: 'parallel' });

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen and common dialog passes axe’s WCAG 2.1 AA rules with no serious or critical violation, in the ${scheme} scheme`, async ({
    app,
  }) => {
    test.setTimeout(300_000);
    const running = await launchWithNewVault(app, passphrase);
    // The app follows the system's scheme until the clinician picks one with the toggle.
    await running.page.emulateMedia({ colorScheme: scheme });
    await expect(running.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    const practice = new Practice(running);
    const check: Check = async (screen, page = running.page) => {
      await expectAccessible(page, `${screen} (${scheme})`, { tags: WCAG_AA_TAGS, soft: true });
      if (!SCREENSHOTS) return;
      const file = `${scheme}-${screen.replace(/\W+/g, '-')}.png`;
      await page.screenshot({ path: test.info().outputPath(file), fullPage: true });
    };
    await test.step('a practice with a client, sessions, practice, a review and a template', () =>
      setUpPractice(practice, check));
    await test.step(`every screen of the vault in the ${scheme} scheme`, () =>
      walkTheVault(practice, check));
    await test.step(`the start screen in the ${scheme} scheme`, () =>
      walkTheStartScreen(practice, check));
  });
}
