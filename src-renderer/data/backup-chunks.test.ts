import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src-shared/crypto/bytes';
import { CHUNK_BYTES, chunkSender } from './backup-chunks';

const bytesOf = (length: number, fill: number) => new Uint8Array(length).fill(fill);
const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, index) => byte === b[index]);

describe('a backup sent to main in chunks', () => {
  it('cuts a batch of records larger than a chunk (a busy practice) into chunks main accepts, in order', async () => {
    const sent: Uint8Array[] = [];
    const sender = chunkSender(async (chunk) => void sent.push(chunk.slice()));
    const parts = [bytesOf(100, 1), bytesOf(5 * CHUNK_BYTES + 7, 2), bytesOf(300, 3)];
    for (const part of parts) await sender.add(part);
    await sender.flush();
    expect(sent.every((chunk) => chunk.length > 0 && chunk.length <= CHUNK_BYTES)).toBe(true);
    expect(sameBytes(concatBytes(...sent), concatBytes(...parts))).toBe(true);
  });

  it('collects small pieces until a chunk is full, and sends the rest when flushed', async () => {
    const sent: number[] = [];
    const sender = chunkSender(async (chunk) => void sent.push(chunk.length));
    await sender.add(bytesOf(10, 1));
    await sender.add(bytesOf(20, 2));
    expect(sent).toEqual([]);
    await sender.flush();
    await sender.flush();
    expect(sent).toEqual([30]);
  });
});
