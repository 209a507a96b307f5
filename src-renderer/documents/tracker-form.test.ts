import {
  PDFArray,
  PDFBool,
  PDFCheckBox,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  PDFTextField,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  blankPhonePdf,
  fillOf,
  fillTracker,
  fourWeekPractice,
  fourWeeksFilled,
  IDENTIFYING_WORDS,
} from '../../tests/interop/tracker-pdfs';
import { clinicalWordIn } from '../../src-shared/domain/client-facing-template';
import { handoutOf, trackerOf } from '../../src-shared/domain/handout';
import { exampleHandoutInput } from '../../src-shared/domain/handout-examples';
import { PHONE_PAGE, phoneTrackerPages } from '../../src-shared/domain/phone-tracker-layout';
import {
  formFieldsFor,
  trackerDaysOf,
  trackerFieldName,
  trackerTagFieldName,
} from '../../src-shared/domain/returned-tracker';
import { useDocumentFontFiles } from './fonts';
import { nodeDocumentFontFiles } from './node-font-files';
import { phoneHandoutOf, renderPhoneHandoutPdf } from './render';
import { trackerFormValues, withTrackerForm } from './tracker-form';

/** A reference and tag as `trackerReference` and `trackerTag` make them. */
const reference = 'k4m7q2x9r3';
const tag = 'e3f7q5d3y0g6p7v2a9u9t3h4';
const days = trackerDaysOf(fourWeekPractice);
const columns = fourWeekPractice.trackerFields;
const layout = phoneTrackerPages(days, columns);
/** The handout's own pages before its tracker. */
const HANDOUT_PAGES = 3;

const fillable = await withTrackerForm(await blankPhonePdf(HANDOUT_PAGES + layout.length), {
  reference,
  tag,
  days,
  columns,
});
/** The handout's PDF, its tracker pages last, made fillable (a copy: pdf-lib may keep the buffer). */
const fillableTracker = async () => fillable.slice();

const limits = { maxPages: 120 };

/** A PDF's bytes as text, and beside them every UTF-16 hex string in it (`<FEFF…>`) decoded. */
function readableText(bytes: Uint8Array): string {
  const raw = new TextDecoder('latin1').decode(bytes);
  const decoded = [...raw.matchAll(/<feff([0-9a-f]*)>/giu)].map(([, hex = '']) =>
    new TextDecoder('utf-16be').decode(
      Uint8Array.from(hex.match(/../gu) ?? [], (byte) => parseInt(byte, 16)),
    ),
  );
  return [raw, ...decoded].join('\n');
}

describe('a fillable tracker', () => {
  it('has a field at every cell of the layout, where the page draws it', async () => {
    const doc = await PDFDocument.load(await fillableTracker());
    const form = doc.getForm();
    const pages = doc.getPages();
    const specs = formFieldsFor(reference, days, columns);
    expect(form.getFields()).toHaveLength(specs.length + 1);
    layout.forEach((page, at) => {
      const pdfPage = pages[HANDOUT_PAGES + at];
      for (const day of page.days) {
        for (const cell of day.cells) {
          const name = trackerFieldName(reference, day.date, cell);
          const field =
            cell.input === 'checkbox' ? form.getCheckBox(name) : form.getTextField(name);
          const [widget] = field.acroField.getWidgets();
          expect(widget?.getRectangle()).toEqual({
            x: cell.x,
            y: PHONE_PAGE.height - cell.y - cell.h,
            width: cell.w,
            height: cell.h,
          });
          expect(widget?.P()).toBe(pdfPage?.ref);
        }
      }
    });
    const note = form.getTextField(
      trackerFieldName(reference, '2026-03-02', { kind: 'note', column: null }),
    );
    expect(note.getMaxLength()).toBe(500);
    expect(note.acroField.dict.lookup(PDFName.of('TU'), PDFString).decodeText()).toBe(
      'Monday 2 March: note',
    );
  });

  it('carries its tag in a hidden, read-only field, and asks apps to draw what is typed', async () => {
    const doc = await PDFDocument.load(await fillableTracker());
    const field = doc.getForm().getTextField(trackerTagFieldName(reference));
    expect(field.getText()).toBe(tag);
    expect(field.isReadOnly()).toBe(true);
    const HIDDEN = 1 << 1;
    expect((field.acroField.getWidgets()[0]?.getFlags() ?? 0) & HIDDEN).toBe(HIDDEN);
    expect(doc.getForm().acroForm.dict.lookup(PDFName.of('NeedAppearances'))).toBe(PDFBool.True);
  });

  it('names no one and nothing clinical, in its fields, its metadata or anywhere in its bytes', async () => {
    const bytes = await fillableTracker();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBeUndefined();
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getSubject()).toBeUndefined();
    expect(doc.getKeywords()).toBeUndefined();
    expect(doc.getProducer()).toBeUndefined();
    expect(doc.getCreator()).toBeUndefined();
    for (const field of doc.getForm().getFields()) {
      expect(field.getName()).toMatch(/^bw_([a-z][0-9]){5}_(\d{8}_(done|some|note|c[0-2])|tag)$/);
      const accessible = field.acroField.dict.lookupMaybe(PDFName.of('TU'), PDFString);
      expect(clinicalWordIn(`${field.getName()} ${accessible?.decodeText() ?? ''}`)).toBeNull();
    }
    const text = readableText(bytes).toLowerCase();
    for (const word of IDENTIFYING_WORDS) expect(text).not.toContain(word.toLowerCase());
    // Its fields are in the open (no object streams), so the check above sees them.
    expect(text).toContain(`/t (bw_${reference}_20260302_done)`);
  });

  it('adds no form when there are no days to track, and still clears the metadata', async () => {
    const bytes = await withTrackerForm(await blankPhonePdf(2), {
      reference,
      tag,
      days: [],
      columns,
    });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getForm().getFields()).toEqual([]);
    expect(doc.getTitle()).toBeUndefined();
    expect(doc.getProducer()).toBeUndefined();
  });

  it('refuses pages that are not the phone page, or too few of them', async () => {
    const letter = await PDFDocument.create();
    letter.addPage([612, 792]);
    const oneDay = { reference, tag, days: days.slice(0, 1), columns };
    await expect(withTrackerForm(await letter.save(), oneDay)).rejects.toThrow(
      /not the phone page/,
    );
    await expect(
      withTrackerForm(await blankPhonePdf(2), { reference, tag, days, columns }),
    ).rejects.toThrow(/needs 14 pages/);
  });
});

