import { format, parseISO } from 'date-fns';
import {
  PDFAcroCheckBox,
  PDFAcroText,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  type PDFPage,
  PDFStream,
  PDFString,
  type PDFFont,
  type PDFForm,
  StandardFonts,
} from 'pdf-lib';
import {
  PHONE_PAGE,
  type PhoneTrackerCell,
  type PhoneTrackerColumn,
  type PhoneTrackerDate,
  phoneTrackerPages,
} from '../../src-shared/domain/phone-tracker-layout';
import {
  formFieldsFor,
  type TrackerFormField,
  type TrackerFormValue,
  trackerFieldName,
  trackerTagFieldName,
} from '../../src-shared/domain/returned-tracker';

/**
 * The phone tracker's form, in pdf-lib: laid over the tracker pages the handout draws (at
 * `phoneTrackerPages`' cells), and read back from the file a client returns. The form draws no
 * boxes of its own — the page underneath does — so a tick or a word lands in the box drawn for it.
 */

/** What goes into a tracker's form: who it is for (as a reference and tag) and its layout. */
export type TrackerFormOptions = {
  /** `trackerReference` of the practice. */
  reference: string;
  /** `trackerTag` of the reference. */
  tag: string;
  /** The days the tracker pages show, as drawn (`trackerDaysOf`). */
  days: readonly PhoneTrackerDate[];
  /** The practice's tracker columns, in order. */
  columns: readonly PhoneTrackerColumn[];
  /**
   * The index (from 0) of the PDF's first tracker page, the others following it; by default the
   * tracker is the PDF's last pages (as the phone handout has it).
   */
  firstTrackerPage?: number;
};

/** The size type is set at in the form's text fields (a field is 22 points high). */
const FIELD_FONT_SIZE = 12;

/** Accessible names of the cells (a field's /TU), in plain words that say nothing clinical. */
function accessibleName(date: string, cell: PhoneTrackerCell): string {
  const day = format(parseISO(date), 'EEEE d MMMM');
  const what =
    cell.kind === 'done'
      ? 'did it'
      : cell.kind === 'some'
        ? 'some of it'
        : cell.kind === 'note'
          ? 'note'
          : `column ${(cell.column ?? 0) + 1}`;
  return `${day}: ${what}`;
}

/** The page's box in PDF coordinates (origin at the bottom left, usually 0, 0). */
function pageBox(page: PDFPage) {
  const box = page.getMediaBox();
  const fits =
    Math.abs(box.width - PHONE_PAGE.width) < 0.5 && Math.abs(box.height - PHONE_PAGE.height) < 0.5;
  if (!fits) {
    throw new Error(
      `A tracker page is ${box.width}×${box.height} points, not the phone page's ${PHONE_PAGE.width}×${PHONE_PAGE.height}.`,
    );
  }
  return box;
}

/** Where a cell's field goes on the page: the layout's top-left rectangle, from the bottom. */
function rectOf(page: PDFPage, cell: Pick<PhoneTrackerCell, 'x' | 'y' | 'w' | 'h'>) {
  const box = pageBox(page);
  return {
    x: box.x + cell.x,
    y: box.y + box.height - cell.y - cell.h,
    width: cell.w,
    height: cell.h,
  };
}

/**
 * Sets a field's name (/T) and accessible name (/TU) as plain literal strings — pdf-lib writes
 * them as UTF-16 hex — so what a field is called can be read, and checked, in the file's bytes.
 * Only for text of letters, digits, spaces, `_` and `:` (nothing a literal string must escape).
 */
function plainNames(field: PDFDict, name: string, accessible: string | null): void {
  for (const text of [name, accessible]) {
    if (text !== null && !/^[\w :]*$/u.test(text)) throw new Error(`Not a plain name: ${text}`);
  }
  field.set(PDFName.of('T'), PDFString.of(name));
  if (accessible !== null) field.set(PDFName.of('TU'), PDFString.of(accessible));
}

/** No border and no background: the page under the field draws the box. */
const invisibleFrame = { borderWidth: 0, borderColor: undefined, backgroundColor: undefined };

/** A cell's field on its page, at the cell's place: a checkbox, or a text field. */
function addCellField(
  form: PDFForm,
  page: PDFPage,
  cell: PhoneTrackerCell,
  { name, maxLength }: Pick<TrackerFormField, 'name' | 'maxLength'>,
  accessible: string,
  font: PDFFont,
): void {
  const frame = { ...rectOf(page, cell), ...invisibleFrame };
  if (cell.input === 'checkbox') {
    const box = form.createCheckBox(name);
    box.addToPage(page, frame);
    plainNames(box.acroField.dict, name, accessible);
  } else {
    const text = form.createTextField(name);
    if (maxLength !== null) text.setMaxLength(maxLength);
    text.addToPage(page, { ...frame, font });
    text.setFontSize(FIELD_FONT_SIZE);
    plainNames(text.acroField.dict, name, accessible);
  }
}

