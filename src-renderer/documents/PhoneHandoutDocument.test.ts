import { PDFDocument } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { clinicalWordIn } from '../../src-shared/domain/client-facing-template';
import {
  type HandoutInput,
  handoutHeadings,
  handoutOf,
  revealsTherapy,
  trackerOf,
} from '../../src-shared/domain/handout';
import { exampleHandoutInput, neverPrinted } from '../../src-shared/domain/handout-examples';
import { PHONE_PAGE, type PhoneTrackerCell } from '../../src-shared/domain/phone-tracker-layout';
import { useDocumentFontFiles } from './fonts';
import { nodeDocumentFontFiles } from './node-font-files';
import { type PdfPageText, readPdfPages } from './pdf-text';
import { phoneHandoutOf, phoneHandoutTexts } from './PhoneHandoutDocument';
import { phoneTrackerLayoutOf } from './PhoneTrackerPages';
import { renderPhoneHandoutPdf, UnprintableTextError } from './render';

/**
 * The handout laid out for a phone, rendered in Node and read back with pdf.js: phone-sized pages,
 * the plan and the smallest version first, every day on the tracker's pages (the last ones), each
 * box and field drawn exactly on its cell of the shared layout, and nothing therapist-only.
 */

beforeAll(() => useDocumentFontFiles(nodeDocumentFontFiles()));

/** Text with every run of white space as one space, so wrapped lines read as sentences. */
const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** All of a document's text, squashed. */
const allText = (pages: readonly PdfPageText[]) => squash(pages.map((page) => page.text).join(' '));

const withAssignment = (
  changes: Partial<HandoutInput['assignment']>,
  input: HandoutInput = exampleHandoutInput,
): HandoutInput => ({ ...input, assignment: { ...input.assignment, ...changes } });

const phoneModel = (input: HandoutInput) => phoneHandoutOf(handoutOf(input), trackerOf(input));

/** The long day names the tracker's pages use, e.g. "Tuesday 1 Dec" or "Monday 7 December". */
const dayName = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+/gu;

describe('the phone handout of the worked example', () => {
  const model = phoneModel(exampleHandoutInput);
  const layout = phoneTrackerLayoutOf(model.tracker);
  let bytes: Uint8Array;
  let pages: PdfPageText[];
  let text: string;
  beforeAll(async () => {
    bytes = await renderPhoneHandoutPdf(model);
    pages = await readPdfPages(bytes);
    text = allText(pages);
  });

  it('is made of phone-sized pages', () => {
    for (const page of pages) {
      expect(page.width).toBe(PHONE_PAGE.width);
      expect(page.height).toBe(PHONE_PAGE.height);
    }
  });

  it('opens with the title, the plan and the smallest version', () => {
    const first = squash(pages[0]?.text ?? '');
    expect(first).toContain('An evening walk, three times a week');
    expect(first).toContain(squash(model.handout.plan?.sentence ?? 'no plan'));
    expect(first).toContain('The smallest version that still counts');
    expect(first).toContain('Step outside the front door for two minutes.');
    expect(first).toContain('For Jonas');
  });

  it('gives each idea a page of its own, in order, before the tracker', () => {
    const pageOf = (words: string) => pages.findIndex((page) => squash(page.text).includes(words));
    const order = [
      handoutHeadings.why,
      handoutHeadings.steps,
      handoutHeadings.ifThen,
      'Until next time',
    ].map(pageOf);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(squash(pages[3]?.text ?? '')).toContain(handoutHeadings.backup);
    expect(squash(pages[4]?.text ?? '')).toContain('My reminder: Sticky note on the fridge');
    expect(squash(pages[4]?.text ?? '')).toContain('We meet again on Tuesday 8 December 2026.');
    expect(pages).toHaveLength(5 + layout.length);
  });

  it('has every day on the tracker’s pages, which are the last ones, as the layout places them', () => {
    const trackerPages = pages.slice(pages.length - layout.length);
    expect(model.tracker.rows.map((row) => row.date)).toEqual(
      layout.flatMap((page) => page.days.map((day) => day.date)),
    );
    expect(model.tracker.rows).toHaveLength(8);
    for (const [index, page] of layout.entries()) {
      const printed = squash(trackerPages[index]?.text ?? '');
      expect(printed).toMatch(/^Keeping track /u);
      const names = printed.match(dayName) ?? [];
      expect(names).toHaveLength(page.days.length);
      for (const [at, day] of page.days.entries()) {
        const row = model.tracker.rows.find((each) => each.date === day.date);
        expect(names[at]).toContain(row?.day.split(' ')[0]);
      }
      expect(printed.match(/Did it/gu)).toHaveLength(page.days.length);
      expect(printed.match(/Some of it/gu)).toHaveLength(page.days.length);
      expect(printed.match(/Note/gu)).toHaveLength(page.days.length);
      for (const label of ['Walked', 'Minutes', 'Mood after (0–10)']) {
        expect(printed.split(label)).toHaveLength(page.days.length + 1);
      }
    }
    expect(squash(trackerPages[0]?.text ?? '')).toContain('Tue 1 – Wed 2 Dec');
    expect(squash(trackerPages.at(-1)?.text ?? '')).toContain('Monday 7 December');
  });

  it('draws every box and field exactly on its cell', async () => {
    const boxes = await pathBoxes(bytes);
    const trackerBoxes = boxes.slice(boxes.length - layout.length);
    for (const [index, page] of layout.entries()) {
      for (const cell of page.days.flatMap((day) => day.cells)) {
        expect(trackerBoxes[index]?.some((box) => sameRect(box, cell))).toBe(true);
      }
    }
  });

  it('prints nothing therapist-only, and says nothing of its maker', async () => {
    for (const forbidden of Object.values(neverPrinted)) expect(text).not.toContain(forbidden);
    expect(text).not.toMatch(/%|out of 10|Ødegård/u);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('An evening walk, three times a week – 1 Dec 2026 (phone)');
    expect(pdf.getCreator() ?? '').toBe('');
    expect(pdf.getProducer() ?? '').toBe('');
  });

  it('keeps its text on the page, the box labels no nearer its edge than 10 points', () => {
    for (const page of pages) {
      for (const item of page.items) {
        expect(item.x, item.text).toBeGreaterThanOrEqual(PHONE_PAGE.margin - 1);
        expect(item.x + item.width, item.text).toBeLessThanOrEqual(page.width - 10);
        expect(item.size, item.text).toBeGreaterThanOrEqual(11.5);
      }
    }
  });
});

