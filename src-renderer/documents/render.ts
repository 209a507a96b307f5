import { pdf } from '@react-pdf/renderer';
import { PDFDocument } from 'pdf-lib';
import { createElement, type ReactElement } from 'react';
import {
  type HandoutModel,
  handoutTexts,
  type SessionSummaryModel,
  sessionSummaryTexts,
  type TrackerModel,
  trackerModelTexts,
} from '../../src-shared/domain/handout';
import type { DocumentOptions } from './document-style';
import { unsupportedCharacters, unsupportedCharactersIn } from './font-coverage';
import { registerDocumentFonts } from './fonts';
import { HandoutDocument } from './HandoutDocument';
import {
  PhoneHandoutDocument,
  type PhoneHandoutModel,
  phoneHandoutTexts,
} from './PhoneHandoutDocument';
import { type RecoverySheet, RecoverySheetDocument } from './RecoverySheetDocument';
import { SessionSummaryDocument } from './SessionSummaryDocument';
import { TrackerDocument } from './TrackerDocument';

/**
 * Making the PDFs: each document rendered with react-pdf to bytes, in the renderer and in Node
 * alike. Saving, printing and logging the export are the caller's (through the export use case).
 */

export type { DocumentOptions } from './document-style';
export { type PhoneHandoutModel, phoneHandoutOf } from './PhoneHandoutDocument';

/**
 * Text the documents' fonts cannot draw, refused: react-pdf would print it as empty boxes or
 * stray marks. Screens check first (`unsupportedCharacters`) and offer another way to write it;
 * this is the last guard.
 */
export class UnprintableTextError extends Error {
  constructor(
    /** The characters that cannot be drawn, each once. */
    readonly characters: string[],
  ) {
    super(`The documents’ fonts can’t draw ${characters.join(' ')}.`);
    this.name = 'UnprintableTextError';
  }
}

/** A document element as PDF bytes, once every text it prints is known to be drawable. */
async function render(document: ReactElement, texts: readonly string[]): Promise<Uint8Array> {
  const unprintable = unsupportedCharactersIn(texts);
  if (unprintable.length > 0) throw new UnprintableTextError(unprintable);
  registerDocumentFonts();
  // react-pdf's types want its own Document element; ours render one.
  const blob = await pdf(document as Parameters<typeof pdf>[0]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The handout of an assignment as a PDF (see `HandoutDocument`). Rejects with an
 * `UnprintableTextError` when the model holds text the fonts cannot draw; so do the others.
 */
export function renderHandoutPdf(
  model: HandoutModel,
  options: DocumentOptions,
): Promise<Uint8Array> {
  return render(createElement(HandoutDocument, { model, options }), handoutTexts(model));
}

/**
 * The handout laid out for a phone as a PDF (see `PhoneHandoutDocument`): pages of
 * `PHONE_PAGE`'s size whatever the vault's paper, the tracker's pages last. No form fields: those
 * are laid over these bytes afterwards, at the same cells (`phoneTrackerLayoutOf`).
 */
export function renderPhoneHandoutPdf(model: PhoneHandoutModel): Promise<Uint8Array> {
  return render(createElement(PhoneHandoutDocument, { model }), phoneHandoutTexts(model));
}

/** The tracker of an assignment on its own as a PDF (see `TrackerDocument`). */
export function renderTrackerPdf(
  model: TrackerModel,
  options: DocumentOptions,
): Promise<Uint8Array> {
  return render(createElement(TrackerDocument, { model, options }), trackerModelTexts(model));
}

/** The summary of a session as a PDF (see `SessionSummaryDocument`). */
export function renderSessionSummaryPdf(
  model: SessionSummaryModel,
  options: DocumentOptions,
): Promise<Uint8Array> {
  return render(
    createElement(SessionSummaryDocument, { model, options }),
    sessionSummaryTexts(model),
  );
}

/**
 * A vault's recovery sheet as a PDF (see `RecoverySheetDocument`). Letters of the vault's name
 * the fonts cannot draw are left out rather than refused: the key is what the sheet is for.
 */
export function renderRecoverySheetPdf(
  sheet: RecoverySheet,
  options: DocumentOptions,
): Promise<Uint8Array> {
  const unprintable = new Set(unsupportedCharacters(sheet.vaultName));
  const vaultName = Array.from(sheet.vaultName.normalize('NFC'))
    .filter((character) => !unprintable.has(character))
    .join('')
    .replace(/\s+/gu, ' ');
  return render(createElement(RecoverySheetDocument, { sheet: { ...sheet, vaultName }, options }), [
    vaultName,
    sheet.recoveryKey,
  ]);
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
