import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Creates a folder of the app's own (and its parents) readable only by the current user
 * (0700), tightening it if it exists. Only for folders inside the app's data folder: a folder
 * the clinician may have made or chosen goes through `createPrivateDirIfMissing`.
 */
export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
}

/**
 * Makes sure a folder exists. Each folder this call creates is owner-only (0700, whatever the
 * umask); a folder that already exists, and every existing parent, keeps its permissions,
 * because it may be the clinician's own (their Documents, a synced folder).
 */
export async function createPrivateDirIfMissing(path: string): Promise<void> {
  const firstCreated = await mkdir(path, { recursive: true, mode: 0o700 });
  if (firstCreated === undefined) return;
  for (let folder = path; ; folder = dirname(folder)) {
    await chmod(folder, 0o700);
    if (folder === firstCreated || dirname(folder) === folder) break;
  }
}

/** Makes renames inside a folder durable (a no-op where folders cannot be synced). */
export async function syncDirectory(path: string): Promise<void> {
  // Makes the rename itself durable. Windows cannot open a folder for syncing; there the
  // rename is durable once the file is, so failing to sync the folder is not an error.
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    return;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `data` to `target` so that readers see either the old file or the whole new one:
 * a temp file beside it (owner-only, 0600), fsync, rename over the target, fsync the folder.
 * If anything fails the temp file is removed and the old file is untouched.
 * With `exclusive`, the file is only created if nothing is at `target` yet (it is linked into
 * place, which fails with EEXIST atomically, even against a concurrent writer).
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      await link(temp, target);
      await rm(temp);
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(target));
}