/** The tag's field: read-only, its one widget hidden in the top left corner of `page`. */
function addTagField(
  form: PDFForm,
  page: PDFPage,
  reference: string,
  tag: string,
  font: PDFFont,
): void {
  const name = trackerTagFieldName(reference);
  const field = form.createTextField(name);
  field.setText(tag);
  field.enableReadOnly();
  plainNames(field.acroField.dict, name, null);
  field.acroField.dict.set(PDFName.of('V'), PDFString.of(tag));
  field.addToPage(page, {
    ...rectOf(page, { x: 0, y: 0, w: 1, h: 1 }),
    ...invisibleFrame,
    font,
    hidden: true,
  });
}

/**
 * No title, author, subject, keywords, producer or creator: like every other take-away file, it
 * does not say which app made it (a flatmate may see the file's properties).
 */
function withoutIdentifyingMetadata(doc: PDFDocument): void {
  const info = doc.context.lookupMaybe(doc.context.trailerInfo.Info, PDFDict);
  for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Producer', 'Creator'])
    info?.delete(PDFName.of(key));
  // XMP metadata would repeat the title and author; nothing in the app reads it.
  doc.catalog.delete(PDFName.of('Metadata'));
}

/**
 * The handout PDF with the tracker's form laid over its tracker pages: a checkbox or a short text
 * field at every cell of `phoneTrackerPages(days, columns)`, named as `formFieldsFor` names them,
 * and the tag in a hidden, read-only text field (`trackerTagFieldName`) on the first tracker page.
 *
 * The tag is a field, not an entry of the document's metadata, because PDF apps that fill forms
 * keep a form's fields (that is their job) but several rewrite or drop the metadata when they
 * save. NeedAppearances is set, so apps draw each value as the client typed it. The metadata says
 * only that Bridgework made the file: the title, author, subject, keywords and any XMP metadata
 * the handout had are removed, so a file found on a phone or in a backup doesn't say whose or what
 * it is. Saved without object streams: every field's dictionary stays readable in the file, for
 * apps that read older PDFs and for anyone checking what the file holds.
 *
 * With no days there is no tracker: the PDF gets no form, only its metadata cleared. Throws when
 * the PDF has fewer pages than the tracker needs from `firstTrackerPage`, or a tracker page is not
 * the phone page's size.
 */
export async function withTrackerForm(
  pdfBytes: Uint8Array,
  { reference, tag, days, columns, firstTrackerPage }: TrackerFormOptions,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const layout = phoneTrackerPages(days, columns);
  if (layout.length === 0) {
    withoutIdentifyingMetadata(doc);
    return doc.save({ useObjectStreams: false });
  }
  const first = firstTrackerPage ?? doc.getPageCount() - layout.length;
  const pages = first < 0 ? [] : doc.getPages().slice(first, first + layout.length);
  if (pages.length < layout.length) {
    throw new Error(
      `The tracker needs ${layout.length} pages from page ${first + 1}; the PDF has ${doc.getPageCount()}.`,
    );
  }
  const form = doc.getForm();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const maxLengths = new Map(
    formFieldsFor(reference, days, columns).map((field) => [field.name, field.maxLength]),
  );
  layout.forEach((pageLayout, at) => {
    const page = pages[at];
    for (const day of page ? pageLayout.days : []) {
      for (const cell of day.cells) {
        const name = trackerFieldName(reference, day.date, cell);
        const field = { name, maxLength: maxLengths.get(name) ?? null };
        if (page) addCellField(form, page, cell, field, accessibleName(day.date, cell), font);
      }
    }
  });
  const firstPage = pages[0];
  if (firstPage) addTagField(form, firstPage, reference, tag, font);
  form.acroForm.dict.set(PDFName.of('NeedAppearances'), PDFBool.True);
  withoutIdentifyingMetadata(doc);
  return doc.save({ useObjectStreams: false });
}

// ------------------------------------------------------------------------------ reading it back

/** Why a returned PDF's form couldn't be read, once parsed. */
export type TrackerPdfProblem = 'encrypted' | 'scripted' | 'too-many-pages' | 'malformed';

/** A returned PDF's form values, or why there are none. */
export type TrackerPdfValues =
  | { ok: true; values: Map<string, TrackerFormValue>; pages: number }
  | { ok: false; problem: TrackerPdfProblem };

