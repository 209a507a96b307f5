import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdfPages } from '../../src-renderer/documents/pdf-text';
import { pngChunks, pngSize } from '../support/reminder-image-page';
import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { BuilderPage } from './pages/BuilderPage';
import { SessionPlanPage } from './pages/SessionPlanPage';
import { StartPage } from './pages/StartPage';
import { TakeAwayPage } from './pages/TakeAwayPage';
import { TodayPage } from './pages/TodayPage';

const passphrase = 'lantern orchard 73 quiet river';
const CLIENT = 'Maya Lindqvist';
const PRIVATE_NOTE = 'Zq-Private-Note about Maya';
/** The template's clinical title: on the therapist's side only. */
const CLINICAL_TITLE = 'Graded exposure';

test('from the builder: a handout saved where the clinician chose, without anything therapist-only, logged on the client page; a cancelled save logs nothing; the calendar file in discreet words; printing', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const saveFolder = await mkdtemp(join(tmpdir(), 'bridgework-take-away-'));
  const { page, clients } = await launchWithNewVault(app, passphrase);

  await clients.goto();
  await clients.addClient(CLIENT);
  await clients.open(CLIENT);
  await clients.privateNotes.fill(PRIVATE_NOTE);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // Design it together, from a template with cautions and a clinical title.
  await page.getByRole('button', { name: 'Library' }).click();
  const builder = new BuilderPage(page);
  await page.getByLabel('Search the library').fill('busy shop');
  await page.getByRole('option', { name: /Graded exposure: going into a busy shop/ }).click();
  await builder.click('Use with a client…');
  await page.getByLabel('Client', { exact: true }).selectOption({ label: CLIENT });
  await builder.click('Design it together');
  await expect(page.getByRole('heading', { name: 'Out to the shops', level: 1 })).toBeVisible();
  const caution = (await builder.therapistSide.getByRole('listitem').first().textContent()) ?? '';
  expect(caution.length).toBeGreaterThan(10);
  await builder.fill('Why does this matter to you?', 'I want Saturdays back');
  await builder.next();
  await builder.click('Once this week, 5 minutes', 'radio');
  await page.getByText('Sat', { exact: true }).click();
  await builder.next();
  await builder.fill('What, exactly', 'walk to the market door');
  await builder.fill('Where', 'the Saturday market on Green Street');
  await page.getByLabel('At what time (optional)').fill('10:00');
  await builder.next();

  // The commit step ends with what the client takes away.
  const takeAway = new TakeAwayPage(page);
  await expect(takeAway.handoutPdf).toBeEnabled();

  // A cancelled dialog saves and logs nothing.
  app.dialogs.exportSaveLocation.push(null);
  await takeAway.handoutPdf.click();
  await expect(takeAway.handoutPdf).toBeEnabled();
  await expect(takeAway.saved).toHaveCount(0);

  // The handout, saved where the dialog says.
  const handoutPath = join(saveFolder, 'maya-handout.pdf');
  app.dialogs.exportSaveLocation.push(handoutPath);
  await takeAway.handoutPdf.click();
  await expect(takeAway.saved).toContainText('maya-handout.pdf');
  const pdf = new Uint8Array(await readFile(handoutPath));
  expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const text = (await readPdfPages(pdf)).map((pdfPage) => pdfPage.text).join('\n');
  expect(text).toContain('Out to the shops');
  expect(text).toMatch(/I will walk to the market door/);
  expect(text).toContain('I want Saturdays back');
  for (const secret of [caution, CLINICAL_TITLE, PRIVATE_NOTE, 'Lindqvist'])
    expect(text, `the handout prints "${secret}"`).not.toContain(secret);

  // The calendar reminder, in discreet words by default: no clinical word, no name.
  const icsPath = join(saveFolder, 'reminder.ics');
  app.dialogs.exportSaveLocation.push(icsPath);
  await takeAway.calendarReminder.click();
  await expect(takeAway.saved).toContainText('reminder.ics');
  const ics = await readFile(icsPath, 'utf8');
  expect(ics).toMatch(/^BEGIN:VCALENDAR/);
  expect(ics).toMatch(/RRULE:FREQ=WEEKLY;.*BYDAY=SA/);
  for (const secret of [caution, CLINICAL_TITLE, 'exposure', 'Maya', 'Lindqvist'])
    expect(ics, `the calendar file says "${secret}"`).not.toContain(secret);

  // A sticky note, drawn on the page's canvas: a square PNG with no text chunks.
  const notePath = join(saveFolder, 'note.png');
  app.dialogs.exportSaveLocation.push(notePath);
  await takeAway.stickyNote.click();
  await expect(takeAway.saved).toContainText('note.png');
  const note = new Uint8Array(await readFile(notePath));
  expect(pngSize(note)).toEqual({ width: 1200, height: 1200 });
  expect(pngChunks(note).map((chunk) => chunk.type)).not.toContain('tEXt');

  await expectAccessible(page, 'builder’s commit step with the take-away buttons');
  await page.screenshot({ path: test.info().outputPath('take-away-buttons.png'), fullPage: true });

  // Printing draws the handout's pages for the print dialog (stubbed here).
  await takeAway.stubPrint();
  await takeAway.printHandout.click();
  await expect.poll(() => takeAway.printCalls()).toBe(1);
  expect(await takeAway.printedPages().count()).toBeGreaterThan(0);

  // Only the saved files were written, nothing beside them (no temp files).
  expect((await readdir(saveFolder)).sort()).toEqual([
    'maya-handout.pdf',
    'note.png',
    'reminder.ics',
  ]);

  // The client page lists what was saved: what, when, format — the cancelled one is not there.
  await clients.goto();
  await expect(clients.backToList.or(clients.heading)).toBeVisible();
  if (await clients.heading.isVisible()) await clients.open(CLIENT);
  const log = page.getByRole('table', { name: 'Export log' });
  await expect(log.getByRole('row')).toHaveCount(4);
  await expect(log.getByRole('row', { name: /^Handout\b.*PDF/ })).toHaveCount(1);
  await expect(
    log.getByRole('row', { name: /Calendar reminder \(discreet\).*Calendar file/ }),
  ).toHaveCount(1);
  await expect(log.getByRole('row', { name: /Sticky note image.*PNG/ })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('client-export-log.png'), fullPage: true });

  // Settings lists every export of the vault, with whom it was for.
  await page.getByRole('button', { name: 'Settings' }).click();
  const vaultLog = page.getByRole('table', { name: 'Export log' });
  await expect(vaultLog.getByRole('row', { name: new RegExp(`^Handout ${CLIENT}`) })).toHaveCount(
    1,
  );
  await expect(page.getByRole('heading', { name: 'Handouts' })).toBeVisible();
  await expectAccessible(page, 'settings');
  await rm(saveFolder, { recursive: true, force: true });
});