describe('the phone handout made fillable', () => {
  it('gets its form on its own tracker pages, its last, and reads back what is filled in', async () => {
    useDocumentFontFiles(nodeDocumentFontFiles());
    const model = phoneHandoutOf(handoutOf(exampleHandoutInput), trackerOf(exampleHandoutInput));
    const drawn = await renderPhoneHandoutPdf(model);
    const trackerDays = model.tracker.rows.map((row) => ({
      date: row.date,
      planned: row.timesPlanned > 0,
    }));
    const fillable = await withTrackerForm(drawn, {
      reference,
      tag,
      days: trackerDays,
      columns: model.tracker.columns,
    });
    const doc = await PDFDocument.load(fillable, { updateMetadata: false });
    const trackerPages = phoneTrackerPages(trackerDays, model.tracker.columns).length;
    const lastPages = doc
      .getPages()
      .slice(-trackerPages)
      .map((page) => page.ref);
    for (const field of doc.getForm().getFields()) {
      expect(lastPages).toContain(field.acroField.getWidgets()[0]?.P());
    }
    expect(doc.getTitle()).toBeUndefined();
    const [first] = trackerDays;
    const done = trackerFieldName(reference, first?.date ?? '', { kind: 'done', column: null });
    const parsed = await trackerFormValues(await fillTracker(fillable, { [done]: true }), limits);
    expect(parsed.ok && parsed.values.get(done)).toBe(true);
  });
});

describe('reading a filled tracker’s form', () => {
  it('reads back exactly what the client filled in, every other field blank', async () => {
    const fill = fillOf(reference, fourWeekPractice, fourWeeksFilled);
    const filled = await fillTracker(await fillableTracker(), fill);
    const parsed = await trackerFormValues(filled, limits);
    expect(parsed.ok && parsed.pages).toBe(HANDOUT_PAGES + layout.length);
    const blank = Object.fromEntries(
      formFieldsFor(reference, days, columns).map((field) => [
        field.name,
        field.input === 'checkbox' ? false : '',
      ]),
    );
    expect(parsed.ok && Object.fromEntries(parsed.values)).toEqual({
      ...blank,
      ...fill,
      [trackerTagFieldName(reference)]: tag,
    });
    expect(fill[`bw_${reference}_20260316_c2`]).toBe('Ça va 😀');
  });

  it('reads a tick however the app wrote it: a name, a string, or only the appearance', async () => {
    const doc = await PDFDocument.load(await fillableTracker());
    const box = (date: string) =>
      doc.getForm().getCheckBox(trackerFieldName(reference, date, { kind: 'done', column: null }));
    box('2026-03-02').acroField.dict.set(PDFName.of('V'), PDFString.of('/Yes'));
    box('2026-03-03').acroField.dict.set(PDFName.of('V'), PDFHexString.fromText('Yes'));
    box('2026-03-04').acroField.getWidgets()[0]?.setAppearanceState(PDFName.of('Yes'));
    box('2026-03-05').acroField.dict.set(PDFName.of('V'), PDFString.of('/Off'));
    const parsed = await trackerFormValues(await doc.save(), limits);
    const done = (date: string) =>
      parsed.ok &&
      parsed.values.get(trackerFieldName(reference, date, { kind: 'done', column: null }));
    expect(
      ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map(done),
    ).toEqual([true, true, true, false, false]);
  });

  it('reads checkboxes and text fields only, by their full names', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const form = doc.getForm();
    form.createCheckBox('group.box').addToPage(page);
    form.createTextField('group.text').addToPage(page);
    form.getTextField('group.text').setText('hello');
    form.createDropdown('choice').addToPage(page);
    const parsed = await trackerFormValues(await doc.save(), limits);
    expect(parsed.ok && [...parsed.values]).toEqual([
      ['group.box', false],
      ['group.text', 'hello'],
    ]);
  });
});

