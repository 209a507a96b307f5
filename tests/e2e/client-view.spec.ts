import type { Page } from '@playwright/test';
import type { Assignment } from '../../src-shared/domain/assignment';
import { builderClientView } from '../../src-shared/domain/client-view-projection';
import type { ClientViewSnapshot } from '../../src-shared/ipc/contract';
import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { ClientViewPage } from './pages/ClientViewPage';
import { StartPage } from './pages/StartPage';

const passphrase = 'window fern quiet 57 harbour';

const snapshot: ClientViewSnapshot = {
  eyebrow: 'This week’s plan · Start small',
  title: 'This week’s plan',
  sections: [
    { heading: 'The smallest step', body: 'Two minutes of slow breathing after breakfast.' },
    {
      heading: 'If it gets in the way',
      items: [
        {
          text: 'I oversleep',
          detail: 'If I oversleep, then I do it on the bus.\n<b>Not bold</b>',
        },
      ],
    },
    { heading: 'بالعربية', body: 'خطوة صغيرة كل يوم' },
  ],
};

const NOW = '2025-03-04T10:00:00.000Z';
const CLIENT_ID = 'c'.repeat(22);

/** An assignment as the builder holds it near the end, for the client view of each step. */
const assignment: Assignment = {
  id: 'a'.repeat(22),
  clientId: CLIENT_ID,
  sessionId: null,
  template: { templateId: 'behavioural-activation-pleasant-activity', version: 2 },
  clinicalTitle: 'Behavioural activation: pleasant activity scheduling',
  title: 'Small things that lift the day',
  discreetTitle: 'Small good things',
  purpose: 'Doing small things you used to enjoy can lift your mood, even before you feel like it.',
  whyItMatters: 'I want to feel like myself again on weekends.',
  whatFeelsDoable: 'A short walk, maybe with the dog.',
  goals: [{ goalId: 'g'.repeat(22), words: 'Get back to Sunday football' }],
  noGoalBecause: '',
  steps: ['Pick one small thing for the day.', 'Do it, even for five minutes.'],
  doseOptions: [
    { label: 'Three times a week', dose: { kind: 'per-week', timesPerWeek: 3 } },
    { label: 'Daily, 10 minutes', dose: { kind: 'per-week', timesPerWeek: 7, minutes: 10 } },
  ],
  dose: { label: 'Three times a week', dose: { kind: 'per-week', timesPerWeek: 3 } },
  minimum: { label: 'Five minutes outside, once this week.', dose: null },
  days: [1, 3, 6],
  plan: { what: 'walk the dog round the park', time: '08:30', cue: 'after breakfast', where: '' },
  ladder: [
    { step: 'Walk to the end of the street' },
    { step: 'Walk round the park' },
    { step: 'Walk round the park with a friend' },
  ],
  ladderStep: 1,
  trackerFields: [
    { label: 'Did it', kind: 'yes-no' },
    { label: 'Mood after (0–10)', kind: 'rating-0-10' },
  ],
  barriers: [
    {
      kind: 'low-energy-or-mood',
      barrier: 'I feel too flat to go',
      ifThen: 'If I feel too flat, then I will just put my shoes on and step outside.',
    },
    {
      kind: 'no-time',
      barrier: 'Busy mornings',
      ifThen: 'If the morning is busy, then I go after lunch.',
    },
  ],
  backupPlan: 'Open the window and stand in the fresh air for two minutes.',
  confidenceBefore: 6,
  confidenceAfter: 8,
  importance: 9,
  materials: 'The plan on paper and the tracker.',
  reminderPlace: 'A note on the front door',
  cautions: ['Check sleep is not badly disrupted first.'],
  cautionsAcknowledgedAt: NOW,
  discreetWording: null,
  status: 'draft',
  replaces: null,
  startsOn: '2025-03-04',
  reviewBy: '2025-03-11',
  builderStep: 1,
  revision: 2,
  createdAt: NOW,
  updatedAt: NOW,
};

