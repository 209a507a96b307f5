import { expect, expectAccessible, test } from './fixtures';
import { ClientsPage } from './pages/ClientsPage';
import { StartPage } from './pages/StartPage';

const passphrase = 'quiet harbour lantern 42 maple';

test('a clinician creates a vault, then adds, finds, renames and archives clients', async ({
  app,
}) => {
  const { page } = await app.launch();
  const start = new StartPage(page);
  await expect(start.heading).toHaveText('Create your vault');
  await expectAccessible(page, 'create vault');

  await start.vaultName.fill('Private practice');
  await start.passphrase.fill('short');
  await expect(page.getByTestId('passphrase-advice')).toContainText('at least 12 characters');
  await expect(start.createButton).toBeDisabled();

  await start.createVault('Private practice', passphrase);
  await expectAccessible(page, 'recovery key');
  await expect(start.continueButton).toBeDisabled();
  await start.confirmRecoveryKeyStored();

  const clients = new ClientsPage(page);
  await expect(clients.heading).toBeVisible();
  await expect(page.getByTestId('vault-name')).toContainText('Private practice');
  await expect(page.getByText('No clients yet')).toBeVisible();

  await clients.addClient('Maya Lindqvist');
  await clients.addClient('Jonas Ødegård');
  await clients.addClient('Amir Haddad');
  await expect(clients.list.getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page, 'clients');

  await clients.search.fill('odegard');
  await expect(clients.list.getByRole('listitem')).toHaveCount(1);
  await expect(clients.client('Jonas Ødegård')).toBeVisible();
  await clients.search.fill('');

  await clients.rename('Amir Haddad', 'A. H.');
  await expect(clients.client('A. H.')).toBeVisible();
  await expect(clients.client('Amir Haddad')).toHaveCount(0);

  await clients.archive('Maya Lindqvist');
  await expect(clients.client('Maya Lindqvist')).toHaveCount(0);
  await clients.showArchived.check();
  await expect(clients.client('Maya Lindqvist')).toContainText('Archived');

  await clients.addClient('   ');
  await expect(page.getByText('Please enter a name.')).toBeVisible();
});
