import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, expectAccessible, test, type AppLauncher } from './fixtures';
import { StartPage } from './pages/StartPage';

async function createVaultAndClose(app: AppLauncher): Promise<string> {
  const running = await app.launch();
  const start = new StartPage(running.page);
  await start.createVault('Clinic', 'amber meadow copper 19 lantern');
  await start.confirmRecoveryKeyStored();
  await running.close();
  const [vaultId] = await readdir(join(app.dataDir, 'vaults'));
  if (!vaultId) throw new Error('no vault folder was created');
  return join(app.dataDir, 'vaults', vaultId, 'header.bwvh');
}

const cases = [
  {
    problem: 'a changed byte',
    damage: (bytes: Buffer) => {
      const copy = Buffer.from(bytes);
      copy[40] = (copy[40] ?? 0) ^ 0x01;
      return copy;
    },
    message: "This vault's key file is damaged, so we didn't try to open it.",
  },
  {
    problem: 'a cut-off file',
    damage: (bytes: Buffer) => bytes.subarray(0, 60),
    message: "This vault's key file is shorter than it should be",
  },
  {
    problem: 'a newer format',
    damage: (bytes: Buffer) => {
      const copy = Buffer.from(bytes);
      copy[4] = 9;
      return copy;
    },
    message: 'This vault was made by a newer version of Bridgework.',
  },
];

for (const { problem, damage, message } of cases) {
  test(`a vault key file with ${problem} gets a clear message and is left untouched`, async ({
    app,
  }) => {
    const headerPath = await createVaultAndClose(app);
    const damaged = damage(await readFile(headerPath));
    await writeFile(headerPath, damaged);

    const running = await app.launch();
    const start = new StartPage(running.page);
    await expect(start.alert).toContainText(message);
    await expectAccessible(running.page, 'damaged vault');
    await expect(start.unlockButton).toHaveCount(0);
    expect(Buffer.compare(await readFile(headerPath), damaged)).toBe(0);
  });
}
