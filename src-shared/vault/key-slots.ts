import { utf8 } from '../crypto/bytes';
import { type KdfParams, SALT_BYTES } from '../crypto/kdf';
import { sodium } from '../crypto/sodium';
import {
  encodeHeader,
  type KeySlot,
  parseHeader,
  serializeUnsignedHeader,
  slotAssociatedData,
  type UnsignedVaultHeader,
  VAULT_ID_BYTES,
  type VaultHeader,
} from './header';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import { VaultError } from './vault-error';

/**
 * The vault key hierarchy: a random 32-byte data key, wrapped (XChaCha20-Poly1305) in key slots
 * by keys derived from the passphrase (Argon2id) and from the recovery key (BLAKE2b). Changing
 * a passphrase rewraps the data key; no record is re-encrypted.
 */

/** Derives a 32-byte key from a passphrase; the renderer runs this in a Web Worker. */
export type PassphraseKdf = (
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
) => Promise<Uint8Array>;

/** A vault whose data key is known. Wipe `dataKey` with `sodium().memzero` when locking. */
export type UnlockedVault = { header: VaultHeader; dataKey: Uint8Array };

const HEADER_MAC_CONTEXT = utf8('bridgework/header-mac/v1');

function headerMac(unsigned: UnsignedVaultHeader, dataKey: Uint8Array): Uint8Array {
  const s = sodium();
  const macKey = s.crypto_generichash(32, HEADER_MAC_CONTEXT, dataKey);
  const mac = s.crypto_generichash(32, serializeUnsignedHeader(unsigned), macKey);
  s.memzero(macKey);
  return mac;
}

function signHeader(unsigned: UnsignedVaultHeader, dataKey: Uint8Array): VaultHeader {
  return { ...unsigned, mac: headerMac(unsigned, dataKey) };
}

function recoveryWrappingKey(recoveryKey: Uint8Array, salt: Uint8Array): Uint8Array {
  return sodium().crypto_generichash(32, recoveryKey, salt);
}

function sealSlot(
  vaultId: Uint8Array,
  params: Omit<KeySlot, 'nonce' | 'wrappedKey'>,
  wrappingKey: Uint8Array,
  dataKey: Uint8Array,
): KeySlot {
  const s = sodium();
  const nonce = s.randombytes_buf(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const draft: KeySlot = { ...params, nonce, wrappedKey: new Uint8Array() };
  const wrappedKey = s.crypto_aead_xchacha20poly1305_ietf_encrypt(
    dataKey,
    slotAssociatedData(vaultId, draft),
    null,
    nonce,
    wrappingKey,
  );
  return { ...draft, wrappedKey };
}

function openSlot(vaultId: Uint8Array, slot: KeySlot, wrappingKey: Uint8Array): Uint8Array | null {
  try {
    return sodium().crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      slot.wrappedKey,
      slotAssociatedData(vaultId, slot),
      slot.nonce,
      wrappingKey,
    );
  } catch {
    return null;
  }
}

async function passphraseSlot(
  vaultId: Uint8Array,
  passphrase: string,
  kdfParams: KdfParams,
  derive: PassphraseKdf,
  dataKey: Uint8Array,
): Promise<KeySlot> {
  const salt = sodium().randombytes_buf(SALT_BYTES);
  const wrappingKey = await derive(passphrase, salt, kdfParams);
  const slot = sealSlot(
    vaultId,
    { kind: 'passphrase', algorithm: 'argon2id13', ...kdfParams, salt },
    wrappingKey,
    dataKey,
  );
  sodium().memzero(wrappingKey);
  return slot;
}

function recoverySlot(vaultId: Uint8Array, recoveryKey: Uint8Array, dataKey: Uint8Array): KeySlot {
  const salt = sodium().randombytes_buf(SALT_BYTES);
  const wrappingKey = recoveryWrappingKey(recoveryKey, salt);
  const slot = sealSlot(
    vaultId,
    { kind: 'recovery', algorithm: 'blake2b256', opsLimit: 0, memLimitBytes: 0, salt },
    wrappingKey,
    dataKey,
  );
  sodium().memzero(wrappingKey);
  return slot;
}

/** What creating a vault yields; show `recoveryKey` once and then forget it. */
export type CreatedVault = UnlockedVault & { headerBytes: Uint8Array; recoveryKey: string };

/** Creates a new vault: random id and data key, a passphrase slot and a recovery key slot. */
export async function createVault(options: {
  name: string;
  passphrase: string;
  kdfParams: KdfParams;
  derive: PassphraseKdf;
}): Promise<CreatedVault> {
  const s = sodium();
  const vaultId = s.randombytes_buf(VAULT_ID_BYTES);
  const dataKey = s.crypto_aead_xchacha20poly1305_ietf_keygen();
  const recovery = generateRecoveryKey();
  const slots = [
    await passphraseSlot(vaultId, options.passphrase, options.kdfParams, options.derive, dataKey),
    recoverySlot(vaultId, recovery.bytes, dataKey),
  ];
  s.memzero(recovery.bytes);
  const header = signHeader({ vaultId, name: options.name, slots }, dataKey);
  return { header, dataKey, headerBytes: encodeHeader(header), recoveryKey: recovery.text };
}

