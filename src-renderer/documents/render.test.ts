import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assignment } from '../../src-shared/domain/assignment';
import { clinicalWordIn } from '../../src-shared/domain/client-facing-template';
import {
  type HandoutInput,
  handoutHeadings,
  handoutOf,
  handoutTexts,
  revealsTherapy,
  sessionSummaryOf,
  trackerOf,
} from '../../src-shared/domain/handout';
import {
  exampleAssignment,
  exampleHandoutInput,
  exampleSession,
  exampleSessionSummaryInput,
  neverPrinted,
} from '../../src-shared/domain/handout-examples';
import type { DocumentOptions } from './document-style';
import { unsupportedCharactersIn } from './font-coverage';
import { useDocumentFontFiles } from './fonts';
import { nodeDocumentFontFiles } from './node-font-files';
import { type PdfPageText, readPdfPages } from './pdf-text';
import {
  AttachedPdfError,
  appendPdfs,
  renderHandoutPdf,
  renderRecoverySheetPdf,
  renderSessionSummaryPdf,
  renderTrackerPdf,
  UnprintableTextError,
} from './render';

/**
 * The documents rendered in Node and read back with pdf.js: each section is there, nothing
 * therapist-only is, discreet ones carry no clinical word and no name, long text flows on to
 * more pages and stays inside the margins, and names in the bundled scripts come back intact.
 */

const letter: DocumentOptions = { pageSize: 'letter', largePrint: false };

beforeAll(() => useDocumentFontFiles(nodeDocumentFontFiles()));

/** Text with every run of white space as one space, so wrapped lines read as sentences. */
const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** All of a document's text, squashed. */
const allText = (pages: readonly PdfPageText[]) => squash(pages.map((page) => page.text).join(' '));

/** The running header and footer of the worked example, which every page repeats. */
const running = [
  'Riverside Practice · Anna Berg',
  'For Jonas',
  'We meet again on Tuesday 8 December 2026.',
  /Page \d+ of \d+/gu,
];

/** A document's text without its running header and footer, squashed: the flow as written. */
const flowText = (pages: readonly PdfPageText[]) =>
  squash(
    running.reduce<string>(
      (text, line) =>
        typeof line === 'string' ? text.split(line).join(' ') : text.replace(line, ' '),
      pages.map((page) => page.text).join(' '),
    ),
  );

/** The text must sit inside the page's side margins (60 points), give or take a hair. */
function expectInsideMargins(pages: readonly PdfPageText[]) {
  for (const page of pages) {
    for (const item of page.items) {
      expect(item.x, item.text).toBeGreaterThanOrEqual(59);
      expect(item.x + item.width, item.text).toBeLessThanOrEqual(page.width - 59);
    }
  }
}

const withAssignment = (
  changes: Partial<Assignment>,
  input: HandoutInput = exampleHandoutInput,
) => ({
  ...input,
  assignment: { ...input.assignment, ...changes },
});

async function handoutPages(input: HandoutInput, options = letter) {
  return readPdfPages(await renderHandoutPdf(handoutOf(input), options));
}

