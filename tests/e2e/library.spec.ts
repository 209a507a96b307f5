import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppLauncher, expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { loadBuiltinTemplates } from '../fixtures/library';
import { onePagePdf, tinyPng } from '../fixtures/worksheets';
import { LibraryPage } from './pages/LibraryPage';
import { expectNoPlaintextAtRest, findInFiles, openVaultDatabase } from './plaintext-scan';

const passphrase = 'meadow lantern copper 52 tide';

function builtin(id: string) {
  const found = loadBuiltinTemplates().find((template) => template.id === id);
  if (!found) throw new Error(`no built-in template ${id}`);
  return found;
}

async function openLibrary(app: AppLauncher) {
  const running = await launchWithNewVault(app, passphrase);
  const library = new LibraryPage(running.page);
  await library.open();
  await expect(library.heading).toBeVisible();
  return { page: running.page, library, requests: running.requests };
}

test('the library finds templates as you type, filters them and previews them as the client sees them', async ({
  app,
}) => {
  const { page, library } = await openLibrary(app);
  await expect(library.count).toHaveText(/^\d+ of \d+ templates$/);
  const total = Number((await library.count.textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(40);
  await expectAccessible(page, 'library');

  // Who an exercise is not for, before assigning it: shown to the clinician, never in the preview.
  const coolWater = builtin('cool-water-reset');
  await library.search.fill('cool water');
  await library.result(coolWater.title).click();
  const forYou = page.getByRole('region', { name: 'For you, not the client' });
  await expect(forYou.getByRole('note')).toContainText('Check before assigning');
  for (const caution of coolWater.cautions) await expect(forYou).toContainText(caution);
  for (const caution of coolWater.cautions)
    await expect(library.preview).not.toContainText(caution);
  await expect(library.preview).not.toContainText(coolWater.clinicianNotes);
  await expectAccessible(page, 'a template with cautions');
  await page.screenshot({
    path: test.info().outputPath('template-with-cautions.png'),
    fullPage: true,
  });
  await library.search.fill('');

  await library.search.fill('expo');
  await expect(library.result('Graded exposure: a feared situation')).toBeVisible();
  await library.search.fill('breathng');
  await expect(library.result(/breathing/i).first()).toBeVisible();
  await library.search.fill('');

  await library.filter('Category', 'Sleep');
  await expect(library.results.getByRole('option')).not.toHaveCount(0);
  for (const option of await library.results.getByRole('option').all())
    await expect(option).toContainText('Sleep');
  await library.page.getByRole('combobox', { name: 'Category' }).click();
  await library.page.getByRole('option', { name: 'Sleep', exact: true }).click();

  const weighing = builtin('weighing-up-a-change');
  await library.filter('Approach', 'Motivational interviewing');
  await library.result(weighing.title).click();
  // The clinical title is the clinician's; the client sees the plain client title.
  await expect(page.getByRole('heading', { level: 2, name: weighing.title })).toBeVisible();
  await expect(library.preview.getByRole('heading', { level: 2 })).toHaveText(weighing.clientTitle);
  await expect(library.preview).not.toContainText(weighing.title);
  await expect(library.preview).toContainText('Why this helps');
  await expect(library.preview).toContainText('The smallest step that counts');
  await expect(library.preview.getByRole('table', { name: 'Practice tracker' })).toBeVisible();
  await page.getByText('Discreet wording', { exact: true }).click();
  await expect(library.preview.getByRole('heading', { level: 2 })).toHaveText(
    weighing.discreetTitle,
  );

  await page.getByRole('button', { name: 'Add to favourites' }).click();
  await expect(page.getByRole('button', { name: 'Favourite', exact: true })).toBeVisible();
  await page.getByLabel('Favourites').click();
  await expect(library.results.getByRole('option')).toHaveCount(1);
});

test('a built-in template is duplicated, customised and edited into a new version, then archived', async ({
  app,
}) => {
  const { page, library } = await openLibrary(app);
  await library.search.fill('urge surfing');
  await library.result('Urge surfing').click();
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Duplicate to customise' }).click();

  await page.getByLabel('Title', { exact: true }).fill('Urge surfing for evenings');
  await page.getByRole('button', { name: 'Add a tracker field' }).click();
  const trackerLabels = page.getByLabel(/^Tracker field \d+ label$/);
  await trackerLabels.last().fill('Time of the urge');
  await page
    .getByRole('combobox', { name: /^Tracker field \d+ kind$/ })
    .last()
    .click();
  await page.getByRole('option', { name: 'Time of day' }).click();
  await expect(
    page
      .getByLabel('Preview as the client will see it')
      .getByRole('columnheader', { name: 'Time of the urge' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Save template' }).click();

  await library.search.fill('evenings');
  await expect(library.result('Urge surfing for evenings')).toContainText('Mine, version 1');
  await library.result('Urge surfing for evenings').click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Discreet title').fill('Evening waves');
  await page.getByLabel('Title', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('alert')).toContainText('title');
  await page.getByLabel('Title', { exact: true }).fill('Urge surfing for evenings');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(library.result('Urge surfing for evenings')).toContainText('Mine, version 2');

  await library.result('Urge surfing for evenings').click();
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(library.result('Urge surfing for evenings')).toHaveCount(0);
  await page.getByLabel('Archived').click();
  await expect(library.result('Urge surfing for evenings')).toContainText('Archived');
});

test('custom templates travel as a pack; a hostile pack is refused or shown as plain text', async ({
  app,
}) => {
  const { page, library } = await openLibrary(app);
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Morning light walk');
  await page.getByLabel('Client title').fill('A walk in the morning light');
  await page.getByLabel('Discreet title').fill('Out in the morning');
  await page.getByRole('combobox', { name: 'Concerns' }).fill('low mood');
  await page.getByRole('combobox', { name: 'Concerns' }).press('Enter');
  await page
    .getByLabel('Why this helps (in the client’s words)')
    .fill('Morning light and movement can lift the day a little.');
  await page
    .getByLabel('Steps', { exact: true })
    .fill('Step outside after breakfast.\nWalk for a few minutes.');
  await page
    .getByLabel('Smallest step that counts')
    .fill('Open the door and stand outside for one minute.');
  await page.getByLabel('A usual week').fill('Ten minutes, five mornings.');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(library.result('Morning light walk')).toBeVisible();

  const packPath = join(app.backupDir, 'shared.bwtemplates.json');
  app.dialogs.packSaveLocation.push(packPath);
  await page.getByRole('button', { name: 'Export my templates…' }).click();
  await page
    .getByRole('dialog', { name: 'Export templates' })
    .getByLabel('Morning light walk')
    .check();
  await page.getByRole('button', { name: /^Export 1 templates/ }).click();
  await expect(page.getByText(/Exported 1 templates/)).toBeVisible();
  const pack = JSON.parse(await readFile(packPath, 'utf8')) as {
    templates: Record<string, unknown>[];
  };
  expect(JSON.stringify(pack)).not.toContain('Private practice');

  app.dialogs.packToOpen.push(packPath);
  await page.getByRole('button', { name: 'Import a pack…' }).click();
  await expect(page.getByRole('list', { name: 'Templates in this pack' })).toContainText(
    'Morning light walk',
  );
  await page.getByRole('button', { name: 'Import 1 templates' }).click();
  await expect(library.result('Morning light walk (copy)')).toBeVisible();

  const [first] = pack.templates;
  const hostile = {
    ...pack,
    templates: [
      {
        ...first,
        key: 'BBBBBBBBBBBBBBBBBBBBBB',
        title: '<img src=x onerror="window.__pwned=1">',
        clientTitle: '<b>bold</b><img src=x onerror="window.__pwned=2">',
      },
    ],
  };
  await writeFile(join(app.backupDir, 'hostile.json'), JSON.stringify(hostile));
  app.dialogs.packToOpen.push(join(app.backupDir, 'hostile.json'));
  await page.getByRole('button', { name: 'Import a pack…' }).click();
  await page.getByRole('button', { name: 'Import 1 templates' }).click();
  await library.search.fill('img');
  await library.result('<img src=x onerror="window.__pwned=1">').click();
  await expect(
    page.getByRole('heading', { level: 2, name: '<img src=x onerror="window.__pwned=1">' }),
  ).toBeVisible();
  await expect(library.preview.getByRole('heading', { level: 2 })).toHaveText(
    '<b>bold</b><img src=x onerror="window.__pwned=2">',
  );
  expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
  await expect(library.preview.locator('img')).toHaveCount(0);

  const polluted = JSON.stringify(pack).replace(
    '{"format"',
    '{"__proto__":{"polluted":true},"format"',
  );
  await writeFile(join(app.backupDir, 'polluted.json'), polluted);
  app.dialogs.packToOpen.push(join(app.backupDir, 'polluted.json'));
  await page.getByRole('button', { name: 'Import a pack…' }).click();
  await expect(page.getByRole('alert')).toContainText('This pack can’t be imported');
  await expect(page.getByText('Nothing was imported.')).toBeVisible();
  expect(await page.evaluate(() => 'polluted' in ({} as object))).toBe(false);
});

test('own worksheets are attached encrypted, shown inside the app, backed up and removed with the template', async ({
  app,
}) => {
  const { page, library, requests } = await openLibrary(app);
  await library.saveOwnCopyOf('Urge surfing');
  const attach = (name: string, mimeType: string, buffer: Buffer) =>
    library.attachWorksheet({ name, mimeType, buffer });
  await attach('Zq-Worksheet.pdf', 'application/pdf', onePagePdf('Zq-Canary worksheet'));
  await attach('wave.png', 'image/png', tinyPng);
  await attach('notes.txt', 'text/plain', Buffer.from('just text'));
  await expect(page.getByRole('alert')).toHaveText(
    'Only PDFs and PNG or JPEG images can be attached.',
  );
  const worksheets = page.getByRole('list', { name: 'Worksheets' });
  await expect(worksheets.getByRole('listitem')).toHaveCount(2);

  await worksheets.getByRole('button', { name: 'Zq-Worksheet.pdf', exact: true }).click();
  await expect(page.getByRole('img', { name: 'Zq-Worksheet.pdf, page 1' })).toBeVisible();
  await page
    .getByRole('dialog', { name: 'Zq-Worksheet.pdf' })
    .getByRole('button', { name: 'Close' })
    .click();
  await worksheets.getByRole('button', { name: 'wave.png', exact: true }).click();
  await expect(page.getByRole('img', { name: 'wave.png' })).toBeVisible();
  await page
    .getByRole('dialog', { name: 'wave.png' })
    .getByRole('button', { name: 'Close' })
    .click();

  const stored = async () => {
    const [vaultId] = await readdir(join(app.dataDir, 'vaults'));
    return readdir(join(app.dataDir, 'vaults', vaultId ?? '', 'attachments')).catch(
      () => [] as string[],
    );
  };
  expect(await stored()).toHaveLength(2);
  // Neither the worksheet's name nor its text is anywhere on disk, before or after a backup.
  const atRest = {
    dirs: [app.profileDir, app.dataDir, app.backupDir],
    texts: ['Zq-Worksheet', 'Zq-Canary'],
    database: await openVaultDatabase(page),
  };
  await expectNoPlaintextAtRest({ ...atRest, phase: 'after attaching' });
  expect(await findInFiles([app.dataDir], '%PDF-1.4')).toEqual([]);

  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up' })).toBeVisible();
  await expectNoPlaintextAtRest({ ...atRest, phase: 'after a backup' });

  await library.open();
  await library.search.fill('my version');
  await library.result('Urge surfing (my version)').click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete template' }).click();
  await expect(library.result('Urge surfing (my version)')).toHaveCount(0);
  await expect.poll(stored).toEqual([]);
  // Showing a PDF fetched nothing from outside the app (no fonts, no maps).
  expect(
    requests.filter((url) => !url.startsWith(app.origin) && !/^(data|blob):/.test(url)),
  ).toEqual([]);
});