/** The client view of the builder at `step`, projected as the builder projects it. */
function builderSnapshot(step: 0 | 1 | 2 | 3): ClientViewSnapshot {
  const client = {
    id: CLIENT_ID,
    name: 'Jonas Ødegård',
    status: 'active' as const,
    privateNotes: 'Private: hard week at work.',
    createdAt: NOW,
    statusChangedAt: NOW,
  };
  return builderClientView({
    client,
    otherClients: [],
    session: null,
    goals: [],
    assignment,
    step,
    wording: 'this-weeks-plan',
    discreet: false,
    clinicianNotes: 'Start with activities the client chooses.',
  });
}

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
function show(page: Page, shown: ClientViewSnapshot, options: { reveal?: true } = {}) {
  return page.evaluate((request) => window.bridgework['client-view:show'](request), {
    snapshot: shown,
    ...options,
  });
}

const shown = { ok: true, value: { shown: true } };
const keptHidden = { ok: true, value: { shown: false } };

const forbidden = { ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } };

test('the therapist opens the client view: a calm placeholder with only the client view’s API', async ({
  app,
}) => {
  const running = await app.launch();
  await expect(new StartPage(running.page).heading).toHaveText('Create your vault');

  const clientView = new ClientViewPage(await running.openClientView());
  expect(new URL(clientView.page.url()).pathname).toBe('/client-view.html');
  // Its window title names no one: the OS shows it in the sharing picker and the taskbar.
  await expect(clientView.page).toHaveTitle('Bridgework — shared view');
  await expect(clientView.placeholder).toBeVisible();
  await expectAccessible(clientView.page, 'client view');
  await clientView.page.screenshot({ path: test.info().outputPath('client-view-placeholder.png') });

  // Each window has its role's API and nothing more.
  expect(await clientView.apiNames()).toEqual(['client-view:hide', 'client-view:ready', 'on']);
  const therapistApi = await running.page.evaluate(() => Object.keys(window.bridgework));
  expect(therapistApi).toContain('vault:list');
  expect(therapistApi).toContain('client-view:show');
  expect(therapistApi).not.toContain('client-view:ready');
  expect(therapistApi).not.toContain('client-view:hide');
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

  // Main checks the sender's role, whatever the page calls: the client view is refused every
  // vault, backup, attachment, settings and template channel, and the therapist's own.
  for (const [channel, payload] of [
    ['vault:list', {}],
    ['vault:read-header', { vaultId: '0123456789abcdef0123456789abcdef' }],
    ['vault:opened', { vaultId: '0123456789abcdef0123456789abcdef' }],
    ['backup:list', { vaultId: '0123456789abcdef0123456789abcdef' }],
    ['settings:get', {}],
    ['settings:update', { protectTherapistWindow: false }],
    ['templates:open-pack', {}],
    ['client-view:blank', {}],
    ['client-view:close', {}],
  ] as const) {
    expect(await invokeDirectly(clientView.page, channel, payload), channel).toEqual(forbidden);
  }
  expect(await invokeDirectly(clientView.page, 'client-view:show', { snapshot })).toEqual(
    forbidden,
  );
  expect(await invokeDirectly(clientView.page, 'client-view:open', {})).toEqual(forbidden);
  expect(await invokeDirectly(running.page, 'vault:list', {})).toEqual({ ok: true, value: [] });
  expect(await invokeDirectly(running.page, 'client-view:ready', {})).toEqual(forbidden);
  expect(await invokeDirectly(running.page, 'client-view:hide', {})).toEqual(forbidden);

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

  expect(await show(running.page, snapshot)).toEqual(shown);
  await expect(clientView.eyebrow).toHaveText('This week’s plan · Start small');
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

  // Blank stays blank: a snapshot sent as the therapist types does not bring it back; only
  // showing it again on purpose does.
  expect(await show(running.page, snapshot)).toEqual(keptHidden);
  await expect(clientView.blank).toBeAttached();
  expect(await show(running.page, snapshot, { reveal: true })).toEqual(shown);
  await expect(clientView.title).toHaveText('This week’s plan');

  // Locking (the menu's lock request goes to the therapist's window only) blanks the client view
  // at once and closes it, and nothing can be shown until a vault is open again.
  const closing = clientView.page.waitForEvent('close');
  await running.emit('vault:lock-requested');
  await expect(running.start.unlockButton).toBeVisible();
  await closing;
  expect(running.clientView()).toBeUndefined();
  expect(await show(running.page, snapshot)).toEqual({
    ok: false,
    error: { code: 'LOCKED', message: expect.any(String) },
  });
});

