import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clientDayShift,
  clientPseudonym,
  MAX_DAY_SHIFT,
  PSEUDONYM_PREFIX,
  PSEUDONYM_SECRET_BYTES,
} from './pseudonyms';
import { loadSodium } from './sodium';

beforeAll(() => loadSodium());

const RUNS = { numRuns: 150 };
const secret = new Uint8Array(PSEUDONYM_SECRET_BYTES).fill(7);
const otherSecret = new Uint8Array(PSEUDONYM_SECRET_BYTES).fill(8);
const clientIdArb = fc.stringMatching(/^[A-Za-z0-9_-]{22}$/);
const secretArb = fc.uint8Array({
  minLength: PSEUDONYM_SECRET_BYTES,
  maxLength: PSEUDONYM_SECRET_BYTES,
});

/** A client's name as typed: letters of any script, spaces, hyphens and apostrophes, no digits. */
const nameArb = fc
  .array(fc.constantFrom(..."AaBbEeIiJjKkLlMmNnOoQqRrSsTtXxZzÅåØøŁłŻżЖжΝν -'"), {
    minLength: 4,
    maxLength: 30,
  })
  .map((chars) => chars.join(''));

/** Every run of `length` characters in a text. */
const runsOf = (text: string, length: number) =>
  Array.from({ length: Math.max(0, text.length - length + 1) }, (_, at) =>
    text.slice(at, at + length),
  );

describe('a client’s pseudonym', () => {
  it('reads "Client-" then letters and digits in turn, no I or O', () => {
    expect(clientPseudonym(secret, 'C'.repeat(22))).toMatch(/^Client-(?:[A-HJ-NP-Z][0-9]){4}$/);
  });

  it('is the same every time for the same client and secret, and differs with the secret', () => {
    fc.assert(
      fc.property(secretArb, clientIdArb, (key, clientId) => {
        expect(clientPseudonym(key, clientId)).toBe(clientPseudonym(key, clientId));
        expect(clientDayShift(key, clientId)).toBe(clientDayShift(key, clientId));
      }),
      RUNS,
    );
    expect(clientPseudonym(secret, 'C'.repeat(22))).not.toBe(
      clientPseudonym(otherSecret, 'C'.repeat(22)),
    );
  });

  it('differs between clients', () => {
    fc.assert(
      fc.property(
        secretArb,
        fc.uniqueArray(clientIdArb, { minLength: 50, maxLength: 50 }),
        (key, clientIds) => {
          const pseudonyms = new Set(clientIds.map((clientId) => clientPseudonym(key, clientId)));
          expect(pseudonyms.size).toBe(clientIds.length);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('carries no run of four characters of any name (it is made from the id alone)', () => {
    fc.assert(
      fc.property(secretArb, clientIdArb, nameArb, (key, clientId, name) => {
        const pseudonym = clientPseudonym(key, clientId);
        // The prefix is the same fixed text for everyone (a name like "Vincent-Lien" shares a
        // run with it by chance, revealing nothing); the code after it is what could leak.
        const code = pseudonym.slice(PSEUDONYM_PREFIX.length);
        expect(pseudonym.startsWith(PSEUDONYM_PREFIX)).toBe(true);
        for (const run of runsOf(name.toLowerCase(), 4)) {
          expect(code.toLowerCase()).not.toContain(run);
        }
      }),
      RUNS,
    );
  });

  it('refuses a secret of the wrong size', () => {
    expect(() => clientPseudonym(new Uint8Array(16), 'C'.repeat(22))).toThrow(/32 bytes/);
    expect(() => clientDayShift(new Uint8Array(0), 'C'.repeat(22))).toThrow(/32 bytes/);
  });
});

describe('a client’s day shift', () => {
  it('moves dates at most 30 days either way, and never by 0', () => {
    fc.assert(
      fc.property(secretArb, clientIdArb, (key, clientId) => {
        const shift = clientDayShift(key, clientId);
        expect(Number.isInteger(shift)).toBe(true);
        expect(Math.abs(shift)).toBeGreaterThanOrEqual(1);
        expect(Math.abs(shift)).toBeLessThanOrEqual(MAX_DAY_SHIFT);
      }),
      RUNS,
    );
  });

  it('uses both directions across clients', () => {
    const shifts = Array.from({ length: 60 }, (_, index) =>
      clientDayShift(secret, String(index).padStart(22, 'C')),
    );
    expect(shifts.some((shift) => shift < 0)).toBe(true);
    expect(shifts.some((shift) => shift > 0)).toBe(true);
  });
});