/** A name's text, with any `#xx` escapes decoded (pdf-lib leaves lower-case ones as they are). */
const nameText = (name: PDFName) =>
  name
    .decodeText()
    .replace(/#([0-9a-f]{2})/giu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Keys that carry script: JavaScript actions and name trees, and XFA forms (which have their own). */
const SCRIPT_KEYS = new Set(['JS', 'JavaScript', 'XFA']);

/**
 * Whether any object of the document carries script: a dictionary (or stream dictionary) with a
 * JS, JavaScript or XFA key, or an action of type JavaScript — wherever it sits (the catalog's
 * names or open action, a page's or a field's additional actions, a link) and however its name is
 * spelled (`#4A#53`). Every object pdf-lib parsed is looked at, those inside object streams
 * too, so compression hides nothing.
 */
function carriesScript(doc: PDFDocument): boolean {
  const stack: PDFObject[] = doc.context.enumerateIndirectObjects().map(([, object]) => object);
  for (let object = stack.pop(); object !== undefined; object = stack.pop()) {
    if (object instanceof PDFStream) {
      stack.push(object.dict);
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const name = nameText(key);
        if (SCRIPT_KEYS.has(name)) return true;
        if (name === 'S' && value instanceof PDFName && nameText(value) === 'JavaScript') {
          return true;
        }
        stack.push(value);
      }
    } else if (object instanceof PDFArray) {
      stack.push(...object.asArray());
    }
  }
  return false;
}

/** The text of a name or string, without a name's slash ("/Yes" written as a string is "Yes"). */
function valueText(value: PDFObject | undefined): string | null {
  if (value instanceof PDFName) return nameText(value);
  if (value instanceof PDFString || value instanceof PDFHexString) {
    return value.decodeText().replace(/^\//u, '');
  }
  return null;
}

/**
 * Whether a checkbox is ticked, as the apps that fill forms leave it: its value (/V) is anything
 * but Off — a name, as the standard has it, or a string, as some tools write it. With no value,
 * any of its widgets showing an "on" appearance (/AS) counts.
 */
function isTicked(field: PDFAcroCheckBox): boolean {
  const value = valueText(field.V());
  if (value !== null) return value !== '' && value !== 'Off';
  return field.getWidgets().some((widget) => {
    const state = widget.getAppearanceState();
    return state !== undefined && nameText(state) !== 'Off';
  });
}

/** Every named checkbox and text field's value; null when two fields share a name. */
function formValues(doc: PDFDocument): Map<string, TrackerFormValue> | null {
  const values = new Map<string, TrackerFormValue>();
  for (const [field] of doc.getForm().acroForm.getAllFields()) {
    let value: TrackerFormValue;
    if (field instanceof PDFAcroCheckBox) value = isTicked(field);
    else if (field instanceof PDFAcroText) value = field.getValue()?.decodeText() ?? '';
    else continue;
    const name = field.getFullyQualifiedName();
    if (name === undefined) continue;
    if (values.has(name)) return null;
    values.set(name, value);
  }
  return values;
}

/**
 * Parses a returned PDF with pdf-lib — which runs no script and fetches nothing — and reads only
 * its form's values: each checkbox ticked or not, each text field's text, by field name. Nothing
 * else of the file (its pages, annotations' contents, attachments) is read or kept.
 *
 * Refused: an encrypted PDF (pdf-lib can't read it, and a reader that could would be running
 * the file's own security handler), one carrying script anywhere (`carriesScript`: nothing would
 * run it here, but a tracker the app made never has any, so it isn't one as made), one with more
 * pages than `maxPages` or none, and one pdf-lib can't parse or whose form it can't walk.
 * Synchronous work in a promise: the caller runs it in a worker with a time limit
 * (`readReturnedTracker`).
 */
export async function trackerFormValues(
  bytes: Uint8Array,
  { maxPages }: { maxPages: number },
): Promise<TrackerPdfValues> {
  let doc: PDFDocument;
  try {
    // Loaded whatever its encryption, to say so: pdf-lib's EncryptedPDFError can't be told apart
    // by `instanceof` (an ES5 subclass of Error). Nothing of an encrypted file is read.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  try {
    if (doc.isEncrypted) return { ok: false, problem: 'encrypted' };
    if (carriesScript(doc)) return { ok: false, problem: 'scripted' };
    const pages = doc.getPageCount();
    if (pages === 0) return { ok: false, problem: 'malformed' };
    if (pages > maxPages) return { ok: false, problem: 'too-many-pages' };
    const values = formValues(doc);
    return values ? { ok: true, values, pages } : { ok: false, problem: 'malformed' };
  } catch {
    // A damaged page tree or form (a missing catalog, a cycle pdf-lib walks until the stack runs out).
    return { ok: false, problem: 'malformed' };
  }
}
