import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadBuiltinTemplates } from '../../tests/fixtures/library';
import { assignmentSchema, assignmentSingleLineFields } from './assignment';
import { attachmentSchema, attachmentSingleLineFields } from './attachment';
import { clientSchema, clientSingleLineFields } from './client';
import { goalSchema } from './goal';
import { practiceLogSchema, practiceLogSingleLineFields } from './practice-log';
import { reviewSchema } from './review';
import { sessionSchema, sessionSingleLineFields } from './session';
import { customTemplateSchema, customTemplateSingleLineFields } from './template';
import { plainLine, plainText, quoteUserText, repairStoredText } from './text';
import { vaultLogEntrySchema, vaultLogSingleLineFields } from './vault-log';

function problemOf(schema: ReturnType<typeof plainText>, text: string): string | undefined {
  const parsed = schema.safeParse(text);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

describe('plain text', () => {
  it('accepts ordinary text in any script, tabs, line feeds and direction marks', () => {
    for (const text of [
      'Get back to Sunday football',
      'Line one\nLine two\twith a tab',
      'مرحبا بالعالم',
      'שלום, Maya (7)',
      'Amir\u200F and\u200E Maya\u061C',
      'café ☕ 🌅',
    ])
      expect(plainText().parse(text)).toBe(text);
  });

  it('turns Windows and old Mac line ends into line feeds', () => {
    expect(plainText().parse('one\r\ntwo\rthree\n')).toBe('one\ntwo\nthree\n');
  });

  it.each([
    ['right-to-left override', '\u202E'],
    ['left-to-right embedding', '\u202A'],
    ['pop directional formatting', '\u202C'],
    ['first strong isolate', '\u2068'],
    ['pop directional isolate', '\u2069'],
    ['null', '\u0000'],
    ['delete', '\u007F'],
  ])('refuses a hidden %s, naming it and where it is', (name, char) => {
    const message = problemOf(plainText(), `Take one${char} tablet`);
    expect(message).toMatch(/^This text contains a hidden control character/);
    expect(message).toContain(
      `(${name}, U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')})`,
    );
    expect(message).toContain('after “\u2068Take one\u2069”');
  });

  it('refuses the other C0 and C1 controls by their code', () => {
    for (const code of [0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x80, 0x85, 0x9f]) {
      const char = String.fromCodePoint(code);
      expect(problemOf(plainText(), `a${char}b`)).toContain(
        `(U+${code.toString(16).toUpperCase().padStart(4, '0')})`,
      );
    }
  });

  it('says when the hidden character is at the very start, and shortens a long text before it', () => {
    expect(problemOf(plainText(), '\u202Eabc')).toContain('at the very start');
    expect(problemOf(plainText(), `${'word '.repeat(20)}\u202E`)).toContain(
      'after “\u2068…word word word word word\u2069”',
    );
  });

  it('keeps working with length rules chained after it', () => {
    const schema = plainText().trim().min(1).max(5);
    expect(schema.parse('  abc  ')).toBe('abc');
    expect(schema.safeParse('abcdef').success).toBe(false);
    expect(schema.safeParse('   ').success).toBe(false);
  });
});

describe('a plain line', () => {
  it('refuses line breaks of every kind, saying where', () => {
    for (const text of ['Morning\nwalk', 'Morning\r\nwalk', 'Morning\rwalk', 'Morning\u2028walk'])
      expect(problemOf(plainLine(), text)).toBe(
        'This should be a single line, but it has a line break after “\u2068Morning\u2069”. Please join the lines.',
      );
  });

  it('accepts a tab and refuses hidden controls like plain text', () => {
    expect(plainLine().parse('Minutes\twalked')).toBe('Minutes\twalked');
    expect(problemOf(plainLine(), 'Maya\u202E')).toMatch(/hidden control character/);
  });
});

describe('quoting user text in a message', () => {
  it('isolates it, drops hidden controls and line breaks, and shortens it', () => {
    expect(quoteUserText('Urge\u202E surfing\nat night')).toBe(
      '“\u2068Urge surfing at night\u2069”',
    );
    expect(quoteUserText('abcdefghij', { max: 4 })).toBe('“\u2068abcd…\u2069”');
    expect(quoteUserText('abcdefghij', { max: 4, keep: 'end' })).toBe('“\u2068…ghij\u2069”');
  });
});

describe('repairing text stored before the rules', () => {
  it('marks hidden controls visibly, normalises line ends and joins lines of single-line fields', () => {
    expect(
      repairStoredText(
        {
          id: 'AAAAAAAAAAAAAAAAAAAAAA',
          name: 'Maya\u202E\r\nLindqvist',
          notes: 'One\r\ntwo\u0007',
          list: [{ label: 'a\nb', count: 3 }],
          concerns: ['low\nmood', null],
          archived: false,
        },
        ['name', 'label', 'concerns'],
      ),
    ).toEqual({
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      name: 'Maya\uFFFD Lindqvist',
      notes: 'One\ntwo\uFFFD',
      list: [{ label: 'a b', count: 3 }],
      concerns: ['low mood', null],
      archived: false,
    });
  });

  it('never leaves a text made only of hidden controls empty', () => {
    expect(repairStoredText({ title: '\u202E' }, ['title'])).toEqual({ title: '\uFFFD' });
  });

  it('leaves clean records as they are', () => {
    const record = { name: 'Jonas Ødegård', notes: 'Line\nline', n: 1 };
    expect(repairStoredText(record, ['name'])).toEqual(record);
  });
});

const id = 'AAAAAAAAAAAAAAAAAAAAAA';
const at = '2026-11-26T10:00:00.000Z';
const {
  id: _slug,
  version: _version,
  ...templateContent
} = loadBuiltinTemplates().find((template) => template.id === 'graded-exposure-feared-situation') ??
(() => {
  throw new Error('the library has no graded-exposure-feared-situation template');
})();

/** A valid record of each stored entity with free text, its schema and its one-line fields. */
const entities: { name: string; schema: z.ZodType; sample: object; singleLine: string[] }[] = [
  {
    name: 'worksheet',
    schema: attachmentSchema,
    singleLine: attachmentSingleLineFields,
    sample: {
      id,
      kind: 'template-worksheet',
      lineageId: id,
      fileName: 'Thought record – week 3.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 1200,
      createdAt: at,
      damagedAt: at,
    },
  },
  {
    name: 'kept tracker',
    schema: attachmentSchema,
    singleLine: attachmentSingleLineFields,
    sample: {
      id,
      kind: 'returned-tracker',
      clientId: id,
      assignmentId: id,
      reviewId: id,
      fileName: 'Tracker – week 3.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 1200,
      createdAt: at,
    },
  },
  {
    name: 'client',
    schema: clientSchema,
    singleLine: clientSingleLineFields,
    sample: {
      id,
      name: 'Maya Lindqvist',
      status: 'active',
      privateNotes: 'Prefers mornings.',
      createdAt: at,
      statusChangedAt: at,
    },
  },
  {
    name: 'goal',
    schema: goalSchema,
    singleLine: [],
    sample: {
      id,
      clientId: id,
      clientWords: 'Get back to Sunday football',
      whyItMatters: 'My brother',
      status: 'active',
      createdAt: at,
      updatedAt: at,
    },
  },
  {
    name: 'custom template',
    schema: customTemplateSchema,
    singleLine: customTemplateSingleLineFields,
    sample: {
      ...templateContent,
      ladder: [{ step: 'Stand at the door', difficulty: 2 }],
      worksheetPrompts: ['What did you notice?'],
      id,
      lineageId: id,
      version: 1,
      basedOn: null,
      archivedAt: null,
      createdAt: at,
    },
  },
  {
    name: 'session',
    schema: sessionSchema,
    singleLine: sessionSingleLineFields,
    sample: {
      id,
      clientId: id,
      startsAt: at,
      durationMinutes: 50,
      status: 'held',
      reviewItems: [
        { assignmentId: id, state: 'deferred', deferredBecause: 'Safety check', reviewId: null },
      ],
      topics: ['Sleep'],
      assignmentIds: [id],
      summaryForClient: 'We talked about sleep.',
      privateNotes: 'Tired.',
      reviewedFirst: true,
      revision: 0,
      createdAt: at,
      updatedAt: at,
    },
  },
  {
    name: 'assignment',
    schema: assignmentSchema,
    singleLine: assignmentSingleLineFields,
    sample: {
      id,
      clientId: id,
      sessionId: id,
      template: { templateId: 'evening-walk', version: 1 },
      clinicalTitle: 'Behavioural activation',
      title: 'Evening walk',
      discreetTitle: 'Walk',
      purpose: 'Moving lifts the mood.',
      whyItMatters: 'I want to feel like myself',
      whatFeelsDoable: 'A short walk feels doable',
      goals: [{ goalId: id, words: 'Feel better' }],
      noGoalBecause: 'Settling in',
      steps: ['Walk to the corner'],
      doseOptions: [{ label: 'Daily', dose: { kind: 'per-week', timesPerWeek: 7 } }],
      dose: {
        label: 'Three times a week',
        dose: { kind: 'per-week', timesPerWeek: 3, minutes: 10 },
      },
      minimum: { label: 'Shoes on, out the door', dose: { kind: 'per-week', timesPerWeek: 1 } },
      days: [1, 3, 5],
      plan: { what: 'Walk', time: '19:00', cue: 'After dinner', where: 'The park' },
      ladder: [{ step: 'Round the block' }],
      ladderStep: 0,
      trackerFields: [{ label: 'Minutes walked', kind: 'minutes' }],
      barriers: [
        { kind: 'no-time', barrier: 'Rain', ifThen: 'If it rains, then I take an umbrella.' },
      ],
      backupPlan: 'Walk indoors',
      confidenceBefore: 6,
      confidenceAfter: 8,
      importance: 9,
      materials: 'Handout',
      reminderPlace: 'Sticky note on the kettle',
      cautions: ['Check with a doctor first'],
      cautionsAcknowledgedAt: at,
      discreetWording: { purpose: 'Moving helps.' },
      status: 'active',
      replaces: { assignmentId: id, reason: 'Smaller' },
      startsOn: '2026-11-26',
      reviewBy: '2026-12-03',
      builderStep: 2,
      revision: 1,
      createdAt: at,
      updatedAt: at,
    },
  },
  {
    name: 'review',
    schema: reviewSchema,
    singleLine: [],
    sample: {
      id,
      clientId: id,
      assignmentId: id,
      sessionId: null,
      reviewedAt: at,
      outcome: 'some-of-it',
      smallestVersionMet: true,
      amountFrom: 'estimate',
      percentDone: 50,
      quality: null,
      engagement: 3,
      helpful: 4,
      hard: 1,
      understoodWhy: null,
      fitsGoals: 2,
      reportedBy: ['client-account'],
      barriersMet: [{ kind: 'forgot', note: 'Left the list at work' }],
      barrierNotes: 'Busy week',
      ifThenPlan: 'helped',
      backupPlan: null,
      madeThingsWorse: 'yes',
      worseNote: 'Felt shaky after',
      happened: 'Walked twice',
      learned: 'Mornings work better',
      wins: 'Two walks',
      decision: 'continue',
      decisionReason: 'It helps',
      nextAssignmentId: null,
      finished: true,
      revision: 0,
      createdAt: at,
      updatedAt: at,
    },
  },
  {
    name: 'practice log',
    schema: practiceLogSchema,
    singleLine: practiceLogSingleLineFields,
    sample: {
      id,
      clientId: id,
      assignmentId: id,
      date: '2026-11-26',
      done: 'yes',
      amount: 10,
      tracker: { 'How it felt': 'calm', Minutes: 10 },
      note: 'Nice evening',
    },
  },
  {
    name: 'vault log entry',
    schema: vaultLogEntrySchema,
    singleLine: vaultLogSingleLineFields,
    sample: {
      id,
      kind: 'export',
      at,
      what: 'Template pack',
      format: 'template-pack',
      clientId: null,
    },
  },
];

/** The path of every string value in `value` (object keys are not values). */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

function withValueAt(value: unknown, path: (string | number)[], text: string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1) ?? ''] = text;
  return copy;
}

describe.each(entities)(
  'every free-text field of a $name record',
  ({ schema, sample, singleLine }) => {
    const textProblem =
      /^(This text contains a hidden control character|This should be a single line)/;

    it('is valid as sampled', () => {
      expect(schema.safeParse(sample).error?.issues).toBeUndefined();
    });

    it.each(stringPaths(sample).map((path) => [path.join('.'), path] as const))(
      '%s refuses hidden controls (and line breaks if it is one line), and stored text there is repaired to open',
      (_name, path) => {
        const tainted = withValueAt(sample, path, 'Walk\u202E\r\nslowly');
        const parsed = schema.safeParse(tainted);
        const issues = parsed.error?.issues.filter(
          (issue) => issue.path.join('.') === path.join('.'),
        );
        expect(issues?.length, 'accepts hidden control characters').toBeGreaterThan(0);
        // Ids, dates and fixed choices refuse it for being what they are, not as free text.
        if (!issues?.every((issue) => textProblem.test(issue.message))) return;
        expect(issues.map((issue) => issue.message)[0]).toMatch(/hidden control character/);
        expect(
          schema.safeParse(repairStoredText(tainted, singleLine)).error?.issues,
        ).toBeUndefined();
      },
    );
  },
);
