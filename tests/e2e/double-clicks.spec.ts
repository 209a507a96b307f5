import { expect, launchWithNewVault, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

const CLIENT = 'Rafa Quint';

test('a double click makes one of each: a client, a goal, a custom template, a practice draft', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const { page, clients } = await launchWithNewVault(app, 'copper meadow 48 lantern fog');

  // One client, and no "please enter a name" for the second click.
  await clients.newClientName.fill(CLIENT);
  await clients.addButton.dblclick();
  await expect(clients.client(CLIENT)).toBeVisible();
  await expect(clients.list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('Please enter a name.')).toHaveCount(0);

  // One goal.
  await clients.open(CLIENT);
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByLabel('The goal, in the client’s words').fill('Shop on my own again');
  await page.getByRole('button', { name: 'Save goal' }).dblclick();
  await expect(clients.goals.getByRole('listitem')).toHaveCount(1);

  // One custom template.
  const library = new LibraryPage(page);
  await page.getByRole('button', { name: 'Library' }).click();
  await library.search.fill('urge surfing');
  await library.result('Urge surfing').click();
  await page.getByRole('button', { name: 'Duplicate to customise' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Urge surfing at night');
  await page.getByRole('button', { name: 'Save template' }).dblclick();
  await library.search.fill('at night');
  await expect(library.result('Urge surfing at night')).toHaveCount(1);
  await expect(library.result('Urge surfing at night')).toContainText('Mine, version 1');

  // One draft from "Design it together".
  await library.search.fill('busy shop');
  await page.getByRole('option', { name: /Graded exposure: going into a busy shop/ }).click();
  await page.getByRole('button', { name: 'Use with a client…' }).click();
  await page.getByLabel('Client', { exact: true }).selectOption({ label: CLIENT });
  await page.getByRole('button', { name: 'Design it together' }).dblclick();
  await expect(page.getByText(`Designing practice with ${CLIENT}`)).toBeVisible();
  await clients.gotoList();
  await clients.open(CLIENT);
  await expect(
    page.getByRole('region', { name: 'Practice now' }).getByRole('listitem'),
  ).toHaveCount(1);
});
