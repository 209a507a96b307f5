import fc from 'fast-check';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  expectNoPath,
  expectTypedOutcome,
  mutatedBytes,
  mutatedJson,
  oneByteChanged,
} from './fuzz';

/** The fuzz helpers themselves: a check that could never fail would make every fuzz test hollow. */

class KnownError extends Error {}
const isKnown = (error: unknown): error is KnownError => error instanceof KnownError;

const valid = Uint8Array.from({ length: 200 }, (_, i) => i);

describe('fuzz helpers', () => {
  it('mutate valid bytes into something else nearly every time', () => {
    const samples = fc.sample(mutatedBytes(valid), 200);
    const changed = samples.filter(
      (bytes) => bytes.length !== valid.length || bytes.some((b, i) => b !== valid[i]),
    );
    expect(changed.length).toBeGreaterThan(180);
    expect(samples.some((bytes) => bytes.length < valid.length)).toBe(true);
    expect(samples.some((bytes) => bytes.length > valid.length)).toBe(true);
    // Anywhere in the input, not only at its start: a change in the second half, often.
    const laterHalf = samples.filter(
      (bytes) =>
        bytes.length > 100 && bytes.subarray(100, 200).some((b, i) => b !== valid[100 + i]),
    );
    expect(laterHalf.length).toBeGreaterThan(60);
  });

  it('change a JSON document inside nearly every time, deep down too, leaving the original alone', () => {
    const document = { format: 'x', items: [{ name: 'a', tags: ['b', 'c'] }, { name: 'd' }] };
    const original = JSON.stringify(document);
    const samples = fc.sample(mutatedJson(document), 300).map((value) => JSON.stringify(value));
    expect(JSON.stringify(document)).toBe(original);
    expect(samples.filter((text) => text !== original).length).toBeGreaterThan(250);
    // Deep inside too (the first item's tags), not only at the top, and often.
    expect(samples.filter((text) => !text.includes('"tags":["b","c"]')).length).toBeGreaterThan(30);
    // A `__proto__` key as JSON.parse would make it: an own key that survives as text.
    expect(samples.some((text) => text.includes('"__proto__":'))).toBe(true);
  });

  it('change exactly one byte when asked to', () => {
    for (const bytes of fc.sample(oneByteChanged(valid), 100)) {
      expect(bytes.length).toBe(valid.length);
      expect(bytes.filter((b, i) => b !== valid[i])).toHaveLength(1);
    }
  });

  it('catch a message naming an absolute path or the temp folder', () => {
    for (const message of [
      'could not open /home/alice/vault.bwvault',
      'ENOENT: no such file, open "/var/lib/x"',
      `failed in ${tmpdir()}`,
      'C:\\Users\\alice\\backup.bwvault is missing',
    ]) {
      expect(() => expectNoPath(message), message).toThrow();
    }
  });

  it('let a sentence with slashes that are not paths through', () => {
    for (const message of [
      'This record is damaged and can’t be read. (clients/AAAAAAAAAAAAAAAAAAAAAA: not JSON)',
      'Mood 7/10, and/or 3/4 of the days',
      'vaultId: not a vault id',
    ]) {
      expect(() => expectNoPath(message), message).not.toThrow();
    }
  });

  it('accept a typed error, and fail on any other', () => {
    expect(
      expectTypedOutcome(() => {
        throw new KnownError('refused');
      }, isKnown),
    ).toBeUndefined();
    expect(expectTypedOutcome(() => 7, isKnown)).toBe(7);
    expect(() =>
      expectTypedOutcome(() => {
        throw new TypeError('x is undefined');
      }, isKnown),
    ).toThrow(/untyped/);
    expect(() =>
      expectTypedOutcome(() => {
        throw new KnownError('cannot read /home/alice/file');
      }, isKnown),
    ).toThrow();
  });
});
