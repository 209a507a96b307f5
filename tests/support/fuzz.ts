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

/**
 * Positions are fractions of the length, so one mutation fits any input. They are made from an
 * integer: fc.double picks uniformly among doubles, nearly all of which are tiny, so its
 * fractions almost always meant "the very start".
 */
const POSITION_STEPS = 2 ** 32;
const position = fc.nat({ max: POSITION_STEPS - 1 }).map((step) => step / POSITION_STEPS);

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

/** The keys and indexes that lead to a value inside a JSON document. */
type JsonPath = (string | number)[];

/** Every value inside `value` (itself included, as the empty path), parents before children. */
function jsonPathsIn(value: unknown, path: JsonPath = []): JsonPath[] {
  if (typeof value !== 'object' || value === null) return [path];
  const children = Array.isArray(value)
    ? value.map((inner, index) => jsonPathsIn(inner, [...path, index]))
    : Object.entries(value).map(([key, inner]) => jsonPathsIn(inner, [...path, key]));
  return [path, ...children.flat()];
}

/**
 * Sets an own property, even one named `__proto__`: what JSON.parse makes of such a key, and
 * what a plain assignment would instead take as the object's prototype.
 */
function setOwn(container: object, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Any one character but `/` and `\\`, or one of the hidden controls text rules refuse. */
const textCharacter = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => !/[/\\]/.test(c)),
  fc.constantFrom('\u0000', '\n', '\u202E', '\u2066', '\uFEFF', '\uD800'),
);

/**
 * What may wrongly stand where a value was: another type, an empty or oversized value, or
 * nonsense. Strings have no `/` or `\`, so a message quoting one never looks like a path.
 */
export const strangeJson: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(null, '', ' ', 0, -1, 1.5, 1e21, true, [], {}, '\u202E'),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2, stringUnit: textCharacter }) },
  fc.constantFrom<unknown>(
    'x'.repeat(10_000),
    Array.from({ length: 2000 }, () => 0),
  ),
);

/** Keys a hostile file might add: ones that reach prototypes, and any other. */
const strangeKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', ''),
  fc.string({ unit: textCharacter, maxLength: 12 }),
);

/**
 * Where inside a JSON document, as a fraction of all its values: unbiased, as fast-check's
 * leaning towards small integers would pick the first key again and again.
 */
const jsonPosition = fc.noBias(position);

/** One change inside a JSON document. */
const jsonMutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: jsonPosition, value: strangeJson }),
  fc.record({ kind: fc.constant('remove' as const), at: jsonPosition }),
  fc.record({
    kind: fc.constant('add' as const),
    at: jsonPosition,
    key: strangeKey,
    value: strangeJson,
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: jsonPosition,
    times: fc.integer({ min: 1, max: 3 }),
  }),
);

type JsonMutation = typeof jsonMutation extends fc.Arbitrary<infer M> ? M : never;

/** The container that holds `path`'s value, and its key there (none for the root). */
function parentOf(root: unknown, path: JsonPath): { parent: object; key: string | number } | null {
  if (path.length === 0) return null;
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  return { parent, key: path[path.length - 1] as string | number };
}

function applyJsonMutation(root: unknown, m: JsonMutation): unknown {
  // A fresh copy of the new value: the constant `[]`s and `{}`s are shared between samples,
  // and one changed later in place must change neither the other samples nor itself.
  if ('value' in m) m = { ...m, value: structuredClone(m.value) };
  // Values inside the document only: replacing it whole is what random JSON does anyway.
  const paths = jsonPathsIn(root).slice(1);
  const path = paths[Math.floor(m.at * paths.length)];
  const place = path && parentOf(root, path);
  if (!path || !place) return m.kind === 'replace' ? m.value : root;
  const target = (place.parent as Record<string | number, unknown>)[place.key];
  switch (m.kind) {
    case 'replace':
      setOwn(place.parent, place.key, m.value);
      return root;
    case 'remove':
      if (Array.isArray(place.parent)) place.parent.splice(Number(place.key), 1);
      else Reflect.deleteProperty(place.parent, place.key);
      return root;
    case 'add': {
      // Into the value itself if it is a container, else beside it.
      const container = typeof target === 'object' && target !== null ? target : place.parent;
      if (Array.isArray(container)) container.push(m.value);
      else setOwn(container, m.key, m.value);
      return root;
    }
    case 'repeat': {
      // The array element that holds the value repeated: a list over its limit, a duplicate.
      for (let depth = path.length; depth > 0; depth--) {
        const element = parentOf(root, path.slice(0, depth));
        const list = element?.parent;
        if (!Array.isArray(list)) continue;
        const index = Number(element?.key);
        list.splice(
          index,
          0,
          ...Array.from({ length: m.times }, () => structuredClone(list[index])),
        );
        return root;
      }
      return root;
    }
  }
}

/**
 * `valid` (a JSON value) with one to four changes inside it: a value replaced by another type
 * or nonsense, removed, repeated, or a key added (`__proto__` among them) — what a hand edit or
 * a hostile tool does to a JSON file that still parses. `valid` itself is never changed.
 */
export function mutatedJson(valid: unknown): fc.Arbitrary<unknown> {
  return fc
    .array(jsonMutation, { minLength: 1, maxLength: 4 })
    .map((mutations) => mutations.reduce(applyJsonMutation, structuredClone(valid)));
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
