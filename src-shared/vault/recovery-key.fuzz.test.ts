import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_KEY_BYTES } from './recovery-key';

/**
 * The recovery key as a clinician copies it by hand: every key reads back from what was shown
 * however it is retyped (case, spaces, hyphens, O for 0, I or L for 1), and any other text is
 * either refused or read as exactly one key, the one whose characters it spells.
 */

const RUNS = { numRuns: 300 };

const keyBytes = fc.uint8Array({ minLength: RECOVERY_KEY_BYTES, maxLength: RECOVERY_KEY_BYTES });

/** The shown key retyped: any case, separators anywhere, look-alike letters for 0 and 1. */
function retyped(text: string, choices: number[]): string {
  return Array.from(text.replace(/-/g, ''))
    .map((char, at) => {
      const choice = choices[at % choices.length] ?? 0;
      const swapped =
        char === '0' && choice % 3 === 1 ? 'O' : char === '1' && choice % 3 === 2 ? 'l' : char;
      const cased = choice % 2 === 0 ? swapped.toLowerCase() : swapped;
      return choice % 5 === 0 ? `${cased} ` : choice % 7 === 0 ? `-${cased}` : cased;
    })
    .join('');
}

describe('recovery keys, fuzzed', () => {
  it('read back every key from what was shown, however it is retyped', () => {
    fc.assert(
      fc.property(
        keyBytes,
        fc.array(fc.nat(), { minLength: 1, maxLength: 32 }),
        (bytes, choices) => {
          const shown = formatRecoveryKey(bytes);
          expect(parseRecoveryKey(shown)).toEqual(bytes);
          expect(parseRecoveryKey(retyped(shown, choices))).toEqual(bytes);
        },
      ),
      RUNS,
    );
  });

  it('refuse any other text, or read it as the one key whose characters it spells', () => {
    const alphabetish = fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZabcxyzOIlLU -\t\u00a0ıß'),
      maxLength: 48,
    });
    // 32 characters a key may be typed with (its alphabet, either case, look-alikes): always a key.
    const keyLike = fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyzOoIiLlı'),
      minLength: 32,
      maxLength: 32,
    });
    const anyText = fc.oneof(alphabetish, keyLike, fc.string({ unit: 'binary', maxLength: 48 }));
    let keys = 0;
    fc.assert(
      fc.property(anyText, (text) => {
        const bytes = parseRecoveryKey(text);
        if (bytes === null) return;
        keys += 1;
        expect(bytes).toHaveLength(RECOVERY_KEY_BYTES);
        // The same key again from its own display form, which spells the text's characters by
        // the forgiving rules in the file's header: no text is read as some other key.
        expect(parseRecoveryKey(formatRecoveryKey(bytes))).toEqual(bytes);
        expect(formatRecoveryKey(bytes).replace(/-/g, '')).toBe(
          text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'),
        );
      }),
      RUNS,
    );
    expect(keys, 'texts read as a key').toBeGreaterThan(RUNS.numRuns / 10);
  });
});
