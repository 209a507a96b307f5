import { describe, expect, it } from 'vitest';
import type { Client } from '../../../src-shared/domain/client';
import type { LibraryItem } from '../../../src-shared/domain/library-search';
import type { SessionCalendarEntry } from '../../../src-shared/domain/session-calendar';
import { loadBuiltinTemplates } from '../../../tests/fixtures/library';
import { startOf } from '../../features/sessions/session-words';
import {
  findPaletteEntries,
  type PaletteEntry,
  paletteEntries,
  type PaletteSources,
  plainText,
  practiceToReview,
} from './palette-entries';

/** Monday 2 March 2026, 09:00 on the test machine's clock. */
const now = new Date(2026, 2, 2, 9, 0);
const at = (day: number, hour: number) => new Date(2026, 2, day, hour, 0).toISOString();

type PaletteClient = Pick<Client, 'id' | 'name' | 'status'>;
const maya: PaletteClient = { id: 'M'.repeat(22), name: 'Maya Lindqvist', status: 'active' };
const jonah: PaletteClient = { id: 'J'.repeat(22), name: 'Jonah O’Reilly-Ng', status: 'active' };
const ines: PaletteClient = { id: 'I'.repeat(22), name: 'Inès Álvarez', status: 'paused' };
const tom: PaletteClient = { id: 'T'.repeat(22), name: 'Tom Berg', status: 'discharged' };

let sessionCount = 0;
function session(
  startsAt: string,
  status: SessionCalendarEntry['status'] = 'planned',
): SessionCalendarEntry {
  sessionCount += 1;
  return {
    sessionId: `S${String(sessionCount).padStart(21, '0')}`,
    startsAt,
    status,
    reviewedFirst: null,
    setPractice: false,
  };
}

const templates: LibraryItem[] = loadBuiltinTemplates()
  .slice(0, 3)
  .map(({ id, version, ...content }, index) => ({
    key: id,
    origin: 'builtin',
    version,
    recordId: null,
    content,
    archived: index === 2,
    favourite: false,
  }));

const screens: PaletteSources['screens'] = [
  { label: 'Today', route: { screen: 'today' }, keywords: 'home week' },
  { label: 'Insights', route: { screen: 'insights' }, keywords: 'completion progress' },
  { label: 'Settings', route: { screen: 'settings' }, keywords: 'backups passphrase' },
];

function sources(changes: Partial<PaletteSources> = {}): PaletteSources {
  return {
    screens,
    clients: [maya, jonah, ines, tom],
    calendars: new Map(),
    templates,
    initialsOnly: false,
    now,
    ...changes,
  };
}

