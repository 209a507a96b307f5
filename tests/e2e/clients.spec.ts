import { expect, expectAccessible, launchWithNewVault, test } from './fixtures';
import { ClientsPage } from './pages/ClientsPage';
import { StartPage } from './pages/StartPage';
import { TodayPage } from './pages/TodayPage';

const passphrase = 'quiet harbour lantern 42 maple';

test('a clinician adds clients, finds them, and keeps goals and private notes on each client’s page', async ({
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

  // The vault opens on Today, home; the clients list is one click away.
  await expect(new TodayPage(page).heading).toBeVisible();
  const clients = new ClientsPage(page);
  await clients.gotoList();
  await expect(page.getByTestId('vault-name')).toContainText('Private practice');
  await expect(page.getByText('No clients yet')).toBeVisible();
  await clients.addClient('Maya Lindqvist');
  await clients.addClient('Jonas Ødegård');
  await clients.addClient('Amir Haddad');
  await expect(clients.list.getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page, 'clients');

  await clients.search.fill('odegard');
  await expect(clients.list.getByRole('listitem')).toHaveCount(1);
  await clients.search.fill('');

  await clients.initialsOnly.click();
  await expect(clients.client('J. Ø.')).toBeVisible();
  await expect(clients.list.getByText('Jonas Ødegård')).toHaveCount(0);
  await clients.initialsOnly.click();
  await expect(clients.client('Jonas Ødegård')).toBeVisible();

  await clients.open('Amir Haddad');
  await clients.rename('A. H.');
  await expect(page.getByRole('heading', { name: 'A. H.', level: 1 })).toBeVisible();
  await clients.addGoal('Get back to Sunday football', 'It’s the one time I see my brother');
  await expect(clients.goals.getByRole('listitem')).toHaveCount(1);
  await expect(clients.goals).toContainText('Why it matters: It’s the one time I see my brother');
  await clients.privateNotes.fill('Prefers early appointments. <b>not bold</b>');
  // Notes save themselves a moment after typing stops; there is no Save button.
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0);
  await expectAccessible(page, 'client page');
  await clients.setStatus('Paused');
  await clients.backToList.click();

  await expect(clients.client('A. H.')).toHaveCount(0);
  await clients.filter(/Paused/);
  await expect(clients.client('A. H.')).toContainText('Paused');
  await clients.open('A. H.');
  await expect(clients.privateNotes).toHaveValue('Prefers early appointments. <b>not bold</b>');
  await clients.backToList.click();
  await clients.filter(/Active/);

  await clients.addClient('   ');
  await expect(page.getByText('Please enter a name.')).toBeVisible();
});

test('private notes typed just before locking are saved and there after unlocking', async ({
  app,
}) => {
  const { page, start, clients } = await launchWithNewVault(app, passphrase);
  await clients.addClient('Maya Lindqvist');
  await clients.open('Maya Lindqvist');
  await clients.privateNotes.fill('Talked about the move.');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('private-notes-saved.png') });
  await clients.privateNotes.pressSequentially(' Sleep is better.');
  await page.keyboard.press('Control+L');
  await expect(start.unlockButton).toBeVisible();

  await start.unlockWithPassphrase(passphrase);
  await clients.gotoList();
  await clients.open('Maya Lindqvist');
  await expect(clients.privateNotes).toHaveValue('Talked about the move. Sleep is better.');
});

test('deleting a client removes every record of theirs from the encrypted store', async ({
  app,
}) => {
  const { page, clients } = await launchWithNewVault(app, passphrase);
  await clients.addClient('Maya Lindqvist');
  await clients.addClient('Jonas Ødegård');
  await clients.open('Maya Lindqvist');
  await clients.addGoal('Sleep through the night', 'Mornings are hard');
  await expect(clients.goals.getByRole('listitem')).toHaveCount(1);
  await clients.backToList.click();

  const storedIds = () =>
    page.evaluate(async () => {
      const rows: { store: string; id: string; clientId?: string }[] = [];
      for (const info of await indexedDB.databases()) {
        if (!info.name?.startsWith('bridgework-vault-')) continue;
        const db = await new Promise<IDBDatabase>((done) => {
          const open = indexedDB.open(info.name ?? '');
          open.onsuccess = () => done(open.result);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const all = await new Promise<{ id: string; clientId?: string }[]>((done) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => done(request.result as { id: string; clientId?: string }[]);
          });
          rows.push(...all.map((row) => ({ store, id: row.id, clientId: row.clientId })));
        }
        db.close();
      }
      return rows;
    });
  const before = await storedIds();

  await clients.open('Maya Lindqvist');
  const dialog = await clients.startDeletingClient();
  await dialog.getByLabel(/Type the client’s name/).fill('Maya');
  const confirm = dialog.getByRole('button', { name: 'Delete client and all their records' });
  await expect(confirm).toBeDisabled();
  await expectAccessible(page, 'the delete-client dialog');
  await dialog.getByLabel(/Type the client’s name/).fill('Maya Lindqvist');
  await confirm.click();
  await expect(clients.heading).toBeVisible();
  await expect(clients.client('Maya Lindqvist')).toHaveCount(0);
  await expect(clients.client('Jonas Ødegård')).toBeVisible();

  const after = await storedIds();
  const deletedClientIds = before
    .filter((row) => row.store === 'clients' && !after.some((kept) => kept.id === row.id))
    .map((row) => row.id);
  expect(deletedClientIds).toHaveLength(1);
  const [deletedId] = deletedClientIds;
  expect(after.filter((row) => row.id === deletedId || row.clientId === deletedId)).toEqual([]);
  expect(after.filter((row) => row.store === 'goals')).toEqual([]);
  expect(after.filter((row) => row.store === 'log')).toHaveLength(1);
});
