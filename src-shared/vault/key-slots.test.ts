import { beforeAll, describe, expect, it } from 'vitest';
import { buildVault, countingKdf, floorKdfParams } from '../../tests/fixtures/vaults';
import { loadSodium } from '../crypto/sodium';
import { encodeHeader } from './header';
import {
  changePassphrase,
  type CreatedVault,
  regenerateRecoveryKey,
  removeKeySlot,
  renameVault,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from './key-slots';
import { isVaultError } from './vault-error';

const passphrase = 'correct horse battery staple';
let vault: CreatedVault;

beforeAll(async () => {
  await loadSodium();
  vault = await buildVault(passphrase);
});

async function failureCode(open: () => Promise<unknown>): Promise<string> {
  try {
    await open();
    return 'opened';
  } catch (error) {
    return isVaultError(error) ? error.code : String(error);
  }
}

describe('key slots', () => {
  it('the passphrase opens the vault and yields its data key', async () => {
    const unlocked = await unlockWithPassphrase(vault.headerBytes, passphrase, countingKdf());
    expect(unlocked.dataKey).toEqual(vault.dataKey);
  });

  it('the recovery key opens the vault too', () => {
    expect(unlockWithRecoveryKey(vault.headerBytes, vault.recoveryKey).dataKey).toEqual(
      vault.dataKey,
    );
    expect(
      unlockWithRecoveryKey(vault.headerBytes, vault.recoveryKey.toLowerCase()).dataKey,
    ).toEqual(vault.dataKey);
  });

  it('a wrong passphrase or recovery key is refused with its own message', async () => {
    expect(
      await failureCode(() =>
        unlockWithPassphrase(vault.headerBytes, 'not the passphrase', countingKdf()),
      ),
    ).toBe('WRONG_PASSPHRASE');
    const other = await buildVault('another passphrase entirely');
    expect(
      await failureCode(async () => unlockWithRecoveryKey(vault.headerBytes, other.recoveryKey)),
    ).toBe('WRONG_RECOVERY_KEY');
    expect(
      await failureCode(async () => unlockWithRecoveryKey(vault.headerBytes, 'nonsense')),
    ).toBe('WRONG_RECOVERY_KEY');
  });

  it('removing one slot leaves the other working', async () => {
    const unlocked = await unlockWithPassphrase(vault.headerBytes, passphrase, countingKdf());
    const withoutRecovery = removeKeySlot(unlocked, 1);
    expect(
      (await unlockWithPassphrase(withoutRecovery, passphrase, countingKdf())).dataKey,
    ).toEqual(vault.dataKey);
    expect(
      await failureCode(async () => unlockWithRecoveryKey(withoutRecovery, vault.recoveryKey)),
    ).toBe('WRONG_RECOVERY_KEY');

    const withoutPassphrase = removeKeySlot(unlocked, 0);
    expect(unlockWithRecoveryKey(withoutPassphrase, vault.recoveryKey).dataKey).toEqual(
      vault.dataKey,
    );
    expect(
      await failureCode(() => unlockWithPassphrase(withoutPassphrase, passphrase, countingKdf())),
    ).toBe('WRONG_PASSPHRASE');
  });

  it('never runs the KDF for a header below the floor', async () => {
    const kdf = countingKdf();
    const weakened = encodeHeader({
      ...vault.header,
      slots: vault.header.slots.map((slot) =>
        slot.kind === 'passphrase' ? { ...slot, opsLimit: 1 } : slot,
      ),
    });
    expect(await failureCode(() => unlockWithPassphrase(weakened, passphrase, kdf))).toBe(
      'KDF_BELOW_FLOOR',
    );
    expect(kdf.calls).toBe(0);
  });

  it('notices a header edited with a recomputed checksum (renamed, or a slot dropped)', async () => {
    const renamed = encodeHeader({ ...vault.header, name: 'Someone else’s vault' });
    expect(await failureCode(() => unlockWithPassphrase(renamed, passphrase, countingKdf()))).toBe(
      'HEADER_TAMPERED',
    );
    const slotDropped = encodeHeader({ ...vault.header, slots: vault.header.slots.slice(0, 1) });
    expect(
      await failureCode(() => unlockWithPassphrase(slotDropped, passphrase, countingKdf())),
    ).toBe('HEADER_TAMPERED');
  });

  it('a slot moved into another vault does not open it', async () => {
    const other = await buildVault(passphrase);
    const [passphraseSlot] = vault.header.slots;
    const [, recoverySlot] = other.header.slots;
    if (!passphraseSlot || !recoverySlot) throw new Error('fixture vaults have two slots');
    const transplanted = encodeHeader({ ...other.header, slots: [passphraseSlot, recoverySlot] });
    expect(
      await failureCode(() => unlockWithPassphrase(transplanted, passphrase, countingKdf())),
    ).toBe('WRONG_PASSPHRASE');
  });
});

describe('changing keys', () => {
  it('a new passphrase opens the same data key and the old one stops working', async () => {
    const unlocked = await unlockWithPassphrase(vault.headerBytes, passphrase, countingKdf());
    const changed = await changePassphrase(
      unlocked,
      'a brand new passphrase 2026',
      floorKdfParams,
      countingKdf(),
    );
    expect(
      (
        await unlockWithPassphrase(
          changed.headerBytes,
          'a brand new passphrase 2026',
          countingKdf(),
        )
      ).dataKey,
    ).toEqual(vault.dataKey);
    expect(
      await failureCode(() => unlockWithPassphrase(changed.headerBytes, passphrase, countingKdf())),
    ).toBe('WRONG_PASSPHRASE');
    expect(unlockWithRecoveryKey(changed.headerBytes, vault.recoveryKey).dataKey).toEqual(
      vault.dataKey,
    );
  });

  it('a regenerated recovery key replaces the old one', async () => {
    const unlocked = await unlockWithPassphrase(vault.headerBytes, passphrase, countingKdf());
    const regenerated = regenerateRecoveryKey(unlocked);
    expect(regenerated.recoveryKey).not.toBe(vault.recoveryKey);
    expect(unlockWithRecoveryKey(regenerated.headerBytes, regenerated.recoveryKey).dataKey).toEqual(
      vault.dataKey,
    );
    expect(
      await failureCode(async () =>
        unlockWithRecoveryKey(regenerated.headerBytes, vault.recoveryKey),
      ),
    ).toBe('WRONG_RECOVERY_KEY');
    expect(regenerated.header.slots.map((slot) => slot.kind)).toEqual(['passphrase', 'recovery']);
  });

  it('a renamed vault keeps its keys', async () => {
    const unlocked = await unlockWithPassphrase(vault.headerBytes, passphrase, countingKdf());
    const renamed = renameVault(unlocked, 'Clinic');
    const reopened = await unlockWithPassphrase(renamed.headerBytes, passphrase, countingKdf());
    expect(reopened.header.name).toBe('Clinic');
  });
});
