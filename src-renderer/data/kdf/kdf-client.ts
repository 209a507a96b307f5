import type { KdfParams } from '../../../src-shared/crypto/kdf';
import type { PassphraseKdf } from '../../../src-shared/vault/key-slots';
import type { KdfReply, KdfRequest } from './kdf.worker';

/** How a vault's passphrase key is derived and how new KDF settings are chosen. */
export type VaultKdf = {
  derive: PassphraseKdf;
  /** The Argon2id settings for a new key slot on this machine. */
  calibrate: () => Promise<KdfParams>;
};

function runInWorker(request: KdfRequest): Promise<KdfReply> {
  const worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), {
    type: 'module',
    name: 'argon2id',
  });
  return new Promise<KdfReply>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<KdfReply>) => resolve(event.data);
    worker.onerror = () => reject(new Error('The key derivation worker failed to start.'));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

let lastDerivationMs = 1200;

/** How long the last key derivation took here, to pace the progress bar of the next one. */
export function expectedDerivationMs(): number {
  return lastDerivationMs;
}

/** Argon2id in a Web Worker, so the window stays responsive while a vault unlocks. */
export const deriveKeyInWorker: PassphraseKdf = async (passphrase, salt, params) => {
  const started = performance.now();
  const reply = await runInWorker({ kind: 'derive', passphrase, salt, params });
  lastDerivationMs = performance.now() - started;
  if ('key' in reply) return reply.key;
  throw new Error('error' in reply ? reply.error : 'unexpected reply');
};

/** Times Argon2id on this machine and returns the settings for a new vault. */
export async function calibrateKdfInWorker(): Promise<KdfParams> {
  const reply = await runInWorker({ kind: 'calibrate' });
  if ('params' in reply) return reply.params;
  throw new Error('error' in reply ? reply.error : 'unexpected reply');
}

/** The app's KDF: Argon2id in a Web Worker, calibrated on this machine. */
export const workerKdf: VaultKdf = { derive: deriveKeyInWorker, calibrate: calibrateKdfInWorker };
