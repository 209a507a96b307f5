import { pdf } from '@react-pdf/renderer';
import { PDFDocument } from 'pdf-lib';
import { createElement, type ReactElement } from 'react';
import type {
  HandoutModel,
  SessionSummaryModel,
  TrackerModel,
} from '../../src-shared/domain/handout';
import type { DocumentOptions } from './document-style';
import { registerDocumentFonts } from './fonts';
import { HandoutDocument } from './HandoutDocument';
import { type RecoverySheet, RecoverySheetDocument } from './RecoverySheetDocument';
import { SessionSummaryDocument } from './SessionSummaryDocument';
import { TrackerDocument } from './TrackerDocument';

/**
 * Making the PDFs: each document rendered with react-pdf to bytes, in the renderer and in Node
 * alike. Saving, printing and logging the export are the caller's (through the export use case).
 */

export type { DocumentOptions } from './document-style';

/** A document element as PDF bytes. */
async function render(document: ReactElement): Promise<Uint8Array> {
  registerDocumentFonts();
  // react-pdf's types want its own Document element; ours render one.
  const blob = await pdf(document as Parameters<typeof pdf>[0]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** The handout of an assignment as a PDF (see `HandoutDocument`). */
export function renderHandoutPdf(
  model: HandoutModel,
  options: DocumentOptions,
): Promise<Uint8Array> {
  return render(createElement(HandoutDocument, { model, options }));
}

/** The tracker of an assignment on its own as a PDF (see `TrackerDocument`). */
export function renderTrackerPdf(
  model: TrackerModel,
  options: DocumentOptions,
): Promise<Uint8Array> {
  return render(createElement(TrackerDocument, { model, options }));
}

/** The summary of a session as a PDF (see `SessionSummaryDocument`). */
export function renderSessionSummaryPdf(
  model: SessionSummaryModel,
  options: DocumentOptions,
): Promise<Uint8Array> {
  return render(createElement(SessionSummaryDocument, { model, options }));
}

/** A vault's recovery sheet as a PDF (see `RecoverySheetDocument`). */
export function renderRecoverySheetPdf(
  sheet: RecoverySheet,
  options: DocumentOptions,
): Promise<Uint8Array> {
  return render(createElement(RecoverySheetDocument, { sheet, options }));
}

/** An attached PDF that could not be appended, and why, in words for the screen. */
export class AttachedPdfError extends Error {
  constructor(
    /** Which attachment, counted from 1. */
    readonly attachment: number,
    message: string,
  ) {
    super(message);
    this.name = 'AttachedPdfError';
  }
}

/** The pages of one attached PDF, copied into `into`; an `AttachedPdfError` when it can't be. */
async function pagesOf(into: PDFDocument, bytes: Uint8Array, number: number) {
  try {
    const attached = await PDFDocument.load(bytes, { updateMetadata: false });
    if (attached.getPageCount() === 0) throw new Error('no pages');
    return await into.copyPages(attached, attached.getPageIndices());
  } catch (error) {
    const locked = error instanceof Error && /encrypt/i.test(error.message);
    throw new AttachedPdfError(
      number,
      locked
        ? `Attached PDF ${number} is locked with a password, so it can’t be added.`
        : `Attached PDF ${number} couldn’t be read; the file may be damaged.`,
    );
  }
}

/**
 * `base` with the pages of each attached PDF after it, in order (the template's worksheets after
 * the handout). Only the pages are copied — not the attachments' titles, authors, outlines,
 * forms' scripts or other document-level parts — and the base's own details are kept as they
 * are. Rejects with an `AttachedPdfError` naming the attachment when one is damaged or locked
 * with a password.
 */
export async function appendPdfs(
  base: Uint8Array,
  attachments: readonly Uint8Array[],
): Promise<Uint8Array> {
  if (attachments.length === 0) return base;
  const merged = await PDFDocument.load(base, { updateMetadata: false });
  for (const [index, bytes] of attachments.entries()) {
    for (const page of await pagesOf(merged, bytes, index + 1)) merged.addPage(page);
  }
  return merged.save({ updateFieldAppearances: false });
}
