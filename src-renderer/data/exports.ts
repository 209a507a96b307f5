import { toBase64 } from '../../src-shared/crypto/bytes';
import type { TemplateContent } from '../../src-shared/domain/template';
import { buildTemplatePack } from '../../src-shared/domain/template-pack';
import { type PageSize, pageSizeFor } from '../../src-shared/domain/preferences';
import type { ExportFormat } from '../../src-shared/domain/vault-log';
import type { CreatedVault } from '../../src-shared/vault/key-slots';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import type { ExportFileKind } from '../../src-shared/ipc/exports';
import { callMain } from './ipc-client';
import {
  closeVaultSession,
  internalsOf,
  openVaultSession,
  type VaultSession,
} from './vault-session';

/** What an export is, for the vault's export log. */
export type ExportEntry = {
  /** In words, e.g. "Template pack (3 templates)". */
  what: string;
  format: ExportFormat;
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

/**
 * Saves `bytes` as a file of `kind` where the clinician chooses (main's save dialog, suggesting
 * `fileNameStem` made safe, with the kind's extension). Resolves `saved: false` when the dialog
 * is cancelled; rejects with a MainProcessError whose message says what went wrong when the
 * write fails (nothing is left behind). Only for `exportFromVault`'s `save`.
 */
export const saveFile = (
  fileNameStem: string,
  kind: ExportFileKind,
  bytes: Uint8Array,
): Promise<SaveResult> =>
  callMain('exports:save-file', { suggestedName: fileNameStem, kind, bytes: toBase64(bytes) });

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

/** The recovery sheet's file name: never the vault's name, which may name the clinician. */
const RECOVERY_SHEET_FILE = 'bridgework-recovery-sheet';

/** What the log says a recovery sheet export was. */
const recoverySheetEntry: ExportEntry = { what: 'Recovery sheet', format: 'recovery-sheet-pdf' };

/**
 * A vault's recovery sheet as PDF bytes, with the paper it is made for: its name, its recovery
 * key and what to do with it; nothing else. On the vault's paper, or the region's when it has
 * none yet.
 */
export async function recoverySheetPdf(
  vaultName: string,
  recoveryKey: string,
  session?: VaultSession,
): Promise<{ bytes: Uint8Array; pageSize: PageSize }> {
  const preferences = await session?.preferences.get();
  const pageSize = pageSizeFor(
    preferences?.pageSize ?? null,
    Intl.DateTimeFormat().resolvedOptions().locale,
  );
  const { renderRecoverySheetPdf } = await import('../documents/render');
  const bytes = await renderRecoverySheetPdf(
    { vaultName, recoveryKey },
    { pageSize, largePrint: false },
  );
  return { bytes, pageSize };
}

/** Saves the open vault's recovery sheet (after a new key) as a PDF, and logs it once saved. */
export async function exportRecoverySheet(
  session: VaultSession,
  recoveryKey: string,
): Promise<SaveResult> {
  const { bytes } = await recoverySheetPdf(session.name, recoveryKey, session);
  return exportFromVault(session, recoverySheetEntry, () =>
    saveFile(RECOVERY_SHEET_FILE, 'pdf', bytes),
  );
}

/**
 * Saves the recovery sheet of a vault just created, before it is entered, and logs it in that
 * vault once saved: its store is opened for the entry and closed again (the key stays with the
 * caller, which enters the vault next).
 */
export async function exportRecoverySheetOfNewVault(created: CreatedVault): Promise<SaveResult> {
  const { bytes } = await recoverySheetPdf(created.header.name, created.recoveryKey);
  const result = await saveFile(RECOVERY_SHEET_FILE, 'pdf', bytes);
  if (!result.saved) return result;
  const session = await openVaultSession({
    header: created.header,
    dataKey: created.dataKey.slice(),
  });
  try {
    return await exportFromVault(session, recoverySheetEntry, async () => result);
  } finally {
    await session.writesSettled();
    closeVaultSession(session);
  }
}
