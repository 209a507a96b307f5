import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectTypedOutcome,
  mutatedBytes,
  oneByteChanged,
  randomBytesAfter,
} from '../../tests/support/fuzz';
import { buildVault } from '../../tests/fixtures/vaults';
import { concatBytes, utf8 } from '../crypto/bytes';
import { kdfPolicy, SALT_BYTES } from '../crypto/kdf';
import { loadSodium, sodium } from '../crypto/sodium';
import {
  encodeHeader,
  HEADER_MAGIC,
  HEADER_TAG_BYTES,
  type KeySlot,
  MAX_KEY_SLOTS,
  MAX_VAULT_NAME_BYTES,
  parseHeader,
  serializeUnsignedHeader,
  SLOT_NONCE_BYTES,
  VAULT_ID_BYTES,
  WRAPPED_KEY_BYTES,
} from './header';
import {
  type CreatedVault,
  type PassphraseKdf,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from './key-slots';
import { isVaultError } from './vault-error';

/**
 * The vault header's parser against random and damaged key files: whatever the bytes, it answers
 * a parsed header or a VaultError naming the problem (no path in it), refuses every changed byte,
 * and refuses key slots outside the KDF policy before any key derivation runs. Headers it writes
 * read back exactly. The only KDF here is a stub: no Argon2id runs in this file.
 */

let vault: CreatedVault;

beforeAll(async () => {
  await loadSodium();
  vault = await buildVault();
});

const RUNS = { numRuns: 300 };

const parse = (bytes: Uint8Array) => expectTypedOutcome(() => parseHeader(bytes), isVaultError);

/** `unsigned` closed with a checksum: what a deliberate edit (not damage) looks like. */
function withChecksum(unsigned: Uint8Array): Uint8Array {
  return concatBytes(unsigned, sodium().crypto_generichash(HEADER_TAG_BYTES, unsigned, null));
}

/** The header's bytes without their closing checksum. */
const withoutChecksum = () => vault.headerBytes.subarray(0, -HEADER_TAG_BYTES);

/** A key derivation that must never run; it fails the test if it does. */
const forbiddenKdf: PassphraseKdf = async () => {
  throw new Error('the KDF ran on a header that should have been refused first');
};

const bytesOf = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });

/** A key slot as Bridgework writes it: a policy-abiding passphrase slot or a recovery slot. */
const slotArbitrary: fc.Arbitrary<KeySlot> = fc.oneof(
  fc.record({
    kind: fc.constant('passphrase' as const),
    algorithm: fc.constant('argon2id13' as const),
    opsLimit: fc.integer({ min: kdfPolicy.minOpsLimit, max: kdfPolicy.maxOpsLimit }),
    memLimitBytes: fc.integer({
      min: kdfPolicy.minMemLimitBytes,
      max: kdfPolicy.maxMemLimitBytes,
    }),
    salt: bytesOf(SALT_BYTES),
    nonce: bytesOf(SLOT_NONCE_BYTES),
    wrappedKey: bytesOf(WRAPPED_KEY_BYTES),
  }),
  fc.record({
    kind: fc.constant('recovery' as const),
    algorithm: fc.constant('blake2b256' as const),
    opsLimit: fc.constant(0),
    memLimitBytes: fc.constant(0),
    salt: bytesOf(SALT_BYTES),
    nonce: bytesOf(SLOT_NONCE_BYTES),
    wrappedKey: bytesOf(WRAPPED_KEY_BYTES),
  }),
);

/** A name a clinician could type: 1 to 120 UTF-8 bytes, any script, trimmed like the form does. */
const nameArbitrary = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
  .map((name) => name.trim())
  .filter((name) => {
    const length = utf8(name).length;
    return length >= 1 && length <= MAX_VAULT_NAME_BYTES;
  });

describe('the vault header parser, fuzzed', () => {
  it('answers a header or a typed error for any bytes, with or without the magic', () => {
    fc.assert(
      fc.property(randomBytesAfter(concatBytes(HEADER_MAGIC, new Uint8Array([1, 0]))), (bytes) => {
        parse(bytes);
      }),
      RUNS,
    );
  });

  it('refuses every damaged copy of a real header (flipped, cut, inserted, swapped bytes)', () => {
    fc.assert(
      fc.property(mutatedBytes(vault.headerBytes), (bytes) => {
        const header = parse(bytes);
        if (header) expect(bytes).toEqual(vault.headerBytes);
      }),
      RUNS,
    );
  });

  it('refuses any one changed byte', () => {
    fc.assert(
      fc.property(oneByteChanged(vault.headerBytes), (bytes) => {
        expect(parse(bytes)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('never opens a deliberately edited header (checksum recomputed) with the recovery key', () => {
    fc.assert(
      fc.property(mutatedBytes(withoutChecksum()), (edited) => {
        const bytes = withChecksum(edited);
        const opened = expectTypedOutcome(
          () => unlockWithRecoveryKey(bytes, vault.recoveryKey),
          isVaultError,
        );
        if (opened) expect(bytes).toEqual(vault.headerBytes);
      }),
      RUNS,
    );
  });

  it('runs no key derivation for a slot whose cost is outside the policy', async () => {
    const outsidePolicy = fc.oneof(
      fc.record({
        opsLimit: fc.integer({ min: 0, max: kdfPolicy.minOpsLimit - 1 }),
        memLimitBytes: fc.nat(),
      }),
      fc.record({
        opsLimit: fc.nat(),
        memLimitBytes: fc.integer({ min: 0, max: kdfPolicy.minMemLimitBytes - 1 }),
      }),
      fc.record({
        opsLimit: fc.integer({ min: kdfPolicy.maxOpsLimit + 1, max: 0xffffffff }),
        memLimitBytes: fc.integer({ min: kdfPolicy.minMemLimitBytes, max: 0xffffffff }),
      }),
      fc.record({
        opsLimit: fc.integer({ min: kdfPolicy.minOpsLimit, max: 0xffffffff }),
        memLimitBytes: fc.integer({ min: kdfPolicy.maxMemLimitBytes + 1, max: 0xffffffff }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(outsidePolicy, async (cost) => {
        const slots = vault.header.slots.map((slot) =>
          slot.kind === 'passphrase' ? { ...slot, ...cost } : slot,
        );
        const bytes = encodeHeader({ ...vault.header, slots });
        await expect(unlockWithPassphrase(bytes, 'any passphrase', forbiddenKdf)).rejects.toSatisfy(
          (error) =>
            isVaultError(error, 'KDF_BELOW_FLOOR') || isVaultError(error, 'KDF_ABOVE_CEILING'),
        );
      }),
      RUNS,
    );
  });

  it('reads back exactly what it writes, for any name and 1 to 8 key slots', () => {
    fc.assert(
      fc.property(
        fc.record({
          vaultId: bytesOf(VAULT_ID_BYTES),
          name: nameArbitrary,
          slots: fc.array(slotArbitrary, { minLength: 1, maxLength: MAX_KEY_SLOTS }),
          mac: bytesOf(HEADER_TAG_BYTES),
        }),
        (header) => {
          const bytes = encodeHeader(header);
          const parsed = parseHeader(bytes);
          expect(parsed).toEqual(header);
          expect(concatBytes(serializeUnsignedHeader(parsed), parsed.mac)).toEqual(
            bytes.subarray(0, -HEADER_TAG_BYTES),
          );
        },
      ),
      RUNS,
    );
  });
});
