import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { ClientsPage } from './pages/ClientsPage';
import { StartPage } from './pages/StartPage';
import { findInFiles, findInIndexedDb } from './plaintext-scan';

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
  const requests = running.requests;
  await running.close();
  expect(await findInFiles([app.profileDir, app.dataDir, app.backupDir], canary)).toEqual([]);
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
  await expect(clients.client(canary)).toBeVisible();

  await clients.lockButton.click();
  await start.unlockWithRecoveryKey('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
  await expect(start.alert).toHaveText(
    "That recovery key doesn't open this vault. Please check it and try again.",
  );
  await start.unlockWithRecoveryKey(recoveryKey.toLowerCase());
  await expect(clients.client(canary)).toBeVisible();

  await running.emit('vault:lock-requested');
  await expect(start.unlockButton).toBeVisible();
});

test('the plaintext scan finds the canary when it is stored unencrypted (positive control)', async ({
  app,
}) => {
  const running = await app.launch();
  await running.page.evaluate(async (text) => {
    const open = indexedDB.open('plaintext-control', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('notes', { keyPath: 'id' });
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const tx = db.transaction('notes', 'readwrite', { durability: 'strict' });
    tx.objectStore('notes').put({ id: 'AAAAAAAAAAAAAAAAAAAAAA', name: text });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, canary);
  await writeFile(join(app.dataDir, 'control.json'), JSON.stringify({ name: canary }));

  expect(await findInIndexedDb(running.page, canary)).toEqual(['plaintext-control/notes']);
  await running.close();
  const hits = await findInFiles([app.profileDir, app.dataDir], canary);
  expect(hits.filter((hit) => hit.startsWith(app.profileDir)).length).toBeGreaterThan(0);
  expect(hits.filter((hit) => hit.startsWith(app.dataDir)).length).toBeGreaterThan(0);
});