describe('a discreet phone handout', () => {
  const input: HandoutInput = {
    ...withAssignment({
      title: 'Behavioural activation homework',
      whyItMatters: 'My therapist says it helps.\n\nI want evenings to feel like mine again.',
      trackerFields: [{ label: 'Homework done', kind: 'yes-no' }],
    }),
    discreet: true,
    nameOnHandout: 'none',
    practiceName: 'Riverside Psychology Clinic',
  };

  it('carries no clinical word and no name, in its pages or its title', async () => {
    const model = phoneModel(input);
    const bytes = await renderPhoneHandoutPdf(model);
    const text = allText(await readPdfPages(bytes));
    expect(clinicalWordIn(text)).toBeNull();
    expect(revealsTherapy(text)).toBe(false);
    expect(text).not.toMatch(/Jonas|Ødegård|For /u);
    expect(text).toContain('Evening walks');
    expect(text).toContain('Done');
    for (const forbidden of Object.values(neverPrinted)) expect(text).not.toContain(forbidden);
    const title = (await PDFDocument.load(bytes, { updateMetadata: false })).getTitle() ?? '';
    expect(clinicalWordIn(title)).toBeNull();
    expect(title).not.toMatch(/Jonas|Ødegård/u);
  });
});

describe('a phone handout with little to say', () => {
  it('skips empty ideas, and keeps the boxes and a note when the client chose nothing to note', async () => {
    const input: HandoutInput = {
      ...withAssignment({
        purpose: '',
        whyItMatters: '',
        goals: [],
        steps: [],
        barriers: [],
        backupPlan: '',
        reminderPlace: '',
        trackerFields: [],
        discreetWording: null,
      }),
      nextSessionOn: null,
    };
    const model = phoneModel(input);
    expect(model.tracker.columns).toEqual([]);
    const pages = await readPdfPages(await renderPhoneHandoutPdf(model));
    const layout = phoneTrackerLayoutOf(model.tracker);
    expect(pages).toHaveLength(2 + layout.length);
    const text = allText(pages);
    for (const heading of [handoutHeadings.why, handoutHeadings.steps, handoutHeadings.ifThen]) {
      expect(text).not.toContain(heading);
    }
    expect(text).not.toContain('Until next time');
    expect(squash(pages[1]?.text ?? '')).toMatch(/^Keeping track A mark for each time/u);
    expect(text.match(/Did it/gu)).toHaveLength(8);
  });
});

