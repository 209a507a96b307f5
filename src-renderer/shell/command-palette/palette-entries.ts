import type { Assignment } from '../../../src-shared/domain/assignment';
import {
  type Client,
  clientStatusLabels,
  foldForSearch,
  initialsOf,
} from '../../../src-shared/domain/client';
import type { LibraryItem } from '../../../src-shared/domain/library-search';
import { sessionStatusLabels } from '../../../src-shared/domain/session';
import type { SessionCalendarEntry } from '../../../src-shared/domain/session-calendar';
import { startOf } from '../../features/sessions/session-words';
import { localDate } from '../../formatting/local-date';
import type { Route } from '../../session/routes';

/** What choosing an entry does. */
export type PaletteTarget =
  | { kind: 'go'; route: Route }
  /** Opens the client's next planned session, or books one when none is planned. */
  | { kind: 'plan-session'; clientId: string; nextSessionId: string | null }
  /** Reviews the client's agreed practice, in today's session with them when there is one. */
  | {
      kind: 'review-practice';
      clientId: string;
      /** The client's name as the palette shows it (initials when the clinician chose so). */
      clientName: string;
      todaysSessionId: string | null;
    };

/**
 * Text of an entry: the app's own words, with what someone typed (a client's name, a template's
 * title) kept apart so it is shown isolated from the words around it (UserText).
 */
export type PaletteText = readonly (string | { userText: string })[];

/** The text as one string, as it reads. */
export function plainText(text: PaletteText): string {
  return text.map((part) => (typeof part === 'string' ? part : part.userText)).join('');
}

/** The groups of the palette, in the order they are listed. */
export const paletteGroups = [
  'Screens',
  'Clients',
  'Plan and review',
  'Sessions',
  'Templates',
] as const;

/** One of the palette's groups. */
export type PaletteGroup = (typeof paletteGroups)[number];

/** One thing the palette can jump to or start. */
export type PaletteEntry = {
  id: string;
  group: PaletteGroup;
  label: PaletteText;
  description?: PaletteText;
  target: PaletteTarget;
  /**
   * What the entry is found by (its label and keywords, not the app's words around a
   * description), folded for accent- and case-insensitive matching.
   */
  searchText: string;
  /** The label, folded the same way. */
  foldedLabel: string;
  /** The words of the folded label, for matches at the start of a word. */
  labelWords: readonly string[];
  /** Shown before anything is typed. */
  suggested: boolean;
};

/** A screen the palette offers by name. */
export type PaletteScreen = { label: string; route: Route; keywords: string };

/** What the palette is built from: read when it opens, then searched in memory. */
export type PaletteSources = {
  screens: readonly PaletteScreen[];
  clients: readonly Pick<Client, 'id' | 'name' | 'status'>[];
  /** Every client's session calendar entries, by client id. */
  calendars: ReadonlyMap<string, readonly SessionCalendarEntry[]>;
  templates: readonly LibraryItem[];
  /** The privacy setting that shows initials instead of names in lists. */
  initialsOnly: boolean;
  now: Date;
};

/**
 * Folds text for matching: case, accents and the typographic apostrophe (“O’Reilly” is found by
 * “o'reilly”, as a keyboard types it).
 */
function fold(text: string): string {
  return foldForSearch(text).replace(/[‘’ʼ]/g, "'");
}

/** Remembers what `work` made of each key, for one build of the entries. */
function remembered<T>(work: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const found = known.get(key);
    if (found !== undefined) return found;
    const made = work(key);
    known.set(key, made);
    return made;
  };
}

/**
 * Folding, words and session times for one build of the entries, each worked out once: a
 * client's name serves all their entries, a time all the sessions held at it (the large
 * practice lists thousands of sessions). Gone with the build, so no name stays behind.
 */
type Wording = {
  fold: (text: string) => string;
  words: (folded: string) => readonly string[];
  when: (startsAt: string) => string;
};

