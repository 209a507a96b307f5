import type { FileHandle } from 'node:fs/promises';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensurePrivateDir, writeFileAtomic } from './atomic-file';

/**
 * A switch for making the next temp-file write run out of disk space after `afterBytes` bytes,
 * to see what a write that fails part-way leaves behind. Off unless a test turns it on.
 */
const diskFull = vi.hoisted(() => ({ afterBytes: undefined as number | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>): Promise<FileHandle> => {
      const handle = await actual.open(...args);
      const limit = diskFull.afterBytes;
      if (limit === undefined || !String(args[0]).endsWith('.tmp')) return handle;
      const failing = {
        writeFile: async (data: Uint8Array) => {
          await handle.write(data.subarray(0, limit));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
            code: 'ENOSPC',
          });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
      return failing as unknown as FileHandle;
    },
  };
});

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bridgework-atomic-'));
  diskFull.afterBytes = undefined;
});

afterEach(async () => {
  diskFull.afterBytes = undefined;
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

// Windows has no owner-only permission bits to check.
const onWindows = process.platform === 'win32';
// root ignores folder permissions, so a read-only folder cannot make a write fail there.
const runningAsRoot = process.getuid?.() === 0;

const bytes = (...values: number[]) => new Uint8Array(values);
const leftoverTempFiles = async (folder: string) =>
  (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

describe('writing a file atomically', () => {
  it('writes exactly the given bytes', async () => {
    const target = join(dir, 'header.bwvh');
    await writeFileAtomic(target, bytes(1, 2, 3, 250));
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3, 250));
    expect(await readdir(dir)).toEqual(['header.bwvh']);
  });

  it.skipIf(onWindows)(
    'makes the file readable and writable by its owner only (0600)',
    async () => {
      const target = join(dir, 'header.bwvh');
      await writeFileAtomic(target, bytes(1));
      expect((await stat(target)).mode & 0o777).toBe(0o600);
    },
  );

  it.skipIf(onWindows)('makes a world-readable file owner-only when it rewrites it', async () => {
    const target = join(dir, 'header.bwvh');
    await writeFile(target, 'old', { mode: 0o644 });
    await chmod(target, 0o644);
    await writeFileAtomic(target, bytes(9));
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('replaces the whole content when overwriting, leaving no tail of a longer old file', async () => {
    const target = join(dir, 'header.bwvh');
    await writeFileAtomic(target, new Uint8Array(4096).fill(7));
    await writeFileAtomic(target, bytes(1, 2, 3));
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3));
    expect(await leftoverTempFiles(dir)).toEqual([]);
  });

  it('writes an empty file when given no bytes', async () => {
    const target = join(dir, 'empty');
    await writeFileAtomic(target, new Uint8Array(0));
    expect((await readFile(target)).length).toBe(0);
  });

  it('leaves one whole version, never a mix, when two writes race', async () => {
    const target = join(dir, 'header.bwvh');
    const a = new Uint8Array(256 * 1024).fill(0xaa);
    const b = new Uint8Array(256 * 1024).fill(0xbb);
    await Promise.all([writeFileAtomic(target, a), writeFileAtomic(target, b)]);
    const result = new Uint8Array(await readFile(target));
    expect([a, b]).toContainEqual(result);
    expect(await leftoverTempFiles(dir)).toEqual([]);
  });

  it('keeps what was there and removes its temp file when the file cannot be put in place', async () => {
    // A non-empty folder where the file should go: the temp file is written, the rename fails.
    const target = join(dir, 'header.bwvh');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'previous content');

    await expect(writeFileAtomic(target, bytes(1, 2, 3))).rejects.toThrow();

    expect((await stat(target)).isDirectory()).toBe(true);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('previous content');
    expect(await leftoverTempFiles(dir)).toEqual([]);
    expect(await readdir(dir)).toEqual(['header.bwvh']);
  });

  it('keeps the old file and removes the half-written temp file when the disk fills up', async () => {
    const target = join(dir, 'header.bwvh');
    await writeFileAtomic(target, bytes(1, 2, 3, 4));
    diskFull.afterBytes = 2;

    await expect(writeFileAtomic(target, new Uint8Array(64).fill(9))).rejects.toMatchObject({
      code: 'ENOSPC',
    });

    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3, 4));
    expect(await readdir(dir)).toEqual(['header.bwvh']);
  });

  it.skipIf(onWindows || runningAsRoot)(
    'keeps the old file and leaves nothing behind when the folder is read-only',
    async () => {
      const folder = join(dir, 'locked');
      await mkdir(folder);
      const target = join(folder, 'header.bwvh');
      await writeFileAtomic(target, bytes(1, 2, 3));
      await chmod(folder, 0o500);
      try {
        await expect(writeFileAtomic(target, bytes(4, 5, 6))).rejects.toMatchObject({
          code: 'EACCES',
        });
        expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3));
        expect(await readdir(folder)).toEqual(['header.bwvh']);
      } finally {
        await chmod(folder, 0o700);
      }
    },
  );

  it('in exclusive mode, creates a new file but never replaces an existing one', async () => {
    const target = join(dir, 'header.bwvh');
    await writeFileAtomic(target, bytes(1, 2, 3), { exclusive: true });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3));

    await expect(
      writeFileAtomic(target, bytes(4, 5, 6), { exclusive: true }),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3));
    expect(await readdir(dir)).toEqual(['header.bwvh']);
  });

  it.skipIf(onWindows)('in exclusive mode, the new file is owner-only (0600)', async () => {
    const target = join(dir, 'header.bwvh');
    await writeFileAtomic(target, bytes(1), { exclusive: true });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('in exclusive mode, lets exactly one of two racing writers create the file', async () => {
    const target = join(dir, 'header.bwvh');
    const results = await Promise.allSettled([
      writeFileAtomic(target, bytes(1), { exclusive: true }),
      writeFileAtomic(target, bytes(2), { exclusive: true }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const winner = results[0]?.status === 'fulfilled' ? bytes(1) : bytes(2);
    expect(new Uint8Array(await readFile(target))).toEqual(winner);
    expect(await readdir(dir)).toEqual(['header.bwvh']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'file'), bytes(1))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('private folders', () => {
  it.skipIf(onWindows)('creates nested folders readable only by their owner (0700)', async () => {
    const nested = join(dir, 'a', 'b', 'c');
    await ensurePrivateDir(nested);
    for (const folder of [join(dir, 'a'), join(dir, 'a', 'b'), nested]) {
      const info = await stat(folder);
      expect(info.isDirectory()).toBe(true);
      expect(info.mode & 0o777).toBe(0o700);
    }
  });

  it.skipIf(onWindows)('tightens an existing folder that others could read', async () => {
    const folder = join(dir, 'vaults');
    await mkdir(folder, { mode: 0o755 });
    await chmod(folder, 0o755);
    await ensurePrivateDir(folder);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
  });

  it('leaves the contents of an existing folder alone', async () => {
    const folder = join(dir, 'vaults');
    await mkdir(folder);
    await writeFile(join(folder, 'keep.txt'), 'kept');
    await ensurePrivateDir(folder);
    await ensurePrivateDir(folder);
    expect(await readFile(join(folder, 'keep.txt'), 'utf8')).toBe('kept');
  });
});
