import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium';
import { DEMO_VAULT_NAME, isDemoVaultName, newDemoPassphrase } from './demo-vault';

beforeAll(() => loadSodium());

describe('the demo vault', () => {
  it('is told apart by its name, however it is spaced or capitalised', () => {
    expect(isDemoVaultName(DEMO_VAULT_NAME)).toBe(true);
    expect(isDemoVaultName(`  ${DEMO_VAULT_NAME.toUpperCase()} `)).toBe(true);
    expect(isDemoVaultName('My practice')).toBe(false);
    expect(isDemoVaultName('Demo practice')).toBe(false);
  });

  it('gets a new six-word passphrase each time', () => {
    const first = newDemoPassphrase();
    expect(first.split(' ')).toHaveLength(6);
    expect(first).toMatch(/^[a-z]+( [a-z]+){5}$/);
    const many = new Set(Array.from({ length: 50 }, newDemoPassphrase));
    expect(many.size).toBe(50);
  });
});
