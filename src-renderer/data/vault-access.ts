import { fromBase64, toBase64, utf8 } from '../../src-shared/crypto/bytes';
import { hiddenControlProblem, lineBreakProblem } from '../../src-shared/domain/text-rules';
import { MAX_VAULT_NAME_BYTES } from '../../src-shared/vault/header';
import { loadSodium } from '../../src-shared/crypto/sodium';
import {
  createVault,
  type CreatedVault,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type UnlockedVault,
} from '../../src-shared/vault/key-slots';
import { callMain } from './ipc-client';
import { type VaultKdf, workerKdf } from './kdf/kdf-client';

/**
 * Why a vault name can't be used, in words for the clinician, or null when it can: it is shown
 * on the start screen before anything is unlocked, so it follows the one-line text rules
 * (no hidden control characters) and fits the key file (120 bytes of UTF-8).
 */
export function vaultNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Please give the vault a name.';
  const problem = hiddenControlProblem(trimmed) ?? lineBreakProblem(trimmed);
  if (problem) return problem;
  if (utf8(trimmed).length > MAX_VAULT_NAME_BYTES) return 'Please use a shorter name.';
  return null;
}

/** Creates a vault and stores its header with the main process; the caller shows the recovery key once. */
export async function createAndStoreVault(
  name: string,
  passphrase: string,
  kdf: VaultKdf = workerKdf,
): Promise<CreatedVault> {
  await loadSodium();
  const kdfParams = await kdf.calibrate();
  const created = await createVault({ name, passphrase, kdfParams, derive: kdf.derive });
  await callMain('vault:create', { header: toBase64(created.headerBytes) });
  return created;
}

export type { CreatedVault, UnlockedVault };

/** How long the last key derivation took here, to pace the next progress bar. */
export { expectedDerivationMs } from './kdf/kdf-client';

/** How the clinician proves who they are. */
export type UnlockSecret =
  { kind: 'passphrase'; passphrase: string } | { kind: 'recovery'; recoveryKey: string };

/** Opens a vault header with a secret; throws VaultError with a code for every reason it cannot. */
export async function unlockHeader(
  headerBytes: Uint8Array,
  secret: UnlockSecret,
  kdf: VaultKdf = workerKdf,
): Promise<UnlockedVault> {
  await loadSodium();
  return secret.kind === 'passphrase'
    ? unlockWithPassphrase(headerBytes, secret.passphrase, kdf.derive)
    : unlockWithRecoveryKey(headerBytes, secret.recoveryKey);
}

/** The vaults on this computer, as the start screen lists them. */
export const listVaults = () => callMain('vault:list', {});

let firstList: Promise<void> | null = null;
let firstListAnswer: Awaited<ReturnType<typeof listVaults>> | null = null;
/** Once the first start screen has looked, a late early answer is stale and dropped. */
let firstListTaken = false;

/**
 * Asks for the vault list as the app starts, before React's first render, so the start screen
 * can show the right form at once rather than a spinner first. Resolves when it has answered.
 */
export function askForVaultsEarly(): Promise<void> {
  firstList ??= listVaults().then((list) => {
    if (!firstListTaken) firstListAnswer = list;
  });
  return firstList;
}

/** The early answer to `askForVaultsEarly`, once (a later start screen asks afresh), or null. */
export function takeEarlyVaults(): Awaited<ReturnType<typeof listVaults>> | null {
  const answer = firstListAnswer;
  firstListAnswer = null;
  firstListTaken = true;
  return answer;
}

/** Opens a vault on this computer; throws VaultError with a code for every reason it cannot. */
export async function unlockVault(vaultId: string, secret: UnlockSecret): Promise<UnlockedVault> {
  const { header } = await callMain('vault:read-header', { vaultId });
  return unlockHeader(fromBase64(header), secret);
}
