import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fromBase64 } from '../../src-shared/crypto/bytes';
import type { ExportFileKind, exportChannels } from '../../src-shared/ipc/exports';
import { writeFileAtomic } from './atomic-file';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlersOf } from './handler-context';

/** The longest file name an export suggests, extension excluded (in code points). */
const MAX_STEM = 80;

/** A name for each kind when nothing of the suggested one is usable. */
const fallbackStems: Record<ExportFileKind, string> = {
  pdf: 'practice',
  ics: 'practice-reminder',
  png: 'practice-reminder',
  csv: 'reviews',
};

/** Names Windows reserves for devices, whatever the extension. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The file name the save dialog suggests: the renderer's suggestion (a model's non-clinical
 * `fileNameStem`) made safe to be a file name anywhere — no folders, no characters Windows or
 * macOS refuse, no control characters, no leading dot (a hidden file), at most 80 characters —
 * with the kind's extension, replacing one the suggestion ended with.
 */
export function exportFileName(suggestedName: string, kind: ExportFileKind): string {
  const stem = [
    ...suggestedName
      .normalize('NFC')
      .replace(/\.(pdf|ics|png|csv)$/i, '')
      .replace(/[^\p{L}\p{M}\p{N} ._()'-]+/gu, ' ')
      .replace(/\s+/gu, ' ')
      .replace(/^[\s.]+|[\s.]+$/gu, ''),
  ]
    .slice(0, MAX_STEM)
    .join('')
    .replace(/[\s.]+$/u, '');
  const usable = stem !== '' && !WINDOWS_DEVICE_NAME.test(stem) ? stem : fallbackStems[kind];
  return `${usable}.${kind}`;
}

/**
 * A sentence for a write that failed, by the system's error code: what happened and that
 * nothing was saved. Never the path (it could name the client or the clinician's folders).
 */
function saveFailure(error: unknown): HandlerError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const sentence: Record<string, string> = {
    ENOENT: 'The folder you chose isn’t there any more.',
    ENOTDIR: 'The folder you chose isn’t there any more.',
    EACCES: 'Bridgework isn’t allowed to save in that folder.',
    EPERM: 'Bridgework isn’t allowed to save in that folder.',
    EROFS: 'That folder can only be read, not written to.',
    ENOSPC: 'The disk is full.',
    EDQUOT: 'There’s no more room for your files on that disk.',
    EEXIST: 'There’s already a file with that name.',
    EISDIR: 'There’s a folder with that name.',
    ENAMETOOLONG: 'That file name is too long.',
  };
  const what = sentence[code] ?? `The file couldn’t be written${code ? ` (${code})` : ''}.`;
  return new HandlerError('STORAGE_FAILED', `${what} Nothing was saved; please try another place.`);
}

/**
 * The export channels: a take-away file saved where the clinician chooses in main's save
 * dialog, written atomically and readable by the clinician only (0600), so a failed save leaves
 * no partial file and the renderer logs nothing.
 */
export function createExportHandlers({
  dialogs,
}: HandlerContext): HandlersOf<typeof exportChannels> {
  return {
    'exports:save-file': async ({ suggestedName, kind, bytes }) => {
      const data = fromBase64(bytes);
      const chosen = await dialogs.chooseExportSaveLocation(
        exportFileName(suggestedName, kind),
        kind,
      );
      if (!chosen) return { saved: false, fileName: null };
      // A name typed without the extension (Linux's dialogs add none) gets it; the dialog asked
      // about overwriting only the name it saw, so that file is created, never replaced.
      const hasExtension = extname(chosen).toLowerCase() === `.${kind}`;
      const path = hasExtension ? chosen : `${chosen}.${kind}`;
      try {
        if ((await stat(path).catch(() => null))?.isDirectory()) {
          throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
        }
        await writeFileAtomic(path, data, { exclusive: !hasExtension });
      } catch (error) {
        throw saveFailure(error);
      }
      return { saved: true, fileName: basename(path) };
    },
  };
}
