import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balancedLines,
  type FontSpec,
  layoutReminderImage,
  type MeasureText,
  type PlacedLine,
  type ReminderImageContent,
  type ReminderImageFormat,
  reminderImageFormats,
  reminderImageKinds,
  wrapText,
} from './reminder-image-layout';

/**
 * The reminder image's layout with a stand-in for the canvas's measure: every grapheme is
 * 0.55 em wide (a little wider when bold), close to a sans-serif's average.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const measure: MeasureText = (text, font) =>
  [...segmenter.segment(text)].length * font.size * (font.weight >= 600 ? 0.58 : 0.55);

const content: ReminderImageContent = {
  title: 'Getting out and about',
  plan: 'I will walk to the gate on Monday, Wednesday and Friday at 18:30, after dinner, at our street.',
  smallest: 'Step outside for one minute.',
};

const lock = reminderImageFormats['lock-screen-1170'];

/** The top and bottom of a placed line's box. */
const extent = (line: PlacedLine) => ({
  top: line.middle - line.height / 2,
  bottom: line.middle + line.height / 2,
});

/** Every line inside the text box, horizontally by measure and vertically by its line box. */
function expectInside(lines: PlacedLine[], format: ReminderImageFormat) {
  const box = format.text;
  for (const line of lines) {
    expect(line.x).toBeGreaterThanOrEqual(box.x);
    expect(line.x + measure(line.text, line.font)).toBeLessThanOrEqual(box.x + box.width + 0.001);
    expect(line.height).toBeGreaterThanOrEqual(line.font.size * 1.2);
    const { top, bottom } = extent(line);
    expect(top).toBeGreaterThanOrEqual(box.y - 0.001);
    expect(bottom).toBeLessThanOrEqual(box.y + box.height + 0.001);
  }
}

const textOf = (lines: PlacedLine[], role: PlacedLine['role']) =>
  lines
    .filter((line) => line.role === role)
    .map((line) => line.text)
    .join(' ');

describe('the formats', () => {
  it('are the phone sizes and a square card, each text box inside its image', () => {
    expect([lock.width, lock.height]).toEqual([1170, 2532]);
    const android = reminderImageFormats['lock-screen-1080'];
    expect([android.width, android.height]).toEqual([1080, 2400]);
    const note = reminderImageFormats['sticky-note'];
    expect(note.width).toBe(note.height);
    for (const kind of reminderImageKinds) {
      const { width, height, text } = reminderImageFormats[kind];
      expect(text.x).toBeGreaterThan(0);
      expect(text.y).toBeGreaterThan(0);
      expect(text.x + text.width).toBeLessThan(width);
      expect(text.y + text.height).toBeLessThan(height);
    }
  });

  it('keep lock-screen text clear of the clock at the top and the controls at the bottom', () => {
    for (const kind of ['lock-screen-1170', 'lock-screen-1080'] as const) {
      const { height, text } = reminderImageFormats[kind];
      expect(text.y / height).toBeGreaterThanOrEqual(0.35);
      expect((text.y + text.height) / height).toBeLessThanOrEqual(0.84);
    }
  });
});

describe('wrapping', () => {
  const font: FontSpec = { size: 10, weight: 400 };

  it('breaks at spaces, never wider than the width, keeping every word in order', () => {
    const text = 'one two three four five six seven eight nine ten';
    const lines = wrapText(text, 100, font, measure);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe(text);
  });

  it('cuts a word wider than a line between graphemes, never inside an emoji or accent', () => {
    const word = `${'Ødegård'.repeat(4)}👩‍👩‍👧e\u0301${'x'.repeat(10)}`;
    const lines = wrapText(word, 55, font, measure);
    expect(lines.join('')).toBe(word);
    for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(55);
    expect(lines.some((line) => line.includes('👩‍👩‍👧'))).toBe(true);
    expect(lines.some((line) => line.includes('e\u0301'))).toBe(true);
  });

  it('may break after a hyphen between letters, and nowhere else inside a word', () => {
    const lines = wrapText('forbi Ødegård-gården i dag', 100, font, measure);
    expect(lines).toEqual(['forbi Ødegård-', 'gården i dag']);
    expect(wrapText('a - b 10-12', 1000, font, measure)).toEqual(['a - b 10-12']);
  });

  it('has no lines for empty text and treats runs of white space as one space', () => {
    expect(wrapText('   ', 100, font, measure)).toEqual([]);
    expect(wrapText('a \n\t b', 100, font, measure)).toEqual(['a b']);
  });

  it('balances lines so the last is not a lonely word', () => {
    const text = 'walk round the block after dinner with';
    const greedy = wrapText(text, 200, font, measure);
    const balanced = balancedLines(text, 200, font, measure);
    expect(greedy.at(-1)).toBe('with');
    expect(balanced).toHaveLength(greedy.length);
    expect(balanced.at(-1)?.split(' ').length).toBeGreaterThan(1);
    expect(balanced.join(' ')).toBe(text);
  });
});