describe('a hostile PDF', () => {
  /** The fillable tracker changed by `change`, saved with or without object streams. */
  async function pdfWith(change: (doc: PDFDocument) => void, useObjectStreams = true) {
    const doc = await PDFDocument.load(await fillableTracker());
    change(doc);
    // pdf-lib's form (which it builds to update appearances) would drop an XFA form.
    return doc.save({ useObjectStreams, updateFieldAppearances: false });
  }
  const script = (doc: PDFDocument, js = 'app.alert(1)') =>
    doc.context.obj({ S: 'JavaScript', JS: PDFString.of(js) });

  it('is refused when it carries JavaScript anywhere, however it is hidden', async () => {
    const cases: ((doc: PDFDocument) => void)[] = [
      (doc) => doc.catalog.set(PDFName.of('OpenAction'), script(doc)),
      (doc) => doc.getPages()[0]?.node.set(PDFName.of('AA'), doc.context.obj({ O: script(doc) })),
      (doc) => {
        const field = doc.getForm().getFields()[0];
        field?.acroField.getWidgets()[0]?.dict.set(PDFName.of('A'), script(doc));
      },
      (doc) => {
        const tree = doc.context.obj({ Names: [PDFHexString.fromText('x'), script(doc)] });
        doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: tree }));
      },
      (doc) => doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'Launch', JS: 'x' })),
      // A name spelled with lower-case escapes, which pdf-lib leaves as written: "/#4aS" is /JS.
      (doc) => doc.catalog.set(PDFName.of('#4aS'), PDFString.of('app.alert(1)')),
      (doc) =>
        doc.catalog
          .lookup(PDFName.of('AcroForm'), PDFDict)
          .set(PDFName.of('XFA'), doc.context.obj([])),
    ];
    for (const [at, change] of cases.entries()) {
      for (const useObjectStreams of [true, false]) {
        const parsed = await trackerFormValues(await pdfWith(change, useObjectStreams), limits);
        expect(parsed, `case ${at}, object streams ${useObjectStreams}`).toEqual({
          ok: false,
          problem: 'scripted',
        });
      }
    }
  });

  it('is refused when it is encrypted', async () => {
    for (const useObjectStreams of [true, false]) {
      const bytes = await pdfWith((doc) => {
        doc.context.trailerInfo.Encrypt = doc.context.register(
          doc.context.obj({
            Filter: 'Standard',
            V: 1,
            R: 2,
            O: PDFHexString.of('00'.repeat(32)),
            U: PDFHexString.of('00'.repeat(32)),
            P: -4,
          }),
        );
      }, useObjectStreams);
      expect(await trackerFormValues(bytes, limits)).toEqual({ ok: false, problem: 'encrypted' });
    }
  });

  it('is refused when it has too many pages, none, or is not a PDF pdf-lib can read', async () => {
    expect(await trackerFormValues(await fillableTracker(), { maxPages: 16 })).toEqual({
      ok: false,
      problem: 'too-many-pages',
    });
    const empty = await PDFDocument.create();
    expect(await trackerFormValues(await empty.save({ addDefaultPage: false }), limits)).toEqual({
      ok: false,
      problem: 'malformed',
    });
    const garbage = new Uint8Array(4096).map((_, at) => (at * 7919) % 251);
    expect(await trackerFormValues(garbage, limits)).toEqual({ ok: false, problem: 'malformed' });
    const noCatalog = new TextEncoder().encode(
      '%PDF-1.7\n1 0 obj\n<< /Type /Page >>\nendobj\n%%EOF\n',
    );
    expect(await trackerFormValues(noCatalog, limits)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('is refused when two of its fields share a name', async () => {
    const bytes = await pdfWith((doc) => {
      const fields = doc.getForm().acroForm.dict.lookup(PDFName.of('Fields'), PDFArray);
      const first = fields.get(0);
      fields.push(first);
    });
    expect(await trackerFormValues(bytes, limits)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('keeps its form readable by other tools: checkboxes and text fields of the standard', async () => {
    const doc = await PDFDocument.load(await fillableTracker());
    const fields = doc.getForm().getFields();
    expect(fields.filter((field) => field instanceof PDFCheckBox)).toHaveLength(28 * 3);
    expect(fields.filter((field) => field instanceof PDFTextField)).toHaveLength(28 * 3 + 1);
    const widget = fields[0]?.acroField.getWidgets()[0];
    expect(widget?.dict.lookup(PDFName.of('AP'), PDFDict).has(PDFName.of('N'))).toBe(true);
  });
});
