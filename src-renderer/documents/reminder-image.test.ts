import { describe, expect, it } from 'vitest';
import { pngChunks } from '../../tests/support/reminder-image-page';
import { withoutPngMetadata } from './reminder-image';

/**
 * The PNG clean-up of the reminder images, on PNGs built chunk by chunk. (The drawing itself is
 * tested in Chromium: tests/e2e/reminder-images.spec.ts.)
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** CRC-32 as PNG uses it (ISO 3309), bit by bit: the chunks below are valid PNG. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data and its CRC. */
function chunk(type: string, data: Uint8Array | string): Uint8Array {
  const body = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

const ihdr = chunk('IHDR', new Uint8Array([0, 0, 0, 2, 0, 0, 0, 3, 8, 2, 0, 0, 0]));
const srgb = chunk('sRGB', new Uint8Array([0]));
const idat = chunk('IDAT', new Uint8Array([120, 156, 99, 0, 0, 0, 1, 0, 1]));
const iend = chunk('IEND', new Uint8Array());

describe('withoutPngMetadata', () => {
  it('drops text, time and Exif chunks and keeps every other chunk byte for byte', () => {
    const png = concat(
      new Uint8Array(SIGNATURE),
      ihdr,
      chunk('tEXt', 'Comment\0Walk with Jonas Ødegård'),
      srgb,
      chunk('iTXt', 'Title\0\0\0en\0\0Therapy homework'),
      chunk('zTXt', 'Author\0\0xx'),
      chunk('tIME', new Uint8Array([7, 233, 3, 4, 10, 0, 0])),
      chunk('eXIf', 'MM\0*'),
      idat,
      iend,
    );
    const cleaned = withoutPngMetadata(png);
    expect(pngChunks(cleaned).map((entry) => entry.type)).toEqual(['IHDR', 'sRGB', 'IDAT', 'IEND']);
    expect([...cleaned]).toEqual([...concat(new Uint8Array(SIGNATURE), ihdr, srgb, idat, iend)]);
    expect(new TextDecoder('latin1').decode(cleaned)).not.toMatch(/Jonas|Therapy/);
  });

  it('leaves a PNG without metadata as it was', () => {
    const png = concat(new Uint8Array(SIGNATURE), ihdr, idat, iend);
    expect([...withoutPngMetadata(png)]).toEqual([...png]);
  });

  it('refuses what is not a PNG, or a chunk that runs past the end', () => {
    expect(() => withoutPngMetadata(new TextEncoder().encode('GIF89a……'))).toThrow(/Not a PNG/);
    const cut = concat(new Uint8Array(SIGNATURE), ihdr, idat).subarray(0, 8 + ihdr.length + 10);
    expect(() => withoutPngMetadata(cut)).toThrow(/past the end/);
  });
});
