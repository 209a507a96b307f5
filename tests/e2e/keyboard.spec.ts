import type { Locator, Page } from '@playwright/test';
import { expect, launchWithNewVault, test } from './fixtures';
import { ReviewPage } from './pages/ReviewPage';
import { SessionPlanPage } from './pages/SessionPlanPage';
import { TodayPage } from './pages/TodayPage';

const passphrase = 'copper heron 64 velvet dune';
const CLIENT = 'Maya Lindqvist';
const GOAL = 'Go to the market on Saturdays';
const TEMPLATE = /Graded exposure: going into a busy shop/;
const PRACTICE = 'Out to the shops';

/** Monday 5 January 2026, 09:00 in the app's time zone, and the Mondays after it. */
const weekStart = (week: number) => new Date(2026, 0, 5 + 7 * week, 9, 0, 0);
const isoDay = (at: Date) =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

/**
 * Why the focused element's focus can't be seen, or null when it can: an outline on it (or on
 * the label drawn for a hidden input, as chips and segmented controls do), or, for text fields,
 * a border in the primary colour.
 */
function unseenFocus(): string | null {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return 'nothing has the focus';
  const ringed = (node: Element | null | undefined) => {
    if (!node) return false;
    const style = getComputedStyle(node);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  };
  const labels = focused instanceof HTMLInputElement ? [...(focused.labels ?? [])] : [];
  if (ringed(focused) || ringed(focused.nextElementSibling) || labels.some(ringed)) return null;
  const probe = document.createElement('span');
  probe.style.color = 'var(--mantine-primary-color-filled)';
  document.body.append(probe);
  const primary = getComputedStyle(probe).color;
  probe.remove();
  if (getComputedStyle(focused).borderTopColor === primary) return null;
  return `no visible focus on ${focused.outerHTML.slice(0, 160)}`;
}

/**
 * A clinician's hands on the keyboard, and nothing else: Tab to move, Enter and Space to press,
 * arrows inside a group of choices, typing into fields. Locators only say where the clinician
 * wants to get to; every move is a key press, and every stop shows where the focus is.
 */
class KeyboardOnly {
  constructor(readonly page: Page) {}

  private hasFocus(target: Locator): Promise<boolean> {
    return target.evaluate((element) => element.contains(document.activeElement));
  }

  /** Something that tells the focused element from its neighbours, to see whether a key moved it. */
  private focusedId(): Promise<string> {
    return this.page.evaluate(() => {
      const focused = document.activeElement;
      if (!focused) return '';
      const value = focused instanceof HTMLInputElement ? focused.value : '';
      return `${focused.tagName}#${focused.id}:${value}:${focused.textContent ?? ''}`;
    });
  }

  /** The focus can be seen once any colour transition has run. */
  private async expectFocusSeen(): Promise<void> {
    await expect.poll(() => this.page.evaluate(unseenFocus), { timeout: 2000 }).toBeNull();
  }

  /**
   * Presses Tab until the focus is on (or inside) `target`, or Shift+Tab when it lies behind;
   * fails if it never gets there.
   */
  async tabTo(target: Locator, limit = 120): Promise<void> {
    await expect(target).toBeAttached();
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let presses = 0; presses < limit; presses += 1) {
        if (await this.hasFocus(target)) {
          await this.expectFocusSeen();
          return;
        }
        await this.page.keyboard.press(key);
      }
    }
    throw new Error(`the keyboard never reached ${target.toString()}`);
  }

  /** Tabs to a button (or link) and presses Enter. */
  async press(target: Locator): Promise<void> {
    await this.tabTo(target);
    await this.page.keyboard.press('Enter');
  }

  /** Tabs to a checkbox and ticks it with Space. */
  async tick(target: Locator): Promise<void> {
    await this.tabTo(target);
    await this.page.keyboard.press('Space');
    await expect(target).toBeChecked();
  }

  /** Tabs to a text field and types over what it holds. */
  async type(target: Locator, text: string): Promise<void> {
    await this.tabTo(target);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
    await expect(target).toHaveValue(text);
  }

  /**
   * Tabs into a group of choices, then moves with the arrow keys (Tab where a group's choices
   * are separate stops) until `option` is chosen, choosing it with Space when the focus is on it.
   */
  async choose(group: Locator, option: Locator, limit = 15): Promise<void> {
    await this.tabTo(group);
    for (let moves = 0; moves < limit; moves += 1) {
      if (await option.isChecked()) return;
      if (await this.hasFocus(option)) {
        await this.page.keyboard.press('Space');
        continue;
      }
      const before = await this.focusedId();
      await this.page.keyboard.press('ArrowRight');
      if ((await this.focusedId()) === before) await this.page.keyboard.press('Tab');
      await this.expectFocusSeen();
    }
    await expect(option).toBeChecked();
  }
}

