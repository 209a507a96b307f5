import { deriveKeyFromPassphrase, type KdfParams } from '../../../src-shared/crypto/kdf';
import { loadSodium } from '../../../src-shared/crypto/sodium';
import { calibrateKdf } from './kdf-calibration';

/**
 * Runs Argon2id off the UI thread. One request per worker:
 * - `{ kind: 'calibrate' }` → `{ params }`, the settings for a new vault on this machine;
 * - `{ kind: 'derive', passphrase, salt, params }` → `{ key }` (its buffer transferred).
 */
export type KdfRequest =
  | { kind: 'calibrate' }
  | { kind: 'derive'; passphrase: string; salt: Uint8Array; params: KdfParams };

/** The worker's answer. */
export type KdfReply = { params: KdfParams } | { key: Uint8Array } | { error: string };

self.onmessage = async (event: MessageEvent<KdfRequest>) => {
  try {
    await loadSodium();
    const request = event.data;
    if (request.kind === 'calibrate') {
      self.postMessage({ params: calibrateKdf(() => performance.now()) } satisfies KdfReply);
    } else {
      const key = deriveKeyFromPassphrase(request.passphrase, request.salt, request.params);
      self.postMessage({ key } satisfies KdfReply, { transfer: [key.buffer] });
    }
  } catch (error) {
    self.postMessage({
      error: error instanceof Error ? error.name : 'KdfError',
    } satisfies KdfReply);
  }
};
