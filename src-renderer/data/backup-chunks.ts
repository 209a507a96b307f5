import { concatBytes } from '../../src-shared/crypto/bytes';

/** Bytes sent to or read from the main process per call (main refuses a chunk over 4 MiB). */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Collects bytes and hands them to `send` in chunks of at most CHUNK_BYTES, in order. One
 * batch of records can be far larger than a chunk (2,000 insight summaries of a busy practice
 * are several MiB), so what is collected is cut, never sent whole.
 */
export function chunkSender(send: (chunk: Uint8Array) => Promise<void>) {
  let pending: Uint8Array[] = [];
  let size = 0;
  async function sendWhole(chunk: Uint8Array): Promise<void> {
    for (let start = 0; start < chunk.length; start += CHUNK_BYTES)
      await send(chunk.subarray(start, start + CHUNK_BYTES));
  }
  return {
    async add(bytes: Uint8Array): Promise<void> {
      pending.push(bytes);
      size += bytes.length;
      if (size < CHUNK_BYTES) return;
      const collected = concatBytes(...pending);
      const whole = collected.length - (collected.length % CHUNK_BYTES);
      pending = [collected.slice(whole)];
      size = collected.length - whole;
      await sendWhole(collected.subarray(0, whole));
    },
    /** Sends whatever is left. */
    async flush(): Promise<void> {
      if (size === 0) return;
      const rest = concatBytes(...pending);
      pending = [];
      size = 0;
      await sendWhole(rest);
    },
  };
}
