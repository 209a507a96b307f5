import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableBase64Codecs, fromBase64, isBase64, toBase64 } from './bytes';

const codecs = availableBase64Codecs();

describe('bytes carried as base64', () => {
  it('reads back any bytes it wrote, whichever way the runtime does it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const texts = codecs.map((codec) => codec.encode(bytes));
        expect(new Set(texts).size).toBe(1);
        for (const codec of codecs) expect(codec.decode(texts[0] ?? '')).toEqual(bytes);
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses text that is not exactly standard padded base64, the same way everywhere', () => {
    const refused = [
      'Q',
      'QQ=',
      'Q===',
      'QQ==QUJD',
      'QU JD',
      'QUJD\n',
      'QU-_',
      'QR==',
      'QUJ=',
      '====',
      'A===',
    ];
    for (const text of refused) {
      for (const codec of codecs) expect(codec.decode(text), text).toBeNull();
      expect(isBase64(text), text).toBe(false);
      expect(() => fromBase64(text)).toThrow('not base64 text');
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const answers = codecs.map((codec) => codec.decode(text)?.join(',') ?? null);
        expect(new Set(answers).size).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a backup chunk’s worth (4 MiB) back exactly', () => {
    const bytes = new Uint8Array(4 * 1024 * 1024);
    for (let index = 0; index < bytes.length; index++) bytes[index] = index * 31;
    const text = toBase64(bytes);
    expect(isBase64(text)).toBe(true);
    const back = fromBase64(text);
    expect(back.length).toBe(bytes.length);
    expect(back.every((byte, index) => byte === bytes[index])).toBe(true);
    expect(isBase64(`${text}!`)).toBe(false);
  });
});
