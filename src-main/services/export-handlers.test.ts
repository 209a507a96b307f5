import type { FileHandle } from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toBase64 } from '../../src-shared/crypto/bytes';
import { MAX_EXPORT_BYTES } from '../../src-shared/ipc/exports';
import { scriptedDialogs } from '../../tests/fixtures/dialogs';
import { dispatchIpcFrom } from './dispatch';
import { exportFileName } from './export-handlers';
import { createHandlers, type IpcHandlers } from './handlers';

/**
 * Switches for making the next temp-file write fail: out of disk space after some bytes, or
 * refused as root's folders never refuse it. Off unless a test turns one on.
 */
const failing = vi.hoisted(() => ({
  diskFullAfterBytes: undefined as number | undefined,
  permissionDenied: false,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>): Promise<FileHandle> => {
      const isTemp = String(args[0]).endsWith('.tmp');
      if (isTemp && failing.permissionDenied) {
        throw Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
      }
      const handle = await actual.open(...args);
      const limit = failing.diskFullAfterBytes;
      if (limit === undefined || !isTemp) return handle;
      return {
        writeFile: async (data: Uint8Array) => {
          await handle.write(data.subarray(0, limit));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
            code: 'ENOSPC',
          });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      } as unknown as FileHandle;
    },
  };
});

let folder: string;
let dialogs: ReturnType<typeof scriptedDialogs>;
let handlers: IpcHandlers;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bridgework-exports-'));
  failing.diskFullAfterBytes = undefined;
  failing.permissionDenied = false;
  dialogs = scriptedDialogs();
  vi.spyOn(dialogs, 'chooseExportSaveLocation');
  handlers = createHandlers({
    dataDir: join(folder, 'data'),
    defaultBackupFolder: folder,
    dialogs,
  });
});

afterEach(async () => {
  failing.diskFullAfterBytes = undefined;
  failing.permissionDenied = false;
  await rm(folder, { recursive: true, force: true });
});

const pdf = new TextEncoder().encode('%PDF-1.7\n% a handout\n%%EOF\n');
const save = (request: Record<string, unknown>) =>
  dispatchIpcFrom('therapist', handlers, 'exports:save-file', {
    suggestedName: 'evening-walk-handout',
    kind: 'pdf',
    bytes: toBase64(pdf),
    ...request,
  });
const filesIn = async (path: string) => (await readdir(path)).sort();

