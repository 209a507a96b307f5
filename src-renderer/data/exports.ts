import type { TemplateContent } from '../../src-shared/domain/template';
import { buildTemplatePack } from '../../src-shared/domain/template-pack';
import type { VaultLogEntry } from '../../src-shared/domain/vault-log';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { callMain } from './ipc-client';
import { internalsOf, type VaultSession } from './vault-session';

/** What an export is, for the vault's export log. */
export type ExportEntry = {
  /** In words, e.g. "Template pack (3 templates)". */
  what: string;
  format: Extract<VaultLogEntry, { kind: 'export' }>['format'];
  /** The client it concerns, if any. */
  clientId?: string | null;
};

/** How a save through main's save dialog went. */
export type SaveResult = { saved: boolean; fileName: string | null };

/**
 * The one way plaintext leaves the vault: `save` writes the file where the clinician chooses
 * (through main's save dialog), and only a file actually saved is recorded in the vault's
 * export log. Handouts, calendar files, images, CSV and template packs all come through here.
 */
export async function exportFromVault(
  session: VaultSession,
  entry: ExportEntry,
  save: () => Promise<SaveResult>,
): Promise<SaveResult> {
  const result = await save();
  if (result.saved)
    await internalsOf(session).exportLog.recordExport(entry.what, entry.format, entry.clientId);
  return result;
}

/** Exports custom templates as a pack file (template content only, never client data). */
export function exportTemplatePack(
  session: VaultSession,
  templates: { key: string; content: TemplateContent }[],
): Promise<SaveResult> {
  const pack = buildTemplatePack(templates, new Date());
  return exportFromVault(
    session,
    {
      what: `Template pack (${templates.length} ${templates.length === 1 ? 'template' : 'templates'})`,
      format: 'template-pack',
    },
    () =>
      callMain('templates:save-pack', {
        suggestedName: 'My Bridgework templates',
        contents: JSON.stringify(pack, null, 2),
      }),
  );
}

/** Opens a template pack file the clinician picks (read as text by main); null when cancelled. */
export const openTemplatePackFile = (): Promise<IpcResponse<'templates:open-pack'>> =>
  callMain('templates:open-pack', {});