function wording(): Wording {
  return {
    fold: remembered(fold),
    words: remembered((folded) => folded.split(/[^\p{L}\p{N}']+/u).filter(Boolean)),
    when: remembered(startOf),
  };
}

function entry(
  fields: Omit<PaletteEntry, 'searchText' | 'foldedLabel' | 'labelWords' | 'suggested'> & {
    keywords?: readonly string[];
    suggested?: boolean;
  },
  text: Wording,
): PaletteEntry {
  const { keywords = [], suggested = false, ...rest } = fields;
  const foldedLabel = text.fold(plainText(rest.label));
  return {
    ...rest,
    suggested,
    searchText: [foldedLabel, ...keywords.map(text.fold)].join(' '),
    foldedLabel,
    labelWords: text.words(foldedLabel),
  };
}

/** The client's next planned session (from now on), if any. */
function nextPlanned(entries: readonly SessionCalendarEntry[], now: Date) {
  const from = now.toISOString();
  return entries.find((each) => each.status === 'planned' && each.startsAt >= from) ?? null;
}

/** The client's session today that is not cancelled, if any. */
function todays(entries: readonly SessionCalendarEntry[], now: Date) {
  const today = localDate(now);
  return (
    entries.find((each) => each.status !== 'cancelled' && localDate(each.startsAt) === today) ??
    null
  );
}

/** The client's name as lists show it: initials when the clinician chose so. */
function shownName(client: PaletteSources['clients'][number], sources: PaletteSources) {
  return sources.initialsOnly ? initialsOf(client.name) : client.name;
}

function clientEntries(
  client: PaletteSources['clients'][number],
  entries: readonly SessionCalendarEntry[],
  sources: PaletteSources,
  text: Wording,
): PaletteEntry[] {
  const shown = shownName(client, sources);
  const name = { userText: shown };
  // The full name is searched even when initials are shown: it is the clinician who types it.
  const found: PaletteEntry[] = [
    entry(
      {
        id: `client/${client.id}`,
        group: 'Clients',
        label: [name],
        description:
          client.status === 'active'
            ? undefined
            : [`Client · ${clientStatusLabels[client.status]}`],
        target: { kind: 'go', route: { screen: 'client', clientId: client.id } },
        keywords: [client.name, 'client'],
      },
      text,
    ),
  ];
  if (client.status === 'discharged') return found;
  const next = nextPlanned(entries, sources.now);
  const today = todays(entries, sources.now);
  found.push(
    entry(
      {
        id: `plan/${client.id}`,
        group: 'Plan and review',
        label: ['Plan the next session with ', name],
        description: [
          next ? `Opens the plan for ${text.when(next.startsAt)}` : 'Book it, then plan it',
        ],
        target: {
          kind: 'plan-session',
          clientId: client.id,
          nextSessionId: next?.sessionId ?? null,
        },
        keywords: [client.name, 'book schedule'],
      },
      text,
    ),
    entry(
      {
        id: `review/${client.id}`,
        group: 'Plan and review',
        label: ['Review practice with ', name],
        description: today ? ['In today’s session'] : undefined,
        target: {
          kind: 'review-practice',
          clientId: client.id,
          clientName: shown,
          todaysSessionId: today?.sessionId ?? null,
        },
        keywords: [client.name, 'homework'],
      },
      text,
    ),
    entry(
      {
        id: `insights/${client.id}`,
        group: 'Plan and review',
        label: ['Insights for ', name],
        target: { kind: 'go', route: { screen: 'client-insights', clientId: client.id } },
        keywords: [client.name],
      },
      text,
    ),
  );
  return found;
}

/** A client's sessions, each with when it starts and whether it is still to come. */
function sessionEntries(
  client: PaletteSources['clients'][number],
  entries: readonly SessionCalendarEntry[],
  sources: PaletteSources,
  text: Wording,
): { at: string; upcoming: boolean; entry: PaletteEntry }[] {
  const name = { userText: shownName(client, sources) };
  const from = sources.now.toISOString();
  const today = localDate(sources.now);
  return entries.map((session) => {
    // Found by the day too: "jonah tuesday", "maya march".
    const when = `${text.when(session.startsAt)} · ${sessionStatusLabels[session.status]}`;
    return {
      at: session.startsAt,
      upcoming: session.startsAt >= from,
      entry: entry(
        {
          id: `session/${session.sessionId}`,
          group: 'Sessions',
          label: ['Session with ', name],
          description: [when],
          target: { kind: 'go', route: { screen: 'session', sessionId: session.sessionId } },
          keywords: [client.name, when],
          suggested: localDate(session.startsAt) === today && session.status !== 'cancelled',
        },
        text,
      ),
    };
  });
}

/** The coming sessions soonest first, then the past ones latest first. */
function bySessionTime(
  a: { at: string; upcoming: boolean },
  b: { at: string; upcoming: boolean },
): number {
  if (a.upcoming !== b.upcoming) return a.upcoming ? -1 : 1;
  // ISO instants in UTC compare as plain strings (and far faster than localeCompare).
  const [earlier, later] = a.upcoming ? [a.at, b.at] : [b.at, a.at];
  return earlier < later ? -1 : earlier > later ? 1 : 0;
}

function templateEntry(item: LibraryItem, text: Wording): PaletteEntry {
  const { title, clientTitle, discreetTitle } = item.content;
  return entry(
    {
      id: `template/${item.key}`,
      group: 'Templates',
      label: [{ userText: title }],
      description:
        clientTitle && clientTitle !== title
          ? ['For the client: ', { userText: clientTitle }]
          : undefined,
      target: { kind: 'go', route: { screen: 'template', templateKey: item.key } },
      keywords: [clientTitle, discreetTitle, 'template'],
    },
    text,
  );
}

/**
 * Everything the palette offers, built once from what it read when it opened: the screens; each
 * client, with planning, review and Insights for those still seen; every session; every template
 * not archived. Names follow the initials-only setting.
 */
export function paletteEntries(sources: PaletteSources): PaletteEntry[] {
  const text = wording();
  const screens = sources.screens.map((screen) =>
    entry(
      {
        id: `screen/${screen.label}`,
        group: 'Screens',
        label: [screen.label],
        target: { kind: 'go', route: screen.route },
        keywords: [screen.keywords],
        suggested: true,
      },
      text,
    ),
  );
  const byName = [...sources.clients].sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );
  const calendarOf = (client: PaletteSources['clients'][number]) =>
    sources.calendars.get(client.id) ?? [];
  const forClients = byName.flatMap((client) =>
    clientEntries(client, calendarOf(client), sources, text),
  );
  const sessions = byName
    .flatMap((client) => sessionEntries(client, calendarOf(client), sources, text))
    .sort(bySessionTime)
    .map((each) => each.entry);
  const templates = sources.templates
    .filter((item) => !item.archived)
    .map((item) => templateEntry(item, text));
  return [...screens, ...forClients, ...sessions, ...templates];
}

/** How many entries of one group are listed at most. */
export const SHOWN_PER_GROUP = 6;

/**
 * How well an entry matches: 0 when its label starts with the query, 1 when each word typed
 * starts a word of the label, 2 otherwise (the words are somewhere in it or its description).
 */
function matchRank(each: PaletteEntry, folded: string, words: readonly string[]): number {
  if (each.foldedLabel.startsWith(folded)) return 0;
  const startsAWord = (word: string) => each.labelWords.some((part) => part.startsWith(word));
  return words.every(startsAWord) ? 1 : 2;
}

/**
 * The entries that match `query` (every word of it, anywhere, accent- and case-insensitive), at
 * most `perGroup` of each group, in group order; within a group the closer matches come first
 * (see matchRank), otherwise in the order given. With nothing typed: the suggested entries (the
 * screens and today's sessions). One pass, keeping only what can be shown: it runs on each
 * keystroke over every entry of a large practice.
 */
export function findPaletteEntries(
  entries: readonly PaletteEntry[],
  query: string,
  perGroup = SHOWN_PER_GROUP,
): PaletteEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const folded = words.join(' ');
  const shown = new Map(paletteGroups.map((group) => [group, [[], [], []] as PaletteEntry[][]]));
  for (const each of entries) {
    const matches =
      words.length === 0 ? each.suggested : words.every((word) => each.searchText.includes(word));
    if (!matches) continue;
    const ranked = shown.get(each.group)?.[words.length === 0 ? 0 : matchRank(each, folded, words)];
    if (ranked && ranked.length < perGroup) ranked.push(each);
  }
  return paletteGroups.flatMap((group) => (shown.get(group) ?? []).flat().slice(0, perGroup));
}
/**
 * What "Review practice" does with a client's practice: reviews the one piece agreed at once, or
 * lists the agreed pieces to choose from (none at all: an empty list, so the palette can say so).
 */
export function practiceToReview<T extends Pick<Assignment, 'status' | 'title'>>(
  practice: readonly T[],
): { review: T } | { choose: T[] } {
  const agreed = practice
    .filter((assignment) => assignment.status === 'active')
    .sort((a, b) => a.title.localeCompare(b.title));
  const [only] = agreed;
  return agreed.length === 1 && only ? { review: only } : { choose: agreed };
}
