import { readdir } from 'node:fs/promises';
import { expect, expectAccessible, test } from './fixtures';
import { ClientsPage } from './pages/ClientsPage';
import { StartPage } from './pages/StartPage';
import { expectNoPlaintextAtRest, findInIndexedDb, openVaultDatabase } from './plaintext-scan';

const canary = 'Zq-Canary Ødegård';
const passphrase = 'violet orchard kettle 7 drift';

test('a client name is never at rest in plaintext, and only the right secrets open the vault', async ({
  app,
}) => {
  let running = await app.launch();
  let start = new StartPage(running.page);
  const recoveryKey = await start.createVault('Private practice', passphrase);
  await start.confirmRecoveryKeyStored();
  let clients = new ClientsPage(running.page);
  await clients.gotoList();
  await clients.addClient(canary);
  await expect(clients.client(canary)).toBeVisible();

  await running.page.keyboard.press('Control+L');
  await expect(start.unlockButton).toBeVisible();
  await expect(running.page.getByText(canary)).toHaveCount(0);
  // Locking backs up the unsaved change; the backup must hold no plaintext either.
  await expect
    .poll(async () => (await readdir(app.backupDir)).filter((name) => name.endsWith('.bwvault')))
    .toHaveLength(1);

  expect(await findInIndexedDb(running.page, canary)).toEqual([]);
  const atRest = {
    dirs: [app.profileDir, app.dataDir, app.backupDir],
    texts: [canary],
    database: await openVaultDatabase(running.page),
  };
  await expectNoPlaintextAtRest({ ...atRest, phase: 'after locking' });
  const requests = running.requests;
  await running.close();
  await expectNoPlaintextAtRest({ ...atRest, phase: 'after the browser closed' });
  expect(
    requests.filter((url) => !url.startsWith(app.origin) && !/^(data|blob):/.test(url)),
  ).toEqual([]);

  running = await app.launch();
  start = new StartPage(running.page);
  clients = new ClientsPage(running.page);
  await expect(start.heading).toHaveText('Private practice');
  await expectAccessible(running.page, 'unlock');
  await start.unlockWithPassphrase('violet orchard kettle 8 drift');
  await expect(start.alert).toHaveText(
    "That passphrase doesn't open this vault. Please check it and try again.",
  );

  await start.unlockWithPassphrase(passphrase);
  await clients.gotoList();
  await expect(clients.client(canary)).toBeVisible();

  await clients.lockButton.click();
  await start.unlockWithRecoveryKey('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
  await expect(start.alert).toHaveText(
    "That recovery key doesn't open this vault. Please check it and try again.",
  );
  await start.unlockWithRecoveryKey(recoveryKey.toLowerCase());
  await clients.gotoList();
  await expect(clients.client(canary)).toBeVisible();

  await running.emit('vault:lock-requested');
  await expect(start.unlockButton).toBeVisible();
});
