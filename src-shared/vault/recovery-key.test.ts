import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from './recovery-key';

beforeAll(() => loadSodium());

describe('recovery key', () => {
  it('is shown as eight groups of four unambiguous characters', () => {
    const { text } = generateRecoveryKey();
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('reads back what it shows, forgiving case, spaces and look-alike letters', () => {
    const { bytes, text } = generateRecoveryKey();
    expect(parseRecoveryKey(text)).toEqual(bytes);
    expect(parseRecoveryKey(` ${text.toLowerCase().replace(/-/g, ' ')} `)).toEqual(bytes);
    const zeros = formatRecoveryKey(new Uint8Array(20));
    expect(parseRecoveryKey(zeros.replace(/0/g, 'O'))).toEqual(new Uint8Array(20));
  });

  it('rejects text of the wrong length or with foreign characters', () => {
    expect(parseRecoveryKey('')).toBeNull();
    expect(parseRecoveryKey('ABCD-EFGH')).toBeNull();
    expect(parseRecoveryKey('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU')).toBeNull();
  });
});
