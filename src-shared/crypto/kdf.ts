import { sodium } from './sodium';

/**
 * Passphrase key derivation (Argon2id v1.3) and its limits. The floor and ceiling are checked
 * on every stored key slot before the KDF runs, so an edited file cannot weaken a vault
 * (a downgrade guard) or make the app allocate unbounded memory.
 */
export const kdfPolicy = {
  /** Fewest Argon2id passes accepted (libsodium's INTERACTIVE is 2). */
  minOpsLimit: 2,
  /** Most passes accepted; far beyond what calibration picks, low enough to bound the wait. */
  maxOpsLimit: 64,
  /** Least memory accepted: 64 MiB. */
  minMemLimitBytes: 64 * 1024 * 1024,
  /** Most memory accepted: 1 GiB. */
  maxMemLimitBytes: 1024 * 1024 * 1024,
  /** Memory used for new vaults: 64 MiB (calibration tunes passes, not memory). */
  defaultMemLimitBytes: 64 * 1024 * 1024,
  /** Aim for about this long per unlock on the creating machine. */
  targetMilliseconds: 700,
} as const;

/** Argon2id cost settings stored with a passphrase key slot. */
export type KdfParams = {
  /** Argon2id passes (libsodium `opslimit`). */
  opsLimit: number;
  /** Argon2id memory in bytes (libsodium `memlimit`). */
  memLimitBytes: number;
};

/** Length of the salt stored per key slot, in bytes (crypto_pwhash_SALTBYTES). */
export const SALT_BYTES = 16;

/** Derives a 32-byte key from a passphrase with Argon2id v1.3. Slow by design; run it off the UI thread. */
export function deriveKeyFromPassphrase(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
): Uint8Array {
  const s = sodium();
  return s.crypto_pwhash(
    32,
    passphrase,
    salt,
    params.opsLimit,
    params.memLimitBytes,
    s.crypto_pwhash_ALG_ARGON2ID13,
  );
}

/**
 * Picks Argon2id passes for new vaults from one timed run at the floor (2 passes, 64 MiB),
 * so unlocking takes about `targetMilliseconds` on this machine and never less than the floor.
 */
export function calibratedKdfParams(millisecondsAtFloor: number): KdfParams {
  const perPass = Math.max(millisecondsAtFloor, 1) / kdfPolicy.minOpsLimit;
  const passes = Math.round(kdfPolicy.targetMilliseconds / perPass);
  return {
    opsLimit: Math.min(Math.max(passes, kdfPolicy.minOpsLimit), 10),
    memLimitBytes: kdfPolicy.defaultMemLimitBytes,
  };
}

/** Times one Argon2id run at the floor settings; feed the result to `calibratedKdfParams`. */
export function timeKdfAtFloor(now: () => number): number {
  const started = now();
  deriveKeyFromPassphrase('calibration', new Uint8Array(SALT_BYTES), {
    opsLimit: kdfPolicy.minOpsLimit,
    memLimitBytes: kdfPolicy.defaultMemLimitBytes,
  });
  return now() - started;
}
