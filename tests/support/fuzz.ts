import fc from 'fast-check';
import { homedir, tmpdir } from 'node:os';
import { expect } from 'vitest';

/**
 * What the fuzz tests (`*.fuzz.test.ts`) share: byte mutations of a valid encoding, and the
 * assertion that a refusal is one of the app's own typed errors with a message that names no
 * file path. Runs are bounded per property (random seeds; fast-check prints the seed and the
 * shrunk counterexample on failure, so a failure can be replayed).
 */

/** One change to a byte string, as damage, a careless edit or a hostile tool makes it. */
type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'swap'; at: number; other: number; length: number };

/** Positions are fractions of the length, so one mutation fits any input. */
const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutationArbitrary: fc.Arbitrary<{ kind: Mutation['kind'] } & Record<string, unknown>> =
  fc.oneof(
    fc.record({ kind: fc.constant('flip'), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('set'), at: position, value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({
      kind: fc.constant('insert'),
      at: position,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
    fc.record({
      kind: fc.constant('delete'),
      at: position,
      length: fc.integer({ min: 1, max: 64 }),
    }),
    fc.record({ kind: fc.constant('truncate'), at: position }),
    fc.record({
      kind: fc.constant('duplicate'),
      at: position,
      length: fc.integer({ min: 1, max: 128 }),
    }),
    fc.record({
      kind: fc.constant('swap'),
      at: position,
      other: position,
      length: fc.integer({ min: 1, max: 256 }),
    }),
  );

function joined(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  const head = bytes.subarray(0, at);
  switch (m.kind) {
    case 'flip':
    case 'set': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      out[at] = m.kind === 'flip' ? (out[at] ?? 0) ^ (1 << m.bit) : m.value;
      return out;
    }
    case 'insert':
      return joined(head, m.bytes, bytes.subarray(at));
    case 'delete':
      return joined(head, bytes.subarray(at + m.length));
    case 'truncate':
      return bytes.slice(0, at);
    case 'duplicate':
      return joined(bytes.subarray(0, at + m.length), bytes.subarray(at));
    case 'swap': {
      // Two equal-length, non-overlapping runs trade places: a reordered chunk or record.
      const other = Math.floor(m.other * bytes.length);
      const [first, second] = at <= other ? [at, other] : [other, at];
      const length = Math.min(m.length, second - first, bytes.length - second);
      if (length <= 0) return bytes;
      const out = bytes.slice();
      out.set(bytes.subarray(second, second + length), first);
      out.set(bytes.subarray(first, first + length), second);
      return out;
    }
  }
}

/**
 * `valid` changed by one to four mutations: bits flipped, bytes set, inserted, deleted or
 * duplicated, runs swapped, or the end cut off. The result may (rarely) equal `valid`; the
 * caller decides whether that is accepted.
 */
export function mutatedBytes(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .array(mutationArbitrary, { minLength: 1, maxLength: 4 })
    .map((mutations) => mutations.reduce((bytes, m) => applyMutation(bytes, m as Mutation), valid));
}

/** `valid` with one byte changed: a change a checksum or tag must catch every time. */
export function oneByteChanged(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 1, max: 255 }))
    .map(([at, xor]) => {
      const out = valid.slice();
      out[at] = (out[at] ?? 0) ^ xor;
      return out;
    });
}

/** Random bytes, sometimes starting with `magic` so a parser gets past its first check. */
export function randomBytesAfter(magic: Uint8Array, maxLength = 512): fc.Arbitrary<Uint8Array> {
  const tail = fc.uint8Array({ maxLength });
  return fc.oneof(
    tail,
    tail.map((bytes) => joined(magic, bytes)),
  );
}

/** The temp folders and home folder, whose names must never reach a message. */
const privateFolders = [tmpdir(), homedir()].filter((folder) => folder.length > 1);

/**
 * A `/`-separated absolute path (at least two segments: `/tmp/x`, `/home/a/b`), or a Windows
 * drive path, standing on its own in text. "clients/abc", "0/10" and "and/or" are not paths.
 */
const ABSOLUTE_PATH = /(?:^|[^\w.~-])\/[\w.~-]+\/|\b[A-Za-z]:\\/;

/** Throws if `message` names a file path: an absolute path, or any of `folders`. */
export function expectNoPath(message: string, folders: readonly string[] = []): void {
  expect(message, 'a message that names a file path').not.toMatch(ABSOLUTE_PATH);
  for (const folder of [...privateFolders, ...folders]) {
    expect(message.includes(folder), `a message that names ${folder}`).toBe(false);
  }
}

/**
 * Runs `read` on untrusted input: it may succeed (then its value is returned), or throw an error
 * that `isTyped` recognises as the app's own, with a message naming no path (then undefined).
 * Anything else (a TypeError, a RangeError from a typed array, a plain Error) fails the property.
 */
export function expectTypedOutcome<T>(
  read: () => T,
  isTyped: (error: unknown) => error is Error,
  folders: readonly string[] = [],
): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!isTyped(error)) throw new Error(`an untyped error: ${String(error)}`, { cause: error });
    expectNoPath(error.message, folders);
    return undefined;
  }
}