describe('the handout', () => {
  let pages: PdfPageText[];
  let text: string;
  beforeAll(async () => {
    pages = await handoutPages(exampleHandoutInput);
    text = allText(pages);
  });

  it('has every section of a full assignment', () => {
    const model = handoutOf(exampleHandoutInput);
    for (const printed of handoutTexts(model)) expect(text).toContain(squash(printed));
    for (const heading of [
      handoutHeadings.why,
      handoutHeadings.steps,
      handoutHeadings.plan,
      handoutHeadings.smallest,
      handoutHeadings.ifThen,
      handoutHeadings.backup,
      handoutHeadings.tracker,
      handoutHeadings.worksheet,
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('It’s a step towards: Have more energy for the kids after work');
  });

  it('fits a full assignment on one page, then the tracker and the worksheet', () => {
    expect(pages).toHaveLength(3);
    expect(pages[0]?.text).toContain('If something gets in the way');
    expect(pages[1]?.text).toContain('Keeping track');
    expect(pages[2]?.text).toContain('Room to think it through');
  });

  it('has the header and the next meeting on every page', () => {
    for (const [index, page] of pages.entries()) {
      expect(page.text).toContain('Riverside Practice · Anna Berg');
      expect(page.text).toContain('For Jonas');
      expect(squash(page.text)).toContain('We meet again on Tuesday 8 December 2026.');
      expect(page.text).toContain(`Page ${index + 1} of 3`);
    }
  });

  it('has a tracker row for every day until the review date', () => {
    const tracker = pages[1]?.text ?? '';
    for (const day of ['Tue 1 Dec', 'Wed 2 Dec', 'Sun 6 Dec', 'Mon 7 Dec', 'Tue 8 Dec']) {
      expect(squash(tracker)).toContain(day);
    }
    expect(squash(tracker)).toContain('Day Walked Minutes Mood after (0–10)');
  });

  it('prints nothing therapist-only', () => {
    for (const forbidden of Object.values(neverPrinted)) expect(text).not.toContain(forbidden);
    expect(text).not.toMatch(/%|out of 10|Jonas Ødegård|Ødegård/u);
    for (const number of ['6', '8', '9']) {
      expect(text).not.toMatch(new RegExp(`(?:confidence|importance)\\D*${number}`, 'iu'));
    }
  });

  it('carries its file name as its title, and says nothing of its maker', async () => {
    const bytes = await renderHandoutPdf(handoutOf(exampleHandoutInput), letter);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('An evening walk, three times a week – 1 Dec 2026');
    expect(pdf.getAuthor()).toBeUndefined();
    expect(pdf.getCreator() ?? '').toBe('');
    expect(pdf.getProducer() ?? '').toBe('');
  });

  it('is made on Letter or A4 paper, and larger in large print', async () => {
    const a4 = await handoutPages(exampleHandoutInput, { pageSize: 'a4', largePrint: true });
    expect(pages[0]?.width).toBe(612);
    expect(pages[0]?.height).toBe(792);
    expect(a4[0]?.width).toBeCloseTo(595.28, 1);
    expect(a4[0]?.height).toBeCloseTo(841.89, 1);
    const sizeOf = (page: PdfPageText | undefined, words: string) =>
      page?.items.find((item) => item.text.includes(words))?.size ?? 0;
    expect(sizeOf(pages[0], 'Put your shoes')).toBeCloseTo(11, 0);
    expect(sizeOf(a4[0], 'Put your shoes')).toBeCloseTo(14.67, 1);
    expect(a4.length).toBeGreaterThan(pages.length);
    expect(a4.length).toBeLessThanOrEqual(5);
    expectInsideMargins(a4);
  });
});

describe('a handout with every optional field empty', () => {
  it('is one finished page with no empty heading', async () => {
    const pages = await handoutPages({
      ...withAssignment({
        purpose: '',
        whyItMatters: '',
        goals: [],
        steps: [],
        dose: null,
        minimum: { label: '', dose: null },
        days: [],
        plan: { what: '', time: null, cue: '', where: '' },
        ladder: [],
        trackerFields: [],
        barriers: [],
        backupPlan: '',
        reminderPlace: '',
        discreetWording: null,
      }),
      worksheetPrompts: [],
      nextSessionOn: null,
      practiceName: '',
      clinicianName: '',
      nameOnHandout: 'none',
    });
    expect(pages).toHaveLength(1);
    const text = allText(pages);
    expect(text).toContain(exampleAssignment.title);
    for (const heading of Object.values(handoutHeadings)) expect(text).not.toContain(heading);
    expect(text).not.toMatch(/For |We meet again|Page 1/u);
    expect(text).toContain('Notes');
  });
});

describe('a discreet handout', () => {
  const clinicalInput: HandoutInput = {
    ...withAssignment({
      title: 'Behavioural activation homework',
      whyItMatters: 'My therapist says it helps.\n\nI want evenings to feel like mine again.',
      steps: ['Walk after dinner.', 'Tell your therapist how it went next session.'],
      trackerFields: [{ label: 'Homework done', kind: 'yes-no' }],
      barriers: [
        { kind: 'forgot', barrier: 'Forgetting CBT homework', ifThen: 'If I forget, I walk.' },
      ],
    }),
    discreet: true,
    nameOnHandout: 'none',
    practiceName: 'Riverside Psychology Clinic',
    clinicianName: 'Anna Berg, counsellor',
    worksheetPrompts: ['What did your therapy teach you?'],
  };

  it('carries no clinical word and no name anywhere, metadata and file name included', async () => {
    const model = handoutOf(clinicalInput);
    const bytes = await renderHandoutPdf(model, letter);
    const text = allText(await readPdfPages(bytes));
    expect(clinicalWordIn(text)).toBeNull();
    expect(revealsTherapy(text)).toBe(false);
    expect(text).not.toMatch(/Jonas|Ødegård/u);
    expect(text).toContain('Evening walks');
    expect(text).toContain('I want evenings to feel like mine again.');
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const metadata = [pdf.getTitle(), pdf.getSubject(), pdf.getKeywords(), pdf.getAuthor()].join(
      ' ',
    );
    expect(clinicalWordIn(metadata)).toBeNull();
    expect(metadata).not.toMatch(/Jonas|Ødegård/u);
    expect(clinicalWordIn(model.fileNameStem)).toBeNull();
  });

  it('keeps cautions and private notes out, as every document does', async () => {
    const text = allText(await handoutPages(clinicalInput));
    for (const forbidden of Object.values(neverPrinted)) expect(text).not.toContain(forbidden);
  });
});

describe('long text', () => {
  const paragraph =
    'Some evenings are harder than others, and that is part of it too, nothing to fix. ';
  const long = paragraph
    .repeat(Math.ceil(5000 / paragraph.length))
    .slice(0, 5000)
    .trim();

  it('flows on to more pages, every word printed, inside the margins', async () => {
    const summary = sessionSummaryOf({
      ...exampleSessionSummaryInput,
      session: { ...exampleSession, summaryForClient: long },
    });
    const pages = await readPdfPages(await renderSessionSummaryPdf(summary, letter));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(flowText(pages)).toContain(squash(long));
    expectInsideMargins(pages);
  });

  it('wraps a word too long for a line instead of running off the page', async () => {
    const unbroken = 'x'.repeat(180);
    const pages = await handoutPages(
      withAssignment({
        whyItMatters: long.slice(0, 1000),
        steps: Array.from(
          { length: 12 },
          (_, index) => `${index + 1}. ${paragraph.repeat(3).trim()}`,
        ),
        backupPlan: `See ${unbroken} for the route.`,
      }),
    );
    expectInsideMargins(pages);
    expect(flowText(pages).replace(/[\s-]/gu, '')).toContain(`See${unbroken}fortheroute.`);
    expect(pages.length).toBeLessThanOrEqual(5);
  });
});

describe('names in the bundled scripts', () => {
  const names = ['Ødegård', 'Nguyễn Văn An', 'Zoë', 'Łukasz', 'Παπαδόπουλος', 'Иванов'];

  it('are drawn and read back intact', async () => {
    const model = handoutOf(
      withAssignment({ steps: names.map((name) => `Call ${name} on Sunday.`), trackerFields: [] }),
    );
    expect(unsupportedCharactersIn(handoutTexts(model))).toEqual([]);
    const text = allText(await readPdfPages(await renderHandoutPdf(model, letter))).normalize(
      'NFC',
    );
    for (const name of names) expect(text).toContain(`Call ${name} on Sunday.`);
  });

  it('the client’s first name in the header, in any of them', async () => {
    for (const clientName of ['Nguyễn Thị Mai', 'Παπαδόπουλος Νίκος', 'Иванов Пётр']) {
      const model = handoutOf({ ...exampleHandoutInput, clientName, worksheetPrompts: [] });
      const pages = await readPdfPages(await renderHandoutPdf(model, letter));
      expect(pages[0]?.text.normalize('NFC')).toContain(`For ${clientName.split(' ')[0]}`);
    }
  });

  it('a script the fonts cannot draw is refused rather than printed as boxes or stray marks', async () => {
    const model = handoutOf(withAssignment({ steps: ['Call สมชาย on Sunday.', 'Walk 🚶'] }));
    const error = await renderHandoutPdf(model, letter).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnprintableTextError);
    expect((error as UnprintableTextError).characters).toEqual(['ส', 'ม', 'ช', 'า', 'ย', '🚶']);
  });

  it('a script the fonts cannot draw is reported before saving', () => {
    const thai = handoutOf({ ...exampleHandoutInput, clientName: 'สมชาย ใจดี' });
    expect(unsupportedCharactersIn(handoutTexts(thai))).toContain('ส');
    const chinese = handoutOf(withAssignment({ title: '晚上散步' }));
    expect(unsupportedCharactersIn(handoutTexts(chinese))).toEqual(['晚', '上', '散', '步']);
  });
});

describe('the tracker on its own', () => {
  it('has the plan in brief and every day, over as many pages as the days need', async () => {
    const input = withAssignment({ reviewBy: '2027-01-29' });
    const pages = await readPdfPages(await renderTrackerPdf(trackerOf(input), letter));
    const days = trackerOf(input).tracker.rows;
    expect(days).toHaveLength(60);
    expect(pages.length).toBe(4);
    const text = allText(pages);
    expect(text).toContain('I will walk round the block');
    for (const row of days) expect(text).toContain(`${row.weekday} ${row.day}`);
    for (const page of pages) expect(squash(page.text)).toContain('Day Walked Minutes');
    expect(pages[1]?.text).toContain('Keeping track (continued)');
    expectInsideMargins(pages);
  });
});

describe('the session summary', () => {
  it('has the summary and the practice agreed, never the private notes', async () => {
    const pages = await readPdfPages(
      await renderSessionSummaryPdf(sessionSummaryOf(exampleSessionSummaryInput), letter),
    );
    expect(pages).toHaveLength(1);
    const text = allText(pages);
    expect(text).toContain('What we talked about');
    expect(text).toContain('We agreed to try short walks after dinner');
    expect(text).toContain('This week’s practice');
    expect(text).toContain(exampleAssignment.title);
    expect(text).toContain('Step outside the front door for two minutes.');
    expect(text).not.toContain(neverPrinted.privateNotes);
    expect(text).not.toContain(neverPrinted.caution);
  });
});

describe('the recovery sheet', () => {
  const recoveryKey = '7K3M-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';

  it('has the vault’s name, the key and what to do with it, and nothing else', async () => {
    const bytes = await renderRecoverySheetPdf(
      { vaultName: 'Anna’s practice', recoveryKey },
      letter,
    );
    const pages = await readPdfPages(bytes);
    expect(pages).toHaveLength(1);
    const text = allText(pages);
    expect(text).toContain('Anna’s practice');
    expect(text.replace(/[\s-]/gu, '')).toContain(recoveryKey.replace(/-/gu, ''));
    expect(text).toContain('Keeping it safe');
    expect(text).toContain('Using it');
    expect(text).not.toMatch(/For |We meet again|Page \d/u);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Recovery sheet');
  });

  it('leaves out letters of the vault’s name the fonts cannot draw, never the key', async () => {
    const bytes = await renderRecoverySheetPdf(
      { vaultName: 'Practice 🌿 診療', recoveryKey },
      letter,
    );
    const text = allText(await readPdfPages(bytes));
    expect(text).toContain('Practice');
    expect(text.replace(/[\s-]/gu, '')).toContain(recoveryKey.replace(/-/gu, ''));
    const untitled = await renderRecoverySheetPdf({ vaultName: '診療', recoveryKey }, letter);
    expect(allText(await readPdfPages(untitled))).toContain('Your vault');
  });
});

describe('appendPdfs', () => {
  async function attachment(words: string, pages = 1): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    pdf.setTitle('Attached worksheet with its own title');
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let index = 0; index < pages; index++) {
      pdf.addPage([612, 792]).drawText(`${words} ${index + 1}`, { x: 72, y: 700, font, size: 14 });
    }
    return pdf.save();
  }

  it('adds the attached pages after the handout, keeping the handout’s own details', async () => {
    const handout = await renderHandoutPdf(handoutOf(exampleHandoutInput), letter);
    const merged = await appendPdfs(handout, [
      await attachment('Thought record', 2),
      await attachment('Values'),
    ]);
    const pages = await readPdfPages(merged);
    expect(pages).toHaveLength(6);
    expect(pages[3]?.text).toContain('Thought record 1');
    expect(pages[4]?.text).toContain('Thought record 2');
    expect(pages[5]?.text).toContain('Values 1');
    expect((await PDFDocument.load(merged)).getTitle()).toBe(
      'An evening walk, three times a week – 1 Dec 2026',
    );
  });

  it('returns the handout as it is with nothing to attach', async () => {
    const handout = await renderHandoutPdf(handoutOf(exampleHandoutInput), letter);
    expect(await appendPdfs(handout, [])).toBe(handout);
  });

  it('names an attachment it cannot read', async () => {
    const handout = await renderHandoutPdf(handoutOf(exampleHandoutInput), letter);
    const damaged = new TextEncoder().encode('%PDF-1.7 this is not really a PDF');
    const error = await appendPdfs(handout, [await attachment('Fine'), damaged]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AttachedPdfError);
    expect((error as AttachedPdfError).attachment).toBe(2);
    expect((error as AttachedPdfError).message).toBe(
      'Attached PDF 2 couldn’t be read; the file may be damaged.',
    );
  });
});