test('with the keyboard alone, a clinician designs practice from the library with a client, agrees it, and reviews it the next week', async ({
  app,
}) => {
  test.setTimeout(180_000);
  // Set-up with the usual helpers: a client with a goal, and next week's session booked.
  const running = await launchWithNewVault(app, passphrase);
  const { page, clients } = running;
  await page.clock.setFixedTime(weekStart(0));
  await clients.addClient(CLIENT);
  await clients.open(CLIENT);
  await clients.addGoal(GOAL, 'I miss seeing people');
  const today = new TodayPage(page);
  await today.goto();
  await today.planButton.click();
  await today.planSession({ client: CLIENT, date: isoDay(weekStart(1)), time: '10:00' });
  await expect(today.bookingDialog).toBeHidden();

  // From here on, only keys.
  const keys = new KeyboardOnly(page);
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  await keys.press(navigation.getByRole('button', { name: 'Library' }));
  await expect(page.getByRole('heading', { name: 'Homework library' })).toBeVisible();
  await keys.type(page.getByLabel('Search the library'), 'busy shop');
  await keys.press(page.getByRole('option', { name: TEMPLATE }));
  await keys.press(page.getByRole('button', { name: 'Use with a client…' }));
  const using = page.getByRole('dialog', { name: 'Use with a client' });
  await expect(using).toBeVisible();
  const clientChoice = using.getByLabel('Client', { exact: true });
  await keys.tabTo(clientChoice);
  await page.keyboard.press('ArrowDown');
  await expect(clientChoice.locator('option:checked')).toHaveText(CLIENT);
  await keys.press(using.getByRole('button', { name: 'Design it together' }));

  // Why and what.
  await expect(page.getByRole('heading', { name: PRACTICE, level: 1 })).toBeVisible();
  await keys.type(page.getByLabel('Why does this matter to you?'), 'I want Saturdays back');
  await keys.type(page.getByLabel('What part of it feels doable?'), 'Standing at the door');
  await keys.tick(page.getByRole('checkbox', { name: GOAL }));
  await keys.press(page.getByRole('button', { name: 'Next: Start small' }));

  // Start small.
  await keys.choose(
    page.getByRole('radiogroup', { name: 'How much feels right for this week?' }),
    page.getByRole('radio', { name: 'Once this week, 5 minutes' }),
  );
  await keys.tick(page.getByRole('checkbox', { name: 'Sat', exact: true }));
  await keys.choose(
    page.getByRole('radiogroup', { name: /Which step feels right/ }),
    page.getByRole('radio', { name: /Stand outside a small shop/ }),
  );
  await keys.press(page.getByRole('button', { name: 'Next: Plan around barriers' }));

  // Plan around barriers.
  await keys.type(page.getByLabel('What, exactly'), 'walk to the market door');
  await keys.type(page.getByLabel('Where', { exact: true }), 'the Saturday market');
  await keys.press(page.getByRole('button', { name: /I turn back at the door/ }));
  await expect(page.getByLabel('Barrier 1, in their words')).toHaveValue('I turn back at the door');
  await keys.type(page.getByLabel('Backup plan for a hard day'), 'Walk past it once');
  await keys.press(page.getByRole('button', { name: 'Next: Commit' }));

  // Commit.
  const confidence = page.getByRole('radiogroup', { name: /How sure do you feel/ });
  await keys.choose(confidence, confidence.getByRole('radio', { name: '8', exact: true }));
  const importance = page.getByRole('radiogroup', { name: /How much does it matter/ });
  // A rating is one Tab stop: the next Tab leaves the eleven numbers for the next question.
  await page.keyboard.press('Tab');
  await expect(importance.getByRole('radio', { name: '0', exact: true })).toBeFocused();
  await keys.choose(importance, importance.getByRole('radio', { name: '9', exact: true }));
  await keys.type(page.getByLabel('Where the reminder will live'), 'A note on the front door');
  await keys.tick(page.getByRole('checkbox', { name: 'I’ve considered these for this client' }));
  await keys.press(page.getByRole('button', { name: 'Agree this plan' }));

  // Agreed: on the client's page, with every choice kept.
  await expect(page.getByRole('heading', { name: CLIENT, level: 1 })).toBeVisible();
  const agreed = page.getByRole('button', { name: new RegExp(`^${PRACTICE}`) });
  await expect(agreed).toContainText('Agreed');
  await keys.press(agreed);
  await expect(confidence.getByRole('radio', { name: '8', exact: true })).toBeChecked();
  await expect(importance.getByRole('radio', { name: '9', exact: true })).toBeChecked();
  await expect(page.getByLabel('Where the reminder will live')).toHaveValue(
    'A note on the front door',
  );

  // A week later, the session opens on the review.
  await page.clock.setFixedTime(weekStart(1));
  await keys.press(navigation.getByRole('button', { name: 'Today' }));
  await expect(today.heading).toBeVisible();
  await keys.press(today.session('Today', CLIENT));
  const plan = new SessionPlanPage(page);
  await expect(plan.heading(CLIENT)).toBeVisible();
  const item = plan.review.getByRole('listitem', { name: PRACTICE });
  await keys.press(item.getByRole('button', { name: 'Start review' }));
  const review = new ReviewPage(page);
  await expect(review.heading).toContainText(PRACTICE);

  const howItWent = page.getByRole('radiogroup', { name: 'How it went' });
  await keys.choose(howItWent, howItWent.getByRole('radio', { name: 'Some of it' }));
  const smallest = page.getByRole('radiogroup', { name: 'Did the smallest version happen?' });
  await keys.choose(smallest, smallest.getByRole('radio', { name: 'Yes, it did' }));
  const amount = page.getByRole('radiogroup', { name: 'Roughly how much of the plan happened?' });
  await keys.choose(amount, amount.getByRole('radio', { name: 'About half' }));
  await keys.tick(
    page
      .getByRole('group', { name: 'What got in the way' })
      .getByRole('checkbox', { name: 'Forgetting', exact: true }),
  );
  const worse = page.getByRole('radiogroup', { name: 'Did anything make things worse?' });
  await keys.choose(worse, worse.getByRole('radio', { name: 'No, nothing did' }));
  await keys.type(page.getByLabel('Wins, however small'), 'Stood at the door twice');
  const decision = page.getByRole('radiogroup', { name: 'What you decided together' });
  await keys.choose(decision, decision.getByRole('radio', { name: /^Keep it as it is/ }));
  await keys.press(page.getByRole('button', { name: /^Finish/ }));

  // Back on the plan, reviewed; reopened, the review holds every answer.
  await expect(review.heading).toBeHidden();
  await expect(item).toContainText('Reviewed');
  await keys.press(item.getByRole('button', { name: 'Open review' }));
  await expect(howItWent.getByRole('radio', { name: 'Some of it' })).toBeChecked();
  await expect(smallest.getByRole('radio', { name: 'Yes, it did' })).toBeChecked();
  await expect(amount.getByRole('radio', { name: 'About half' })).toBeChecked();
  await expect(worse.getByRole('radio', { name: 'No, nothing did' })).toBeChecked();
  await expect(page.getByLabel('Wins, however small')).toHaveValue('Stood at the door twice');
  await expect(decision.getByRole('radio', { name: /^Keep it as it is/ })).toBeChecked();
});
