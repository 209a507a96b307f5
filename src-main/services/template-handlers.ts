import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_TEMPLATE_PACK_BYTES } from '../../src-shared/domain/template-pack';
import type { templateChannels } from '../../src-shared/ipc/templates';
import { writeFileAtomic } from './atomic-file';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlersOf } from './handler-context';

/** The template channels: packs saved and opened where the clinician picks in a dialog. */
export function createTemplateHandlers({
  dialogs,
}: HandlerContext): HandlersOf<typeof templateChannels> {
  return {
    'templates:save-pack': async ({ suggestedName, contents }) => {
      const safeName = `${suggestedName.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'My templates'}.bwtemplates.json`;
      const path = await dialogs.chooseTemplatePackSaveLocation(safeName);
      if (!path) return { saved: false, fileName: null };
      await writeFileAtomic(path, new TextEncoder().encode(contents));
      return { saved: true, fileName: basename(path) };
    },
    'templates:open-pack': async () => {
      const path = await dialogs.chooseTemplatePackToOpen();
      if (!path) return null;
      const { size } = await stat(path);
      if (size > MAX_TEMPLATE_PACK_BYTES) {
        throw new HandlerError(
          'INVALID_REQUEST',
          'This file is larger than 5 MB, which is more than a template pack can be.',
        );
      }
      return { fileName: basename(path), contents: await readFile(path, 'utf8') };
    },
  };
}