function verifiedUnlock(header: VaultHeader, dataKey: Uint8Array): UnlockedVault {
  const { mac, ...unsigned } = header;
  if (!sodium().memcmp(headerMac(unsigned, dataKey), mac)) {
    sodium().memzero(dataKey);
    throw new VaultError('HEADER_TAMPERED');
  }
  return { header, dataKey };
}

/** Opens a vault with its passphrase; throws WRONG_PASSPHRASE, or a header error before any KDF runs. */
export async function unlockWithPassphrase(
  headerBytes: Uint8Array,
  passphrase: string,
  derive: PassphraseKdf,
): Promise<UnlockedVault> {
  const header = parseHeader(headerBytes);
  for (const slot of header.slots.filter((candidate) => candidate.kind === 'passphrase')) {
    const wrappingKey = await derive(passphrase, slot.salt, slot);
    const dataKey = openSlot(header.vaultId, slot, wrappingKey);
    sodium().memzero(wrappingKey);
    if (dataKey) return verifiedUnlock(header, dataKey);
  }
  throw new VaultError('WRONG_PASSPHRASE');
}

/** Opens a vault with its recovery key, as typed by the clinician; throws WRONG_RECOVERY_KEY. */
export function unlockWithRecoveryKey(
  headerBytes: Uint8Array,
  recoveryKeyText: string,
): UnlockedVault {
  const header = parseHeader(headerBytes);
  const recoveryKey = parseRecoveryKey(recoveryKeyText);
  if (!recoveryKey) throw new VaultError('WRONG_RECOVERY_KEY');
  for (const slot of header.slots.filter((candidate) => candidate.kind === 'recovery')) {
    const wrappingKey = recoveryWrappingKey(recoveryKey, slot.salt);
    const dataKey = openSlot(header.vaultId, slot, wrappingKey);
    sodium().memzero(wrappingKey);
    if (dataKey) return verifiedUnlock(header, dataKey);
  }
  throw new VaultError('WRONG_RECOVERY_KEY');
}

/** New header bytes without the slot at `index`; refuses to remove the last slot. */
export function removeKeySlot(vault: UnlockedVault, index: number): Uint8Array {
  const slots = vault.header.slots.filter((_, i) => i !== index);
  if (slots.length === vault.header.slots.length) throw new RangeError(`no key slot ${index}`);
  if (slots.length === 0) throw new RangeError('a vault needs at least one key slot');
  return resigned(vault, { slots }).headerBytes;
}

function resigned(
  vault: UnlockedVault,
  change: Partial<UnsignedVaultHeader>,
): UnlockedVault & { headerBytes: Uint8Array } {
  const { mac: _mac, ...unsigned } = vault.header;
  const header = signHeader({ ...unsigned, ...change }, vault.dataKey);
  return { header, dataKey: vault.dataKey, headerBytes: encodeHeader(header) };
}

/**
 * A new passphrase: every passphrase slot is replaced by one for `passphrase` (new salt, the
 * given KDF settings). The data key stays the same, so no record is re-encrypted.
 */
export async function changePassphrase(
  vault: UnlockedVault,
  passphrase: string,
  kdfParams: KdfParams,
  derive: PassphraseKdf,
): Promise<UnlockedVault & { headerBytes: Uint8Array }> {
  const slot = await passphraseSlot(
    vault.header.vaultId,
    passphrase,
    kdfParams,
    derive,
    vault.dataKey,
  );
  const others = vault.header.slots.filter((candidate) => candidate.kind !== 'passphrase');
  return resigned(vault, { slots: [slot, ...others] });
}

/** A new recovery key: the old one stops working. Show `recoveryKey` once. */
export function regenerateRecoveryKey(
  vault: UnlockedVault,
): UnlockedVault & { headerBytes: Uint8Array; recoveryKey: string } {
  const recovery = generateRecoveryKey();
  const slot = recoverySlot(vault.header.vaultId, recovery.bytes, vault.dataKey);
  sodium().memzero(recovery.bytes);
  const others = vault.header.slots.filter((candidate) => candidate.kind !== 'recovery');
  return { ...resigned(vault, { slots: [...others, slot] }), recoveryKey: recovery.text };
}

/** The same vault under a new name. */
export function renameVault(
  vault: UnlockedVault,
  name: string,
): UnlockedVault & { headerBytes: Uint8Array } {
  return resigned(vault, { name });
}