describe('the layout', () => {
  it('sets a short plan at the largest size, title above and the smallest version below', () => {
    const short = { ...content, plan: 'I will walk round the block at 18:30.' };
    const layout = layoutReminderImage(short, lock, measure);
    expect(layout.planSize).toBe(lock.type.planMax);
    const roles = layout.lines.map((line) => line.role);
    expect(roles[0]).toBe('title');
    expect(roles.lastIndexOf('title')).toBeLessThan(roles.indexOf('plan'));
    expect(roles.lastIndexOf('plan')).toBeLessThan(roles.indexOf('smallest-lead'));
    expect(roles.at(-1)).toBe('smallest');
    expect(textOf(layout.lines, 'plan')).toBe(short.plan);
    expect(textOf(layout.lines, 'title')).toBe(content.title);
    expect(textOf(layout.lines, 'smallest')).toBe(content.smallest);
    expect(layout.rule).not.toBeNull();
    const lastPlan = layout.lines.filter((line) => line.role === 'plan').at(-1);
    const lead = layout.lines.find((line) => line.role === 'smallest-lead');
    expect(layout.rule?.y).toBeGreaterThan(lastPlan?.middle ?? Infinity);
    expect(layout.rule?.y).toBeLessThan(lead?.middle ?? -Infinity);
    expectInside(layout.lines, lock);
  });

  it('keeps the title and the smallest version smaller than the plan, and readable', () => {
    const layout = layoutReminderImage(content, lock, measure);
    for (const line of layout.lines.filter((line) => line.role !== 'plan')) {
      expect(line.font.size).toBeLessThan(layout.planSize);
      const least =
        line.role === 'smallest-lead' ? lock.type.supportMin * 0.8 : lock.type.supportMin;
      expect(line.font.size).toBeGreaterThanOrEqual(Math.floor(least));
    }
  });

  it('centres the text vertically in the box', () => {
    const layout = layoutReminderImage(content, lock, measure);
    const first = layout.lines[0];
    const last = layout.lines.at(-1);
    if (!first || !last) throw new Error('no lines');
    const above = extent(first).top - lock.text.y;
    const below = lock.text.y + lock.text.height - extent(last).bottom;
    expect(Math.abs(above - below)).toBeLessThan(2);
  });

  it('shrinks a long plan to fit, and never below the least size', () => {
    const long = { ...content, plan: `I will ${'walk a little further each day '.repeat(9)}` };
    const layout = layoutReminderImage(long, lock, measure);
    expect(layout.planSize).toBeLessThan(lock.type.planMax);
    expect(layout.planSize).toBeGreaterThanOrEqual(lock.type.planMin);
    expect(textOf(layout.lines, 'plan')).toBe(long.plan.trim());
    expectInside(layout.lines, lock);
  });

  it('lets the smallest version, then the title, go before cutting the plan, and cuts with …', () => {
    const huge = { ...content, plan: 'practise '.repeat(400).trim() };
    const layout = layoutReminderImage(huge, lock, measure);
    expect(layout.lines.every((line) => line.role === 'plan')).toBe(true);
    expect(layout.planSize).toBe(lock.type.planMin);
    expect(layout.lines.at(-1)?.text.endsWith('…')).toBe(true);
    expectInside(layout.lines, lock);
  });

  it('gives an empty plan’s place to the title', () => {
    const layout = layoutReminderImage({ ...content, plan: '' }, lock, measure);
    expect(textOf(layout.lines, 'plan')).toBe(content.title);
    expect(layout.lines.some((line) => line.role === 'title')).toBe(false);
  });

  it('leaves out an empty smallest version and its rule', () => {
    const layout = layoutReminderImage({ ...content, smallest: '' }, lock, measure);
    expect(layout.rule).toBeNull();
    expect(layout.lines.some((line) => line.role.startsWith('smallest'))).toBe(false);
  });

  it('fits any content in every format (property)', () => {
    const text = (max: number) =>
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: max }),
        fc
          .array(fc.constantFrom('walk', 'Ødegård', 'a', 'Παπαδόπουλος', '🌿', 'x'.repeat(40)), {
            maxLength: max / 4,
          })
          .map((words) => words.join(' ')),
      );
    fc.assert(
      fc.property(
        fc.constantFrom(...reminderImageKinds),
        text(120),
        text(700),
        text(200),
        (kind, title, plan, smallest) => {
          const format = reminderImageFormats[kind];
          const layout = layoutReminderImage({ title, plan, smallest }, format, measure);
          expectInside(layout.lines, format);
          const shown = textOf(layout.lines, 'plan');
          const expected = (plan.trim() === '' ? title : plan).split(/\s+/u).join(' ').trim();
          if (!shown.endsWith('…'))
            expect(shown.replace(/ /g, '')).toBe(expected.replace(/ /g, ''));
        },
      ),
      { numRuns: 120 },
    );
  });
});
