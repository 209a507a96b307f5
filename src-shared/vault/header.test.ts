import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import { concatBytes, utf8 } from '../crypto/bytes';
import { kdfPolicy } from '../crypto/kdf';
import { loadSodium, sodium } from '../crypto/sodium';
import {
  encodeHeader,
  MAX_VAULT_NAME_BYTES,
  parseHeader,
  serializeUnsignedHeader,
  type VaultHeader,
} from './header';
import { type CreatedVault, renameVault, unlockWithRecoveryKey } from './key-slots';
import { isVaultError, type VaultErrorCode } from './vault-error';

let vault: CreatedVault;

beforeAll(async () => {
  await loadSodium();
  vault = await buildVault();
});

function parseError(bytes: Uint8Array): VaultErrorCode | 'accepted' | 'other' {
  try {
    parseHeader(bytes);
    return 'accepted';
  } catch (error) {
    return isVaultError(error) ? error.code : 'other';
  }
}

/** A header Bridgework would never write, with a valid checksum (as a deliberate edit would have). */
function edited(change: (header: VaultHeader) => VaultHeader): Uint8Array {
  return encodeHeader(change(structuredClone(vault.header)));
}

/**
 * The vault's header with other name bytes, MAC'd with its data key and checksummed, built
 * byte by byte (not with `encodeHeader`, which refuses names Bridgework must not write): what
 * another tool holding the data key could write.
 */
function withNameBytes(name: Uint8Array): Uint8Array {
  const bytes = vault.headerBytes;
  const oldLength = bytes[22] ?? 0;
  const slotCount = bytes[23 + oldLength] ?? 0;
  const slots = bytes.subarray(24 + oldLength, 24 + oldLength + 98 * slotCount);
  const unsigned = concatBytes(
    bytes.subarray(0, 22),
    new Uint8Array([name.length]),
    name,
    new Uint8Array([slotCount]),
    slots,
  );
  const s = sodium();
  const macKey = s.crypto_generichash(32, utf8('bridgework/header-mac/v1'), vault.dataKey);
  const signed = concatBytes(unsigned, s.crypto_generichash(32, unsigned, macKey));
  return concatBytes(signed, s.crypto_generichash(32, signed, null));
}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

