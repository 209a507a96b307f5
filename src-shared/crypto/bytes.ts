/** Small byte helpers shared by the vault formats. All multi-byte integers are little-endian. */

const utf8Encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF, so decoding then encoding gives back the same bytes.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** The string of UTF-8 bytes; throws on invalid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

/** Joins byte arrays into one new array. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes of a lower- or upper-case hex string of even length; throws otherwise. */
export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error('not a hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Base64 the way this runtime does it fastest. Bytes cross IPC as base64, a backup of a busy
 * practice is over 100 MB, and the portable way (`btoa` over a string of char codes, a regular
 * expression to check) took most of a backup's and a restore's time. Chromium (the renderer)
 * has `Uint8Array.prototype.toBase64` and `Uint8Array.fromBase64`; Node (main) has Buffer.
 */
type Base64Codec = {
  encode: (bytes: Uint8Array) => string;
  /** The bytes of standard padded base64 text (canonical: unused bits zero), or null. */
  decode: (text: string) => Uint8Array | null;
};

type NativeUint8Array = {
  fromBase64?: (text: string, options: { lastChunkHandling: 'strict' }) => Uint8Array;
  prototype: { toBase64?: (this: Uint8Array) => string };
};
type NodeBuffer = {
  from(bytes: ArrayBufferLike, offset: number, length: number): { toString(enc: 'base64'): string };
  from(text: string, encoding: 'base64'): Uint8Array & { toString(enc: 'base64'): string };
};

/** How many bytes padded base64 text of this length and padding holds. */
function decodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** Chromium's own base64 (strict: whitespace makes the length come out short). */
function nativeCodec(
  toBase64: (this: Uint8Array) => string,
  fromBase64: NonNullable<NativeUint8Array['fromBase64']>,
): Base64Codec {
  return {
    encode: (bytes) => toBase64.call(bytes),
    decode(text) {
      if (text.length % 4 !== 0) return null;
      try {
        const bytes = fromBase64(text, { lastChunkHandling: 'strict' });
        return bytes.length === decodedLength(text) ? bytes : null;
      } catch {
        return null;
      }
    },
  };
}

/** Node's Buffer; its decoder skips what it does not know, so the text must encode back the same. */
function bufferCodec(buffer: NodeBuffer): Base64Codec {
  return {
    encode: (bytes) =>
      buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    decode(text) {
      if (text.length % 4 !== 0) return null;
      const decoded = buffer.from(text, 'base64');
      if (decoded.toString('base64') !== text) return null;
      return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
    },
  };
}

/** Anywhere else: `btoa` and `atob`, checked against the alphabet and encoded back. */
const portableCodec: Base64Codec = {
  encode(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  },
  decode(text) {
    if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return portableCodec.encode(out) === text ? out : null;
  },
};

/** The codecs this runtime offers, fastest first (tests check that they agree). */
export function availableBase64Codecs(): Base64Codec[] {
  const native = Uint8Array as unknown as NativeUint8Array;
  const buffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  return [
    ...(native.fromBase64 && native.prototype.toBase64
      ? [nativeCodec(native.prototype.toBase64, native.fromBase64.bind(Uint8Array))]
      : []),
    ...(buffer ? [bufferCodec(buffer)] : []),
    portableCodec,
  ];
}

const base64 = availableBase64Codecs()[0] ?? portableCodec;

/** Standard base64 (with padding) of bytes; used to carry bytes across IPC as JSON-safe text. */
export function toBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

/** Whether text is standard padded base64 (canonical), as `toBase64` writes it. */
export function isBase64(text: string): boolean {
  return base64.decode(text) !== null;
}

/** Bytes of standard base64 text; throws on anything else. */
export function fromBase64(text: string): Uint8Array {
  const bytes = base64.decode(text);
  if (!bytes) throw new Error('not base64 text');
  return bytes;
}
