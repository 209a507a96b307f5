// Child process for header-crash.test.ts: replaces a vault's key file over and over, alternating
// between two headers (old passphrase, new passphrase), until it is killed. It prints one dot per
// finished replacement so the test can aim its kill at a known point in the sequence.
import { readFile } from 'node:fs/promises';
import { createVaultStore } from '../../src-main/services/vault-store';

const [dataDir, vaultId, firstPath, secondPath] = process.argv.slice(2);
if (!dataDir || !vaultId || !firstPath || !secondPath)
  throw new Error('usage: DATA_DIR VAULT_ID FIRST SECOND');
const store = createVaultStore(dataDir);
const headers = [await readFile(firstPath, 'utf8'), await readFile(secondPath, 'utf8')];
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await store.replaceHeader(vaultId, headers[i % 2] ?? '');
  process.stdout.write('.');
}
