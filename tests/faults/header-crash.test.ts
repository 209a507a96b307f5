import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64, toHex } from '../../src-shared/crypto/bytes';
import { changePassphrase, unlockWithPassphrase } from '../../src-shared/vault/key-slots';
import { createVaultStore, HEADER_FILE_NAME } from '../../src-main/services/vault-store';
import { buildVault, countingKdf, floorKdfParams } from '../fixtures/vaults';

/**
 * A passphrase change is one atomic replacement of the key file. Killing a process that keeps
 * replacing it must always leave one whole key file: the old one or the new one, never a mix.
 */

const TRIALS = 40;
let root: string;
let childScript: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bridgework-header-crash-'));
  childScript = join(root, 'child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./header-writer-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: childScript,
    logLevel: 'silent',
  });
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('changing the passphrase when the process is killed', () => {
  it(`leaves exactly one of the old and the new key file in ${TRIALS} kills`, async () => {
    const oldPassphrase = 'old passphrase for the crash test';
    const newPassphrase = 'new passphrase for the crash test';
    const vault = await buildVault(oldPassphrase);
    const changed = await changePassphrase(vault, newPassphrase, floorKdfParams, countingKdf());
    const dataDir = join(root, 'data');
    const store = createVaultStore(dataDir);
    const vaultId = toHex(vault.header.vaultId);
    await store.create(toBase64(vault.headerBytes));
    await writeFile(join(root, 'old.b64'), toBase64(vault.headerBytes));
    await writeFile(join(root, 'new.b64'), toBase64(changed.headerBytes));
    const headerPath = join(dataDir, 'vaults', vaultId, HEADER_FILE_NAME);
    const seen = { old: 0, new: 0 };

    for (let trial = 0; trial < TRIALS; trial++) {
      const child = spawn(
        process.execPath,
        [childScript, dataDir, vaultId, join(root, 'old.b64'), join(root, 'new.b64')],
        {
          cwd: process.cwd(),
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      // Wait for one to three finished replacements, then kill a little later: the kill lands
      // in the middle of the next one however fast or slow this machine's disk is, and both
      // parities of the sequence are tried.
      const finishedBeforeKill = 1 + (trial % 3);
      await new Promise<void>((resolve, reject) => {
        let finished = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          finished += chunk.toString().split('.').length - 1;
          if (finished >= finishedBeforeKill) resolve();
        });
        child.once('exit', (code) => reject(new Error(`the writer stopped early (exit ${code})`)));
      });
      await delay((trial * 7) % 10);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      const onDisk = new Uint8Array(await readFile(headerPath));
      const isOld = Buffer.compare(onDisk, vault.headerBytes) === 0;
      const isNew = Buffer.compare(onDisk, changed.headerBytes) === 0;
      expect(
        isOld || isNew,
        `trial ${trial}: the key file is neither the old nor the new one`,
      ).toBe(true);
      if (isOld) seen.old += 1;
      else seen.new += 1;
    }
    // Kills after an odd and an even number of replacements each left a whole key file.
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);

    const onDisk = new Uint8Array(await readFile(headerPath));
    const secret = Buffer.compare(onDisk, vault.headerBytes) === 0 ? oldPassphrase : newPassphrase;
    expect((await unlockWithPassphrase(onDisk, secret, countingKdf())).dataKey).toEqual(
      vault.dataKey,
    );
  }, 120_000);
});