const labels = (entries: readonly PaletteEntry[]) => entries.map((each) => plainText(each.label));
const find = (entries: readonly PaletteEntry[], id: string) => {
  const found = entries.find((each) => each.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

describe('what the palette offers', () => {
  it('lists the screens, each client, planning, review and Insights for those still seen, and templates not archived', () => {
    const entries = paletteEntries(sources());
    expect(labels(entries.filter((each) => each.group === 'Screens'))).toEqual([
      'Today',
      'Insights',
      'Settings',
    ]);
    expect(labels(entries.filter((each) => each.group === 'Clients'))).toEqual([
      'Inès Álvarez',
      'Jonah O’Reilly-Ng',
      'Maya Lindqvist',
      'Tom Berg',
    ]);
    const forMaya = entries.filter((each) => each.id.endsWith(maya.id) && each.group !== 'Clients');
    expect(labels(forMaya)).toEqual([
      'Plan the next session with Maya Lindqvist',
      'Review practice with Maya Lindqvist',
      'Insights for Maya Lindqvist',
    ]);
    // A discharged client can still be opened, but is not planned with any more.
    expect(entries.filter((each) => each.id.endsWith(tom.id)).map((each) => each.group)).toEqual([
      'Clients',
    ]);
    expect(plainText(find(entries, `client/${tom.id}`).description ?? [])).toBe(
      'Client · Discharged',
    );
    expect(labels(entries.filter((each) => each.group === 'Templates'))).toEqual(
      templates.slice(0, 2).map((item) => item.content.title),
    );
  });

  it('keeps names and titles apart from its own words, to be shown as the clinician typed them', () => {
    const entries = paletteEntries(sources());
    expect(find(entries, `plan/${maya.id}`).label).toEqual([
      'Plan the next session with ',
      { userText: 'Maya Lindqvist' },
    ]);
    const [template] = templates;
    expect(find(entries, `template/${template?.key}`).label).toEqual([
      { userText: template?.content.title },
    ]);
  });

  it('shows initials when the clinician asked for them, and still finds the client by their full name', () => {
    const entries = paletteEntries(sources({ initialsOnly: true }));
    const found = findPaletteEntries(entries, 'lindqvist');
    expect(labels(found)).toEqual([
      'M. L.',
      'Plan the next session with M. L.',
      'Review practice with M. L.',
      'Insights for M. L.',
    ]);
    expect(JSON.stringify(found.map(({ label, description }) => [label, description]))).not.toMatch(
      /Maya|Lindqvist/,
    );
  });

  it('plans the next planned session from now on, or books one when none is planned', () => {
    const past = session(at(1, 10));
    const cancelled = session(at(3, 10), 'cancelled');
    const next = session(at(4, 10));
    const later = session(at(11, 10));
    const entries = paletteEntries(
      sources({ calendars: new Map([[maya.id, [past, cancelled, next, later]]]) }),
    );
    const plan = find(entries, `plan/${maya.id}`);
    expect(plan.target).toEqual({
      kind: 'plan-session',
      clientId: maya.id,
      nextSessionId: next.sessionId,
    });
    expect(plainText(plan.description ?? [])).toBe(`Opens the plan for ${startOf(next.startsAt)}`);

    const forJonah = find(entries, `plan/${jonah.id}`);
    expect(forJonah.target).toEqual({
      kind: 'plan-session',
      clientId: jonah.id,
      nextSessionId: null,
    });
    expect(plainText(forJonah.description ?? [])).toBe('Book it, then plan it');
  });

  it('reviews practice in today’s session with the client when there is one', () => {
    const today = session(at(2, 8), 'held');
    const entries = paletteEntries(
      sources({
        calendars: new Map([
          [maya.id, [today]],
          [jonah.id, [session(at(2, 15), 'cancelled'), session(at(3, 10))]],
        ]),
      }),
    );
    const review = find(entries, `review/${maya.id}`);
    expect(review.target).toEqual({
      kind: 'review-practice',
      clientId: maya.id,
      clientName: 'Maya Lindqvist',
      todaysSessionId: today.sessionId,
    });
    expect(plainText(review.description ?? [])).toBe('In today’s session');
    expect(find(entries, `review/${jonah.id}`).target).toMatchObject({ todaysSessionId: null });
  });

  it('lists the coming sessions soonest first, then the past ones latest first', () => {
    const lastWeek = session(new Date(2026, 1, 23, 10).toISOString(), 'held');
    const yesterday = session(at(1, 10), 'held');
    const tomorrow = session(at(3, 10));
    const nextWeek = session(at(9, 10));
    const entries = paletteEntries(
      sources({
        calendars: new Map([
          [maya.id, [lastWeek, nextWeek]],
          [jonah.id, [yesterday, tomorrow]],
        ]),
      }),
    );
    expect(entries.filter((each) => each.group === 'Sessions').map((each) => each.id)).toEqual(
      [tomorrow, nextWeek, yesterday, lastWeek].map((each) => `session/${each.sessionId}`),
    );
  });
});

describe('finding in the palette', () => {
  const today = session(at(2, 14));
  const tomorrow = session(at(3, 10));
  const entries = paletteEntries(
    sources({
      calendars: new Map([
        [maya.id, [today]],
        [jonah.id, [tomorrow]],
      ]),
    }),
  );

  it('suggests the screens and today’s sessions before anything is typed', () => {
    expect(findPaletteEntries(entries, '  ').map((each) => each.id)).toEqual([
      'screen/Today',
      'screen/Insights',
      'screen/Settings',
      `session/${today.sessionId}`,
    ]);
  });

  it('finds a client by part of a name, in any case, without accents, and with a plain apostrophe', () => {
    expect(labels(findPaletteEntries(entries, 'LINDQ')).slice(0, 1)).toEqual(['Maya Lindqvist']);
    expect(labels(findPaletteEntries(entries, 'ines alv')).slice(0, 1)).toEqual(['Inès Álvarez']);
    expect(labels(findPaletteEntries(entries, "o'reilly")).slice(0, 1)).toEqual([
      'Jonah O’Reilly-Ng',
    ]);
  });

  it('needs every word typed, in any order, and lists the groups in their order', () => {
    const found = findPaletteEntries(entries, 'maya review');
    expect(labels(found)).toEqual(['Review practice with Maya Lindqvist']);
    expect(findPaletteEntries(entries, 'jonah maya')).toEqual([]);
    expect(findPaletteEntries(entries, 'maya').map((each) => each.group)).toEqual([
      'Clients',
      'Plan and review',
      'Plan and review',
      'Plan and review',
      'Sessions',
    ]);
  });

  it('finds a session by its day, and a template by the title the client sees', () => {
    const monday = startOf(today.startsAt).split(/\W/)[0] ?? '';
    expect(findPaletteEntries(entries, `maya ${monday}`).map((each) => each.id)).toContain(
      `session/${today.sessionId}`,
    );
    const [template] = templates;
    expect(findPaletteEntries(entries, template?.content.clientTitle ?? '')[0]?.id).toBe(
      `template/${template?.key}`,
    );
    // The app's own words around a description find nothing: "client" is not every template.
    expect(findPaletteEntries(entries, 'client').map((each) => each.group)).not.toContain(
      'Templates',
    );
  });

  it('reaches a screen and a template by name or by what they are about', () => {
    expect(labels(findPaletteEntries(entries, 'insights')).slice(0, 1)).toEqual(['Insights']);
    expect(labels(findPaletteEntries(entries, 'backups'))).toEqual(['Settings']);
    const [template] = templates;
    const title = template?.content.title ?? '';
    expect(findPaletteEntries(entries, title.slice(0, 12))[0]?.target).toEqual({
      kind: 'go',
      route: { screen: 'template', templateKey: template?.key },
    });
  });

  it('puts a label that starts with the query first, then words that start with it, then the rest', () => {
    const ranked = paletteEntries(
      sources({
        clients: [
          { id: 'A'.repeat(22), name: 'Thomasina Reed', status: 'active' },
          { id: 'B'.repeat(22), name: 'Ada Mason', status: 'active' },
          { id: 'C'.repeat(22), name: 'Mas Ito', status: 'active' },
        ],
      }),
    );
    expect(
      labels(findPaletteEntries(ranked, 'mas').filter((each) => each.group === 'Clients')),
    ).toEqual(['Mas Ito', 'Ada Mason', 'Thomasina Reed']);
  });

  it('lists at most a few of each group', () => {
    const many = paletteEntries(
      sources({
        clients: Array.from({ length: 10 }, (_, index) => ({
          id: `${index}`.padStart(22, 'X'),
          name: `Sam Example ${index}`,
          status: 'active' as const,
        })),
      }),
    );
    const found = findPaletteEntries(many, 'sam', 4);
    expect(found.filter((each) => each.group === 'Clients')).toHaveLength(4);
    expect(found.filter((each) => each.group === 'Plan and review')).toHaveLength(4);
  });
});

describe('review practice', () => {
  const piece = (title: string, status: 'active' | 'draft' | 'completed' | 'replaced') => ({
    title,
    status,
  });

  it('goes straight to the one piece of practice agreed', () => {
    expect(
      practiceToReview([piece('Evening walk', 'active'), piece('Old walk', 'replaced')]),
    ).toEqual({ review: piece('Evening walk', 'active') });
  });

  it('asks which, when several are agreed, and says so when none is', () => {
    expect(
      practiceToReview([
        piece('Sleep diary', 'active'),
        piece('Draft', 'draft'),
        piece('Breathing', 'active'),
        piece('Done', 'completed'),
      ]),
    ).toEqual({ choose: [piece('Breathing', 'active'), piece('Sleep diary', 'active')] });
    expect(practiceToReview([piece('Draft', 'draft')])).toEqual({ choose: [] });
  });
});
