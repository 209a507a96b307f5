import type { Locator } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildTemplatePack } from '../../src-shared/domain/template-pack';
import { loadBuiltinTemplates } from '../fixtures/library';
import { expect, launchWithNewVault, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

const passphrase = 'willow compass ember 17 reed';

/** The element holding someone's text isolates it: its own direction, no effect on the text around it. */
async function expectIsolated(holder: Locator): Promise<void> {
  await expect(holder).toHaveAttribute('dir', 'auto');
  expect(await holder.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe('isolate');
}

test('client names and goals in a right-to-left script are shown isolated; a hidden direction control is refused', async ({
  app,
}) => {
  const { page, clients } = await launchWithNewVault(app, passphrase);
  const name = 'ليلى حداد';
  await clients.addClient(name);
  await expectIsolated(clients.client(name).locator('bdi', { hasText: name }));

  await clients.addClient('Maya \u202Etsivqdnil');
  await expect(
    page.getByText(
      /^This text contains a hidden control character \(right-to-left override, U\+202E\) after “\u2068Maya\u2069”/,
    ),
  ).toBeVisible();
  await expect(clients.list.getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/user-text-name-refused.png' });

  await clients.open(name);
  await expectIsolated(page.getByRole('heading', { level: 1, name }).locator('bdi'));
  const goal = 'לחזור לשחות 3 פעמים בשבוע';
  await clients.addGoal(goal, 'Feels strong in the water');
  await expectIsolated(clients.goals.locator('bdi', { hasText: goal }));
  await page.screenshot({ path: 'test-results/user-text-client.png', fullPage: true });
});

test('imported template text is shown isolated; a pack with a byte-order mark imports, one with a hidden control character is refused', async ({
  app,
}) => {
  const { page } = await launchWithNewVault(app, passphrase);
  const library = new LibraryPage(page);
  await library.open();
  const urgeSurfing = loadBuiltinTemplates().find((template) => template.id === 'urge-surfing');
  if (!urgeSurfing) throw new Error('the library has no urge-surfing template');
  const { id: _id, version: _version, ...content } = urgeSurfing;
  const title = 'גלישת דחפים (ערב)';

  const withBom = join(app.backupDir, 'windows.bwtemplates.json');
  const pack = buildTemplatePack(
    [{ key: 'AAAAAAAAAAAAAAAAAAAAAA', content: { ...content, title } }],
    new Date(),
  );
  await writeFile(withBom, `\uFEFF${JSON.stringify(pack, null, 2)}`);
  app.dialogs.packToOpen.push(withBom);
  await page.getByRole('button', { name: 'Import a pack…' }).click();
  const preview = page.getByRole('list', { name: 'Templates in this pack' });
  await expectIsolated(preview.locator('bdi', { hasText: title }));
  await page.getByRole('button', { name: 'Import 1 templates' }).click();

  await library.origin('Mine');
  await expectIsolated(library.result(title).locator('bdi', { hasText: title }));
  await library.result(title).click();
  await expectIsolated(library.preview.getByRole('heading', { level: 2 }).locator('bdi'));
  await page.screenshot({ path: 'test-results/user-text-library.png', fullPage: true });
  await page.getByRole('button', { name: 'Edit' }).click();
  await expectIsolated(
    page.getByRole('heading', { name: /^Edit “.*” \(saves version 2\)$/ }).locator('bdi'),
  );
  await page.screenshot({ path: 'test-results/user-text-editor.png' });
  await page.getByRole('button', { name: 'Cancel' }).click();

  const spoofed = join(app.backupDir, 'spoofed.bwtemplates.json');
  const steps = [...content.steps];
  steps[1] = `Breathe out slowly for 4 ${'\u202E'}sdnoces`;
  const spoofedPack = buildTemplatePack(
    [{ key: 'BBBBBBBBBBBBBBBBBBBBBB', content: { ...content, title: 'Evening waves' } }],
    new Date(),
  );
  const file = { ...spoofedPack, templates: [{ ...spoofedPack.templates[0], steps }] };
  await writeFile(spoofed, JSON.stringify(file));
  app.dialogs.packToOpen.push(spoofed);
  await page.getByRole('button', { name: 'Import a pack…' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This pack can’t be imported');
  await expect(alert).toContainText(
    /Template 1 \(“\u2068Evening waves\u2069”\), steps 2: This text contains a hidden control character \(right-to-left override, U\+202E\)/,
  );
  await expect(page.getByText('Nothing was imported.')).toBeVisible();
  await page.screenshot({ path: 'test-results/user-text-pack-refused.png', fullPage: true });
});
