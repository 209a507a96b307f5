import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault } from '../../tests/fixtures/vaults';
import { kdfPolicy } from '../crypto/kdf';
import { loadSodium } from '../crypto/sodium';
import { encodeHeader, parseHeader, type VaultHeader } from './header';
import type { CreatedVault } from './key-slots';
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
});