describe('saving an exported file', () => {
  it('offers a safe name with the kind’s extension and writes exactly the bytes, for the clinician only', async () => {
    dialogs.answers.exportSaveLocation.push(join(folder, 'walk.pdf'));
    expect(await save({})).toEqual({ ok: true, value: { saved: true, fileName: 'walk.pdf' } });
    expect(dialogs.chooseExportSaveLocation).toHaveBeenCalledWith(
      'evening-walk-handout.pdf',
      'pdf',
    );
    expect(new Uint8Array(await readFile(join(folder, 'walk.pdf')))).toEqual(pdf);
    if (process.platform !== 'win32') {
      expect((await stat(join(folder, 'walk.pdf'))).mode & 0o777).toBe(0o600);
    }
    expect(await filesIn(folder)).toEqual(['walk.pdf']);
  });

  it('saves nothing when the dialog is cancelled', async () => {
    dialogs.answers.exportSaveLocation.push(null);
    expect(await save({ kind: 'ics', suggestedName: 'reminder' })).toEqual({
      ok: true,
      value: { saved: false, fileName: null },
    });
    expect(dialogs.chooseExportSaveLocation).toHaveBeenCalledWith('reminder.ics', 'ics');
    expect(await filesIn(folder)).toEqual([]);
  });

  it('adds the extension to a name typed without it, and never replaces a file the dialog didn’t ask about', async () => {
    dialogs.answers.exportSaveLocation.push(join(folder, 'note'));
    expect(await save({ kind: 'png' })).toMatchObject({
      ok: true,
      value: { saved: true, fileName: 'note.png' },
    });
    await writeFile(join(folder, 'walk.pdf'), 'the clinician’s own file');
    dialogs.answers.exportSaveLocation.push(join(folder, 'walk'));
    const refused = await save({});
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
    expect(JSON.stringify(refused)).toContain('already a file with that name');
    expect(await readFile(join(folder, 'walk.pdf'), 'utf8')).toBe('the clinician’s own file');
    expect(await filesIn(folder)).toEqual(['note.png', 'walk.pdf']);
  });

  it('says the folder is gone when it is, without naming the path', async () => {
    dialogs.answers.exportSaveLocation.push(join(folder, 'gone', 'walk.pdf'));
    const result = await save({});
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(/folder you chose isn’t there any more.*Nothing was saved/);
    expect(message).not.toContain(folder);
    expect(await filesIn(folder)).toEqual([]);
  });

  it('says when it may not write there, and leaves nothing behind', async () => {
    failing.permissionDenied = true;
    dialogs.answers.exportSaveLocation.push(join(folder, 'walk.pdf'));
    const result = await save({});
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
    expect(result.ok ? '' : result.error.message).toMatch(/isn’t allowed to save in that folder/);
    expect(await filesIn(folder)).toEqual([]);
  });

  it('leaves no partial file, no temp file and the old file untouched when the disk fills up', async () => {
    await writeFile(join(folder, 'walk.pdf'), 'last week’s handout');
    failing.diskFullAfterBytes = 5;
    dialogs.answers.exportSaveLocation.push(join(folder, 'walk.pdf'));
    const result = await save({});
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
    expect(result.ok ? '' : result.error.message).toMatch(/disk is full/);
    expect(await filesIn(folder)).toEqual(['walk.pdf']);
    expect(await readFile(join(folder, 'walk.pdf'), 'utf8')).toBe('last week’s handout');
  });

  it('refuses a name that is a folder', async () => {
    await mkdir(join(folder, 'walk.pdf'));
    dialogs.answers.exportSaveLocation.push(join(folder, 'walk.pdf'));
    const result = await save({});
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
    expect(result.ok ? '' : result.error.message).toMatch(/a folder with that name/);
    expect(await filesIn(folder)).toEqual(['walk.pdf']);
  });

  it('refuses an empty, oversized or garbled file before any dialog opens', async () => {
    for (const bytes of ['', 'not base64!', 'A'.repeat(Math.ceil(MAX_EXPORT_BYTES / 3) * 4 + 4)]) {
      expect(await save({ bytes })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    }
    expect(await save({ kind: 'exe' })).toMatchObject({ ok: false });
    expect(dialogs.chooseExportSaveLocation).not.toHaveBeenCalled();
  });

  it('is the therapist’s window’s alone', async () => {
    const result = await dispatchIpcFrom('client-view', handlers, 'exports:save-file', {
      suggestedName: 'x',
      kind: 'pdf',
      bytes: toBase64(pdf),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });
});

describe('the suggested file name', () => {
  it('keeps letters of every script, digits, spaces and hyphens, with the kind’s extension', () => {
    expect(exportFileName('evening-walk-handout', 'pdf')).toBe('evening-walk-handout.pdf');
    expect(exportFileName('Đi bộ buổi tối – Zoë', 'png')).toBe('Đi bộ buổi tối Zoë.png');
    expect(exportFileName('Прогулка', 'ics')).toBe('Прогулка.ics');
  });

  it('leaves out folders, reserved and control characters, and a leading dot', () => {
    expect(exportFileName('../../etc/passwd', 'pdf')).toBe('etc passwd.pdf');
    expect(exportFileName('a/b\\c:d*e?f"g<h>i|j', 'pdf')).toBe('a b c d e f g h i j.pdf');
    expect(exportFileName('.hidden', 'png')).toBe('hidden.png');
    expect(exportFileName('tab\there\u0000\u202e', 'pdf')).toBe('tab here.pdf');
  });

  it('replaces an extension it was given, and falls back to a plain name when nothing is left', () => {
    expect(exportFileName('walk.PDF', 'pdf')).toBe('walk.pdf');
    expect(exportFileName('walk.png', 'ics')).toBe('walk.ics');
    expect(exportFileName('', 'pdf')).toBe('practice.pdf');
    expect(exportFileName(' ... ', 'ics')).toBe('practice-reminder.ics');
    expect(exportFileName('CON', 'pdf')).toBe('practice.pdf');
  });

  it('is at most 80 characters before the extension', () => {
    expect(exportFileName('ø'.repeat(300), 'pdf')).toBe(`${'ø'.repeat(80)}.pdf`);
  });
});