test('the hide key in the client view blanks it at once, and the therapist’s window hears it', async ({
  app,
}) => {
  const running = await launchWithNewVault(app, passphrase);
  // The therapist's window listens as its shared-view controls do.
  await running.page.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    window.bridgework.on('client-view:hidden', () => heard.push('hidden'));
    window.bridgework.on('client-view:closed', () => heard.push('closed'));
  });
  const heard = () => running.page.evaluate(() => (window as unknown as { heard: string[] }).heard);
  const clientView = new ClientViewPage(await running.openClientView());
  expect(await show(running.page, builderSnapshot(1))).toEqual(shown);
  await expect(clientView.title).toHaveText('Small things that lift the day');

  await clientView.pressHideKey();
  await expect(clientView.blank).toBeAttached();
  expect(await clientView.page.locator('body').innerText()).toBe('');
  await expect.poll(heard).toEqual(['hidden']);

  // Main forgot it: a reload stays blank, and what the therapist types next stays unshown.
  await clientView.page.reload();
  await expect(clientView.blank).toBeAttached();
  expect(await show(running.page, builderSnapshot(2))).toEqual(keptHidden);
  await expect(clientView.title).toHaveCount(0);

  // The therapist shows it again on purpose; then closes it, and hears that too.
  expect(await show(running.page, builderSnapshot(2), { reveal: true })).toEqual(shown);
  await expect(clientView.eyebrow).toHaveText('This week’s plan · Plan around barriers');
  await running.page.evaluate(() => window.bridgework['client-view:close']({}));
  await expect.poll(heard).toEqual(['hidden', 'closed']);
});

test('the builder’s steps on the client view: large, calm, the client’s words only', async ({
  app,
}) => {
  const running = await launchWithNewVault(app, passphrase);
  const clientView = new ClientViewPage(await running.openClientView());
  await clientView.page.setViewportSize({ width: 1280, height: 900 });

  expect(await show(running.page, builderSnapshot(1))).toEqual(shown);
  await expect(clientView.eyebrow).toHaveText('This week’s plan · Start small');
  await expect(clientView.sectionHeadings).toHaveText([
    'How much',
    'The smallest version that still counts',
    'Which days',
    'Step by step',
    'What you’ll note',
  ]);
  await expect(clientView.items.filter({ hasText: 'This week' })).toHaveText(
    /Walk round the park\s*This week/,
  );
  await expectAccessible(clientView.page, 'client view, start small');
  await clientView.page.screenshot({
    path: test.info().outputPath('shared-view.png'),
    fullPage: true,
  });

  expect(await show(running.page, builderSnapshot(3))).toEqual(shown);
  await expect(clientView.sectionHeadings.first()).toHaveText('The plan');
  await expect(clientView.page.getByText('8 out of 10')).toBeVisible();
  const text = await clientView.page.locator('body').innerText();
  for (const never of ['Jonas', 'Behavioural activation', 'Check sleep', 'Private', '2025', '%'])
    expect(text).not.toContain(never);
  await expectAccessible(clientView.page, 'client view, commit');
  await clientView.page.screenshot({
    path: test.info().outputPath('shared-view-commit.png'),
    fullPage: true,
  });
});
