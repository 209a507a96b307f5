import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFCheckBox, PDFDocument, PDFTextField } from 'pdf-lib';
import { readPdfPages } from '../../src-renderer/documents/pdf-text';
import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { expectNoPlaintextAtRest, findInFiles, openVaultDatabase } from './plaintext-scan';
import { BuilderPage } from './pages/BuilderPage';
import { ReviewPage } from './pages/ReviewPage';

const passphrase = 'copper meadow 48 lantern fog';
const CLIENT = 'Maya Lindqvist';
/** What the client wrote on their tracker, and the name the returned file came with. */
const NOTE = 'Stood at the door, felt shaky, then ok';
const RETURNED_FILE = 'Zq-returned-week.pdf';

/** The local date in the app's window, "YYYYMMDD" as the form's field names have it. */
const compact = (date: string) => date.replaceAll('-', '');

test('a tracker filled in on a phone comes back into the review in three clicks; a file that is not one is refused, changing nothing; the file is kept, encrypted, only when the therapist chooses', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const folder = await mkdtemp(join(tmpdir(), 'bridgework-phone-'));
  const { page, clients } = await launchWithNewVault(app, passphrase);
  await clients.goto();
  await clients.addClient(CLIENT);

  // Practice designed from a template whose tracker has columns, agreed.
  await page.getByRole('button', { name: 'Library' }).click();
  const builder = new BuilderPage(page);
  await page.getByLabel('Search the library').fill('busy shop');
  await page.getByRole('option', { name: /Graded exposure: going into a busy shop/ }).click();
  await builder.click('Use with a client…');
  await page.getByLabel('Client', { exact: true }).selectOption({ label: CLIENT });
  await builder.click('Design it together');
  await builder.next();
  await builder.click('Once this week, 5 minutes', 'radio');
  await builder.next();
  await builder.fill('What, exactly', 'walk to the market door');
  await builder.fill('Where', 'the Saturday market on Green Street');
  await builder.next();

  // The phone version, with its fillable tracker.
  const phonePath = join(folder, 'phone.pdf');
  app.dialogs.exportSaveLocation.push(phonePath);
  await page.getByRole('button', { name: 'For their phone (PDF)' }).click();
  await expect(page.getByText(/^Saved “/)).toContainText('phone.pdf');
  const handedOut = new Uint8Array(await readFile(phonePath));
  const raw = Buffer.from(handedOut).toString('latin1');
  for (const secret of ['Maya', 'Lindqvist', 'Graded', 'exposure', 'Out to the shops'])
    expect(raw, `the file's bytes hold "${secret}" in plain`).not.toContain(secret);
  const pages = await readPdfPages(handedOut);
  expect(pages[0]?.text).toMatch(/I will walk to the market door/);

  // The client fills in the first day on their phone (as a PDF app would: a tick, some values).
  const filled = await PDFDocument.load(handedOut);
  const form = filled.getForm();
  const names = form.getFields().map((field) => field.getName());
  const firstDay = names
    .map((name) => /^bw_[a-z0-9]+_(\d{8})_done$/.exec(name)?.[1])
    .find((day) => day !== undefined);
  expect(firstDay).toBeDefined();
  const ofDay = (suffix: string) => names.find((name) => name.endsWith(`_${firstDay}_${suffix}`));
  form.getCheckBox(ofDay('done') ?? '').check();
  for (const name of names.filter((each) => each.includes(`_${firstDay}_c`))) {
    const field = form.getField(name);
    if (field instanceof PDFCheckBox) field.check();
    if (field instanceof PDFTextField) field.setText('5');
  }
  form.getTextField(ofDay('note') ?? '').setText(NOTE);
  const returnedPath = join(folder, RETURNED_FILE);
  await writeFile(returnedPath, await filled.save());
  const notAPdfPath = join(folder, 'photo.pdf');
  await writeFile(notAPdfPath, 'this is a photo of the tracker, not a PDF');

  await page.getByRole('checkbox', { name: 'I’ve considered these for this client' }).click();
  await page.getByRole('button', { name: 'Agree this plan' }).click();
  // Agreed, the builder hands over to the client's page.
  await expect(page.getByRole('heading', { name: CLIENT, level: 1 })).toBeVisible();

  // In the review: a file that is not a tracker is refused; the returned one is read.
  await page.getByRole('button', { name: 'Review Out to the shops' }).click();
  const review = new ReviewPage(page);
  await expect(review.heading).toBeVisible();
  const clicks = { count: 0 };
  const click = async (action: () => Promise<unknown>) => {
    clicks.count += 1;
    await action();
  };
  await click(() =>
    page
      .getByRole('radiogroup', { name: 'What came back' })
      .getByText('A tracker came back')
      .click(),
  );
  const choose = async (path: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Read a returned tracker…' }).click();
    await (await chooser).setFiles(path);
  };
  await choose(notAPdfPath);
  await expect(
    page.getByRole('alert').filter({ hasText: 'This tracker couldn’t be read' }),
  ).toContainText('Nothing was changed.');
  await click(() => choose(returnedPath));
  const read = page.getByRole('status').filter({ hasText: 'What the tracker says' });
  await expect(read).toContainText('Did it');
  await expect(read).toContainText(NOTE);
  const keep = read.getByRole('checkbox', { name: `Keep this file with ${CLIENT}’s records` });
  await expect(keep).not.toBeChecked();
  await expectAccessible(page, 'review with a returned tracker');
  await page.screenshot({ path: test.info().outputPath('returned-tracker.png'), fullPage: true });
  await click(() => read.getByRole('button', { name: 'Put these in the grid' }).click());
  expect(clicks.count, 'clicks to pull a returned tracker into the review').toBeLessThanOrEqual(3);
  const day = `${firstDay?.slice(0, 4)}-${firstDay?.slice(4, 6)}-${firstDay?.slice(6)}`;
  const dayName = await page.evaluate(
    (date) =>
      new Date(`${date}T12:00:00`).toLocaleDateString('en-GB', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
      }),
    day,
  );
  await expect(
    page
      .getByRole('radiogroup', { name: `How ${dayName.replace(',', '')} went` })
      .getByRole('radio', { name: 'Done' }),
  ).toBeChecked();
  expect(compact(day)).toBe(firstDay);

  // Not chosen: nothing of the file is kept.
  const keptFiles = async () => {
    const [vaultId] = await readdir(join(app.dataDir, 'vaults'));
    return readdir(join(app.dataDir, 'vaults', vaultId ?? '', 'attachments')).catch(
      () => [] as string[],
    );
  };
  expect(await keptFiles()).toEqual([]);
  const kept = page.getByRole('list', { name: 'Trackers kept with their records' });
  await expect(kept).toHaveCount(0);

  // Read again, and kept this time: listed, opened inside the app, encrypted on disk.
  await choose(returnedPath);
  await keep.check();
  await read.getByRole('button', { name: 'Put these in the grid' }).click();
  await expect(kept.getByRole('listitem')).toHaveCount(1);
  expect(await keptFiles()).toHaveLength(1);
  await page.screenshot({ path: test.info().outputPath('kept-tracker.png'), fullPage: true });
  await kept.getByRole('button', { name: RETURNED_FILE, exact: true }).click();
  const viewer = page.getByRole('dialog', { name: RETURNED_FILE });
  await expect(viewer.getByRole('img', { name: `${RETURNED_FILE}, page 1` })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('kept-tracker-open.png') });
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expectNoPlaintextAtRest({
    dirs: [app.profileDir, app.dataDir, app.backupDir],
    texts: [NOTE, RETURNED_FILE],
    phase: 'after keeping a returned tracker',
    database: await openVaultDatabase(page),
  });
  expect(await findInFiles([app.dataDir], '%PDF-')).toEqual([]);

  // Removed: gone from the list and from the computer; the days stay in the grid.
  await kept.getByRole('button', { name: `Remove ${RETURNED_FILE}` }).click();
  await kept.getByRole('button', { name: 'Remove the file' }).click();
  await expect(kept).toHaveCount(0);
  // The description goes first (the list follows it at once), then main deletes the file.
  await expect.poll(keptFiles).toEqual([]);
  await expect(
    page
      .getByRole('radiogroup', { name: `How ${dayName.replace(',', '')} went` })
      .getByRole('radio', { name: 'Done' }),
  ).toBeChecked();
});