describe('vault header', () => {
  it('parses what it encodes', () => {
    const parsed = parseHeader(vault.headerBytes);
    expect(parsed.name).toBe('Test practice');
    expect(parsed.vaultId).toEqual(vault.header.vaultId);
    expect(parsed.slots.map((slot) => slot.kind)).toEqual(['passphrase', 'recovery']);
    expect(encodeHeader(parsed)).toEqual(vault.headerBytes);
  });

  it('rejects a change at every byte offset, before any key derivation', () => {
    for (let offset = 0; offset < vault.headerBytes.length; offset++) {
      const tampered = vault.headerBytes.slice();
      tampered[offset] = (tampered[offset] ?? 0) ^ 0x5a;
      expect(parseError(tampered), `byte ${offset}`).not.toBe('accepted');
    }
  });

  it('rejects every truncation, and trailing bytes', () => {
    for (let length = 0; length < vault.headerBytes.length; length++) {
      expect(parseError(vault.headerBytes.subarray(0, length)), `length ${length}`).not.toBe(
        'accepted',
      );
    }
    expect(parseError(vault.headerBytes.subarray(0, 3))).toBe('TRUNCATED');
    expect(parseError(vault.headerBytes.subarray(0, 40))).toBe('TRUNCATED');
    expect(parseError(new Uint8Array([...vault.headerBytes, 0]))).toBe('DAMAGED');
  });

  it('says which problem it found', () => {
    expect(parseError(new TextEncoder().encode('%PDF-1.7 not a vault'))).toBe('NOT_A_VAULT');
    const newer = vault.headerBytes.slice();
    newer[4] = 2;
    expect(parseError(newer)).toBe('NEWER_VERSION');
    const flipped = vault.headerBytes.slice();
    flipped[30] = (flipped[30] ?? 0) ^ 1;
    expect(parseError(flipped)).toBe('DAMAGED');
  });

  it('refuses KDF settings below the floor or above the ceiling (the downgrade guard)', () => {
    const weakerPasses = edited((h) => ({
      ...h,
      slots: h.slots.map((s) => (s.kind === 'passphrase' ? { ...s, opsLimit: 1 } : s)),
    }));
    const lessMemory = edited((h) => ({
      ...h,
      slots: h.slots.map((s) =>
        s.kind === 'passphrase' ? { ...s, memLimitBytes: 8 * 1024 * 1024 } : s,
      ),
    }));
    const moreMemory = edited((h) => ({
      ...h,
      slots: h.slots.map((s) =>
        s.kind === 'passphrase' ? { ...s, memLimitBytes: kdfPolicy.maxMemLimitBytes + 1 } : s,
      ),
    }));
    expect(parseError(weakerPasses)).toBe('KDF_BELOW_FLOOR');
    expect(parseError(lessMemory)).toBe('KDF_BELOW_FLOOR');
    expect(parseError(moreMemory)).toBe('KDF_ABOVE_CEILING');
  });

  it('refuses a passphrase slot that claims a cheaper algorithm', () => {
    const cheaper = edited((h) => ({
      ...h,
      slots: h.slots.map((s) =>
        s.kind === 'passphrase' ? { ...s, algorithm: 'blake2b256' as const } : s,
      ),
    }));
    expect(parseError(cheaper)).toBe('UNKNOWN_ALGORITHM');
  });

  it('reads names of 1 to 120 bytes and refuses 121 to 255 as damaged', () => {
    for (const length of [1, 119, MAX_VAULT_NAME_BYTES]) {
      expect(parseHeader(withNameBytes(utf8('n'.repeat(length)))).name).toBe('n'.repeat(length));
    }
    for (const length of [MAX_VAULT_NAME_BYTES + 1, 200, 255]) {
      expect(parseError(withNameBytes(utf8('n'.repeat(length)))), `${length} bytes`).toBe(
        'DAMAGED',
      );
    }
    expect(parseError(withNameBytes(new Uint8Array()))).toBe('DAMAGED');
    // Cut inside a character: not UTF-8.
    expect(parseError(withNameBytes(utf8('Praxis Ø').subarray(0, 8)))).toBe('DAMAGED');
  });

  it('round-trips every name the app lets a clinician type (trimmed, up to 120 bytes)', () => {
    // Multi-byte characters up to the limit once trimmed (as the forms trim, U+FEFF included).
    for (const typed of [` Praxis ${'€'.repeat(37)} `, `\uFEFF${'ø'.repeat(60)}\u00a0`]) {
      const name = typed.trim();
      expect(utf8(name).length).toBeLessThanOrEqual(MAX_VAULT_NAME_BYTES);
      const renamed = renameVault(vault, name);
      expect(unlockWithRecoveryKey(renamed.headerBytes, vault.recoveryKey).header.name).toBe(name);
    }
    const longest = renameVault(vault, '€'.repeat(40));
    expect(utf8(parseHeader(longest.headerBytes).name).length).toBe(MAX_VAULT_NAME_BYTES);
    expect(() => renameVault(vault, `${'€'.repeat(40)}x`)).toThrow();
  });

  it('refuses a name that starts with a byte-order mark, before any key derivation', () => {
    const marked = withNameBytes(new Uint8Array([...BYTE_ORDER_MARK, ...utf8('Test practice')]));
    expect(parseError(marked)).toBe('DAMAGED');
    // Its MAC is valid, so this is the rule itself, not the MAC, refusing it.
    let code: string;
    try {
      code = `opened as ${JSON.stringify(unlockWithRecoveryKey(marked, vault.recoveryKey).header.name)}`;
    } catch (error) {
      code = isVaultError(error) ? error.code : String(error);
    }
    expect(code).toBe('DAMAGED');
    // The mark only matters at the start: elsewhere it is a character of the name.
    const inside = withNameBytes(new Uint8Array([...utf8('Test'), ...BYTE_ORDER_MARK]));
    expect(parseHeader(inside).name).toBe('Test\uFEFF');
  });

  it('never writes a name it would refuse to read', () => {
    const { mac: _mac, ...unsigned } = vault.header;
    for (const name of ['', '\uFEFFTest practice', 'n'.repeat(MAX_VAULT_NAME_BYTES + 1)]) {
      expect(() => serializeUnsignedHeader({ ...unsigned, name }), JSON.stringify(name)).toThrow();
      expect(() => renameVault(vault, name), JSON.stringify(name)).toThrow();
    }
  });

  it('re-encodes every header it accepts to the same bytes, so its MAC is over the raw bytes', () => {
    const names = [
      utf8('n'.repeat(MAX_VAULT_NAME_BYTES)),
      utf8('Jonas Ødegård 😀'),
      new Uint8Array([...utf8('A'), ...BYTE_ORDER_MARK, ...utf8('B')]),
    ];
    for (const name of names) {
      const bytes = withNameBytes(name);
      const unsignedLength = bytes.length - 64;
      expect(serializeUnsignedHeader(parseHeader(bytes))).toEqual(
        bytes.subarray(0, unsignedLength),
      );
    }
  });
});