describe('long text on a phone', () => {
  const paragraph =
    'Some evenings are harder than others, and that is part of it too, nothing to fix. ';

  it('flows on to the next page, never cut, and the tracker stays last', async () => {
    const whyItMatters = Array.from({ length: 6 }, () => paragraph.repeat(4).trim()).join('\n\n');
    const model = phoneModel(withAssignment({ whyItMatters }));
    const pages = await readPdfPages(await renderPhoneHandoutPdf(model));
    const layout = phoneTrackerLayoutOf(model.tracker);
    expect(pages.length).toBeGreaterThan(5 + layout.length);
    expect(allText(pages)).toContain(squash(whyItMatters));
    expect(squash(pages.at(-layout.length)?.text ?? '')).toMatch(/^Keeping track /u);
  });

  it('fits a long column label beside or above its field, smaller', async () => {
    const label = 'What I noticed in my body and my mood afterwards, in a word or two';
    const model = phoneModel(
      withAssignment({
        trackerFields: [
          { label: label.slice(0, 60), kind: 'short-text' },
          { label: label.slice(0, 60), kind: 'count' },
        ],
      }),
    );
    const pages = await readPdfPages(await renderPhoneHandoutPdf(model));
    const tracker = pages.slice(pages.length - phoneTrackerLayoutOf(model.tracker).length);
    for (const page of tracker) {
      expect(squash(page.text).split(squash(label.slice(0, 60)))).toHaveLength(
        2 * (squash(page.text).match(dayName)?.length ?? 0) + 1,
      );
      for (const item of page.items) {
        expect(item.x + item.width, item.text).toBeLessThanOrEqual(page.width - 10);
      }
    }
  });
});

describe('text the fonts cannot draw', () => {
  it('is refused, in a column label as anywhere', async () => {
    const model = phoneModel(
      withAssignment({ trackerFields: [{ label: 'ก่อนนอน', kind: 'yes-no' }] }),
    );
    expect(phoneHandoutTexts(model)).toContain('ก่อนนอน');
    const error = await renderPhoneHandoutPdf(model).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnprintableTextError);
  });
});

/** A rectangle, in points from the page's top left. */
type Rect = { x: number; y: number; w: number; h: number };

function sameRect(a: Rect, b: PhoneTrackerCell): boolean {
  const close = (p: number, q: number) => Math.abs(p - q) < 0.01;
  return close(a.x, b.x) && close(a.y, b.y) && close(a.w, b.w) && close(a.h, b.h);
}

/**
 * The bounding box of every path drawn on each page, in points from the page's top left: pdf.js
 * gives each path's box in the user space it was drawn in, which is carried to the page's through
 * the transforms in force.
 */
async function pathBoxes(bytes: Uint8Array): Promise<Rect[][]> {
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 });
  const document = await task.promise;
  try {
    const pages: Rect[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const height = page.view[3] ?? 0;
      const { fnArray, argsArray } = await page.getOperatorList();
      const stack: number[][] = [];
      let ctm = [1, 0, 0, 1, 0, 0];
      const boxes: Rect[] = [];
      fnArray.forEach((fn, index) => {
        const args = argsArray[index] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
        else if (fn === OPS.constructPath) {
          const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = Array.from(args[2] as ArrayLike<number>);
          const [ax, ay] = apply(ctm, x0, y0);
          const [bx, by] = apply(ctm, x1, y1);
          boxes.push({
            x: Math.min(ax, bx),
            y: height - Math.max(ay, by),
            w: Math.abs(bx - ax),
            h: Math.abs(by - ay),
          });
        }
      });
      pages.push(boxes);
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** `transform` applied within `ctm`, as PDF's `cm` does. */
function multiply(ctm: number[], transform: number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = ctm;
  const [p = 1, q = 0, r = 0, s = 1, t = 0, u = 0] = transform;
  return [
    p * a + q * c,
    p * b + q * d,
    r * a + s * c,
    r * b + s * d,
    t * a + u * c + e,
    t * b + u * d + f,
  ];
}

function apply(ctm: number[], x: number, y: number): [number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = ctm;
  return [a * x + c * y + e, b * x + d * y + f];
}
