import {
  exportRecoverySheet,
  type SaveResult,
  exportRecoverySheetOfNewVault,
  recoverySheetPdf,
} from '../data/exports';
import { printPdf } from './print-pdf';
import type { RecoverySheetSource } from './RecoveryKeyStep';

/**
 * What the recovery key step's sheet buttons do, in their own module: the start screen loads it
 * only when one is pressed, so the vault's store code and the PDF code stay out of its first
 * load.
 */

/** Saves the recovery sheet as a PDF where the clinician chooses (logged in the vault). */
export function saveRecoverySheet(
  sheet: RecoverySheetSource,
  recoveryKey: string,
): Promise<SaveResult> {
  return 'session' in sheet
    ? exportRecoverySheet(sheet.session, recoveryKey)
    : exportRecoverySheetOfNewVault(sheet.newVault);
}

/** Opens the print dialog for the recovery sheet. */
export async function printRecoverySheet(
  sheet: RecoverySheetSource,
  recoveryKey: string,
): Promise<void> {
  const made =
    'session' in sheet
      ? await recoverySheetPdf(sheet.session.name, recoveryKey, sheet.session)
      : await recoverySheetPdf(sheet.newVault.header.name, recoveryKey);
  await printPdf(made.bytes, 'Recovery sheet', made.pageSize);
}
