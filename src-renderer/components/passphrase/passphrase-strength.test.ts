import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH } from './passphrase-rules';
import { ratePassphrase } from './passphrase-strength';

describe('passphrase strength', () => {
  it('asks for at least 12 characters', () => {
    const rating = ratePassphrase('Xk9#pL2!');
    expect(rating.acceptable).toBe(false);
    expect(rating.advice).toContain(`at least ${MIN_PASSPHRASE_LENGTH} characters`);
  });

  it('refuses long but guessable passphrases', () => {
    expect(ratePassphrase('password1234').acceptable).toBe(false);
    expect(ratePassphrase('aaaaaaaaaaaaaaaa').acceptable).toBe(false);
  });

  it('counts the vault name as guessable', () => {
    expect(ratePassphrase('Private practice', ['Private practice']).acceptable).toBe(false);
  });

  it('accepts a few unrelated words', () => {
    const rating = ratePassphrase('quiet harbour lantern 42 maple');
    expect(rating.acceptable).toBe(true);
    expect(rating.score).toBeGreaterThanOrEqual(3);
  });
});