test('a new vault offers its recovery sheet: printed, or saved as a PDF and logged in the vault', async ({
  app,
}) => {
  const saveFolder = await mkdtemp(join(tmpdir(), 'bridgework-recovery-sheet-'));
  const running = await app.launch();
  const start = new StartPage(running.page);
  const recoveryKey = await start.createVault('Private practice', passphrase);
  const takeAway = new TakeAwayPage(running.page);

  await takeAway.stubPrint();
  await running.page.getByRole('button', { name: 'Print recovery sheet' }).click();
  await expect.poll(() => takeAway.printCalls()).toBe(1);
  await expect(takeAway.printedPages()).toHaveCount(1);

  const sheetPath = join(saveFolder, 'sheet.pdf');
  app.dialogs.exportSaveLocation.push(sheetPath);
  await running.page.getByRole('button', { name: 'Save recovery sheet (PDF)…' }).click();
  await expect(takeAway.saved).toContainText('sheet.pdf');
  const text = (await readPdfPages(new Uint8Array(await readFile(sheetPath))))
    .map((pdfPage) => pdfPage.text)
    .join('\n');
  expect(text).toContain('Private practice');
  // The key is printed in two lines of four groups: compare its letters and digits.
  const keyCharacters = (value: string) => value.replace(/[\s-]/g, '');
  expect(keyCharacters(text)).toContain(keyCharacters(recoveryKey));

  await start.confirmRecoveryKeyStored();
  await running.page.getByRole('button', { name: 'Settings' }).click();
  const log = running.page.getByRole('table', { name: 'Export log' });
  await expect(log.getByRole('row', { name: /^Recovery sheet/ })).toHaveCount(1);
  await rm(saveFolder, { recursive: true, force: true });
});

test('the session plan saves the session summary for the client, never the private notes', async ({
  app,
}) => {
  const saveFolder = await mkdtemp(join(tmpdir(), 'bridgework-summary-'));
  const { page, clients } = await launchWithNewVault(app, passphrase);
  await clients.addClient(CLIENT);
  const today = new TodayPage(page);
  const plan = new SessionPlanPage(page);
  await today.goto();
  await today.planButton.click();
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await today.planSession({
    client: CLIENT,
    date: `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`,
    time: '10:00',
  });
  await today.session('Tomorrow', CLIENT).click();
  await plan.summary.fill('We planned one short walk after lunch. Small steps count.');
  await expect(plan.saveStatus(plan.summarySection)).toHaveText('Saved');
  await plan.privateNotes.fill(PRIVATE_NOTE);
  await expect(plan.saveStatus(plan.notesSection)).toHaveText('Saved');

  const summaryPath = join(saveFolder, 'summary.pdf');
  app.dialogs.exportSaveLocation.push(summaryPath);
  await plan.summarySection.getByRole('button', { name: 'Session summary PDF' }).click();
  await expect(plan.summarySection.getByText(/^Saved “/)).toContainText('summary.pdf');
  const text = (await readPdfPages(new Uint8Array(await readFile(summaryPath))))
    .map((pdfPage) => pdfPage.text)
    .join('\n');
  expect(text).toContain('We planned one short walk after lunch.');
  expect(text).not.toContain(PRIVATE_NOTE);
  expect(text).not.toContain('Lindqvist');
  await rm(saveFolder, { recursive: true, force: true });
});
