import type { Assignment } from '../../src-shared/domain/assignment';
import {
  calendarReminderOf,
  calendarReminderProblem,
  reminderFileNameStem,
  reminderWordsOf,
} from '../../src-shared/domain/calendar-reminder';
import type { Client } from '../../src-shared/domain/client';
import { isDemoVaultName } from '../../src-shared/domain/demo-vault';
import {
  type HandoutModel,
  handoutOf,
  handoutTexts,
  nameOf,
  type SessionSummaryModel,
  sessionSummaryOf,
  sessionSummaryTexts,
  type TrackerModel,
  trackerModelTexts,
  trackerOf,
} from '../../src-shared/domain/handout';
import {
  defaultVaultPreferences,
  type HandoutNaming,
  type PageSize,
  pageSizeFor,
  type VaultPreferences,
} from '../../src-shared/domain/preferences';
import type { ReminderImageKind } from '../../src-shared/domain/reminder-image-layout';
import type { Session } from '../../src-shared/domain/session';
import type { ExportFormat } from '../../src-shared/domain/vault-log';
import type { PhoneHandoutModel } from '../documents/PhoneHandoutDocument';
import { builtinTemplates } from './builtin-library';
import { exportFromVault, type SaveResult, saveFile } from './exports';
import { withTrackerFormFor } from './returned-tracker';
import type { VaultSession } from './vault-session';

/**
 * What a client takes away from a session — the handout of an assignment, its tracker, the
 * session's summary, a calendar reminder, reminder images — made from the vault's records and
 * saved where the clinician chooses, each through `exportFromVault` (logged only once saved
 * whole). The documents' code (react-pdf, its fonts, the canvas) loads the first time one is
 * made, not with the app.
 */

/** How a take-away document is made: plain or discreet wording, and how the client is named. */
export type DocumentChoice = {
  /** Discreet wording: the discreet title and words, nothing that reveals therapy. */
  discreet: boolean;
  /** How the client is named, when not as the vault's setting says (initials, for a name the fonts can't draw). */
  naming?: HandoutNaming;
};

/** What the documents of a client are made from, read once. */
type ClientContext = {
  client: Client;
  preferences: Omit<VaultPreferences, 'id'>;
  sessions: Session[];
};

/** The locale whose region decides the paper when none was chosen. */
const currentLocale = () => Intl.DateTimeFormat().resolvedOptions().locale;

/** The paper and print size of a document, and whether it is printed from a demo vault. */
export type DocumentOptions = { pageSize: PageSize; largePrint: boolean; demo?: boolean };

/** The paper and print size the vault's preferences ask for; DEMO on every page from a demo vault. */
function documentOptions(
  preferences: Omit<VaultPreferences, 'id'>,
  vaultName: string,
): DocumentOptions {
  return {
    pageSize: pageSizeFor(preferences.pageSize, currentLocale()),
    largePrint: preferences.largePrint,
    demo: isDemoVaultName(vaultName),
  };
}

async function clientContext(session: VaultSession, clientId: string): Promise<ClientContext> {
  const [client, preferences, sessions] = await Promise.all([
    session.clients.get(clientId),
    session.preferences.get(),
    session.sessions.forClient(clientId),
  ]);
  if (!client) throw new Error('This client is no longer in the vault.');
  return {
    client,
    preferences: { ...defaultVaultPreferences, ...preferences },
    sessions: sessions.records,
  };
}

/** The date ("YYYY-MM-DD") of the client's first planned session after `after`, or null. */
function nextSessionOn(sessions: readonly Session[], after: string): string | null {
  const next = sessions
    .filter((planned) => planned.status === 'planned' && planned.startsAt > after)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (!next) return null;
  const at = new Date(next.startsAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The template an assignment came from: its worksheet prompts, and its PDFs to append. */
async function templateParts(
  session: VaultSession,
  assignment: Assignment,
): Promise<{ worksheetPrompts: readonly string[]; lineageId: string | null }> {
  const templateId = assignment.template?.templateId;
  if (!templateId) return { worksheetPrompts: [], lineageId: null };
  const builtin = builtinTemplates.find((template) => template.id === templateId);
  if (builtin) return { worksheetPrompts: builtin.worksheetPrompts, lineageId: null };
  const custom =
    (await session.templates.get(templateId).catch(() => undefined)) ??
    (await session.templates.latest()).templates.find((t) => t.lineageId === templateId);
  return custom
    ? { worksheetPrompts: custom.worksheetPrompts, lineageId: custom.lineageId }
    : { worksheetPrompts: [], lineageId: null };
}

/** The readable PDFs attached to a custom template, decrypted, oldest first. */
async function attachedPdfs(session: VaultSession, lineageId: string | null) {
  if (!lineageId) return [];
  const { records } = await session.attachments.forTemplate(lineageId);
  const pdfs = records.filter((a) => a.mediaType === 'application/pdf' && !a.damagedAt);
  return Promise.all(pdfs.map((attachment) => session.attachments.open(attachment)));
}

/** What a document will print, checked before it is saved. */
export type DocumentCheck = {
  /** How the client is named on it ('' for no name). */
  printedName: string;
  /** Characters of the printed name the documents' fonts can't draw (empty: none). */
  nameCharacters: string[];
  /** Characters elsewhere in the document the fonts can't draw. */
  textCharacters: string[];
  /** What discreet wording left out, in words for the screen. */
  leftOut: string[];
};

/** Checks a document's texts against the fonts, naming what can't be drawn. */
async function checkDocument(
  printedName: string,
  texts: readonly string[],
  leftOut: string[],
): Promise<DocumentCheck> {
  const { unsupportedCharacters, unsupportedCharactersIn } =
    await import('../documents/font-coverage');
  const nameCharacters = unsupportedCharacters(printedName);
  return {
    printedName,
    nameCharacters,
    textCharacters: unsupportedCharactersIn(texts.filter((text) => text !== printedName)).filter(
      (character) => !nameCharacters.includes(character),
    ),
    leftOut,
  };
}

/** Refuses a document whose client name would print as empty boxes. */
function refuseUnprintableName(check: DocumentCheck): void {
  if (check.nameCharacters.length > 0) {
    throw new Error(
      'The client’s name has letters the handout’s fonts can’t draw. Use initials or no name.',
    );
  }
}

/** "Handout", "Handout (discreet, large print)": what the log says was made. */
function described(what: string, discreet: boolean, largePrint = false): string {
  const details = [discreet && 'discreet', largePrint && 'large print'].filter(Boolean);
  return details.length > 0 ? `${what} (${details.join(', ')})` : what;
}

/** A client's PDF, made and ready to save, with what the export log will say about it. */
type ClientPdf = {
  bytes: Uint8Array;
  fileNameStem: string;
  /** What it is, e.g. "Tracker"; the log adds "discreet" and "large print" as they apply. */
  kind: string;
  format: ExportFormat;
  clientId: string;
  discreet: boolean;
  largePrint?: boolean;
};

/** Saves a client's PDF where the clinician chooses, and logs it in the vault once saved. */
function saveClientPdf(session: VaultSession, pdf: ClientPdf): Promise<SaveResult> {
  return exportFromVault(
    session,
    {
      what: described(pdf.kind, pdf.discreet, pdf.largePrint),
      format: pdf.format,
      clientId: pdf.clientId,
    },
    () => saveFile(pdf.fileNameStem, 'pdf', pdf.bytes),
  );
}

/** The documents module (react-pdf and the fonts), loaded when a first PDF is made. */
type DocumentsModule = typeof import('../documents/render');

/**
 * A document of one part (a tracker, a session summary) as PDF bytes in the vault's paper and
 * print size, once it is sure the client's name, if printed, can be drawn.
 */
async function renderOnePart<M extends { header: { clientName: string } }>(
  session: VaultSession,
  { model, context }: { model: M; context: ClientContext },
  render: (
    documents: DocumentsModule,
  ) => (model: M, options: DocumentOptions) => Promise<Uint8Array>,
): Promise<{ bytes: Uint8Array; largePrint: boolean }> {
  refuseUnprintableName(await checkDocument(model.header.clientName, [], []));
  const options = documentOptions(context.preferences, session.name);
  const bytes = await render(await import('../documents/render'))(model, options);
  return { bytes, largePrint: options.largePrint };
}

// ---------------------------------------------------------------------------------------------
// The handout of an assignment

/** A handout's model and what goes with it, ready to check, render or save. */
type PreparedHandout = {
  model: HandoutModel;
  context: ClientContext;
  lineageId: string | null;
};

async function prepareHandout(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<PreparedHandout> {
  const [context, goals, template] = await Promise.all([
    clientContext(session, assignment.clientId),
    session.goals.forClient(assignment.clientId),
    templateParts(session, assignment),
  ]);
  const model = handoutOf({
    assignment,
    goals: goals.records,
    clientName: context.client.name,
    nameOnHandout: choice.naming ?? context.preferences.nameOnHandouts,
    practiceName: context.preferences.practiceName,
    clinicianName: context.preferences.clinicianName,
    wording: context.preferences.practiceWording,
    discreet: choice.discreet,
    nextSessionOn: nextSessionOn(context.sessions, new Date().toISOString()),
    worksheetPrompts: template.worksheetPrompts,
  });
  return { model, context, lineageId: template.lineageId };
}

/** The handout's model: what it will print (the shared view shows it while it is talked through). */
export async function handoutModel(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<HandoutModel> {
  return (await prepareHandout(session, assignment, choice)).model;
}

/** What the handout will print, before it is saved or printed. */
export async function checkHandout(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<DocumentCheck> {
  const { model, lineageId } = await prepareHandout(session, assignment, choice);
  const leftOut =
    choice.discreet && lineageId !== null
      ? [...model.leftOut, 'the template’s attached worksheets']
      : model.leftOut;
  return checkDocument(model.header.clientName, handoutTexts(model), leftOut);
}

/**
 * The handout as PDF bytes: the vault's paper and print size, the template's attached PDFs
 * after it — except in discreet mode, since their pages can't be checked for clinical words.
 */
export async function handoutPdf(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<{ bytes: Uint8Array; model: HandoutModel } & DocumentOptions> {
  const { model, context, lineageId } = await prepareHandout(session, assignment, choice);
  refuseUnprintableName(
    await checkDocument(model.header.clientName, [model.header.clientName], []),
  );
  const { renderHandoutPdf, appendPdfs } = await import('../documents/render');
  const options = documentOptions(context.preferences, session.name);
  const base = await renderHandoutPdf(model, options);
  const bytes = choice.discreet
    ? base
    : await appendPdfs(base, await attachedPdfs(session, lineageId));
  return { bytes, model, ...options };
}

/** Saves an assignment's handout as a PDF where the clinician chooses, and logs it once saved. */
export async function exportHandout(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<SaveResult> {
  const { bytes, model, largePrint } = await handoutPdf(session, assignment, choice);
  return saveClientPdf(session, {
    bytes,
    fileNameStem: model.fileNameStem,
    kind: 'Handout',
    format: 'handout-pdf',
    clientId: assignment.clientId,
    discreet: choice.discreet,
    largePrint,
  });
}

// ---------------------------------------------------------------------------------------------
// The handout laid out for a phone

/**
 * The phone handout as PDF bytes (`PhoneHandoutDocument`): the handout's words and its tracker's
 * days on narrow pages, made with the same choices as the printed handout (checked the same way,
 * by `checkHandout`), without form fields and without the template's attached PDFs — their pages
 * are not a phone's. The tracker's pages are the document's last ones.
 */
export async function phoneHandoutPdf(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<{ bytes: Uint8Array; model: PhoneHandoutModel }> {
  const [{ model: handout }, { model: tracker }] = await Promise.all([
    prepareHandout(session, assignment, choice),
    prepareTracker(session, assignment, choice),
  ]);
  refuseUnprintableName(
    await checkDocument(handout.header.clientName, [handout.header.clientName], []),
  );
  const { phoneHandoutOf, renderPhoneHandoutPdf } = await import('../documents/render');
  const model = phoneHandoutOf(handout, tracker);
  return { bytes: await renderPhoneHandoutPdf(model), model };
}

/**
 * Saves an assignment's handout laid out for a phone as a PDF where the clinician chooses, and
 * logs it once saved. Its tracker pages are fillable: the form's fields are laid over the boxes
 * drawn for them (the same days and columns, `phoneTrackerLayoutOf`), named with this practice's
 * reference in this vault (`withTrackerFormFor`), so what the client fills in on their phone can
 * be read back into the review.
 */
export async function exportPhoneHandout(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<SaveResult> {
  const drawn = await phoneHandoutPdf(session, assignment, choice);
  const { tracker } = drawn.model;
  const bytes = await withTrackerFormFor(session, assignment, drawn.bytes, {
    days: tracker.rows.map((row) => ({ date: row.date, planned: row.timesPlanned > 0 })),
    columns: tracker.columns,
  });
  return saveClientPdf(session, {
    bytes,
    fileNameStem: drawn.model.fileNameStem,
    kind: 'Handout for a phone',
    format: 'handout-pdf',
    clientId: assignment.clientId,
    discreet: choice.discreet,
  });
}

// ---------------------------------------------------------------------------------------------
// The tracker of an assignment on its own

async function prepareTracker(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<{ model: TrackerModel; context: ClientContext }> {
  const context = await clientContext(session, assignment.clientId);
  const model = trackerOf({
    assignment,
    clientName: context.client.name,
    nameOnHandout: choice.naming ?? context.preferences.nameOnHandouts,
    practiceName: context.preferences.practiceName,
    clinicianName: context.preferences.clinicianName,
    wording: context.preferences.practiceWording,
    discreet: choice.discreet,
    nextSessionOn: nextSessionOn(context.sessions, new Date().toISOString()),
  });
  return { model, context };
}

/** What the tracker will print, before it is saved. */
export async function checkTracker(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<DocumentCheck> {
  const { model } = await prepareTracker(session, assignment, choice);
  return checkDocument(model.header.clientName, trackerModelTexts(model), model.leftOut);
}

/** Saves an assignment's tracker on its own as a PDF, and logs it once saved. */
export async function exportTracker(
  session: VaultSession,
  assignment: Assignment,
  choice: DocumentChoice,
): Promise<SaveResult> {
  const prepared = await prepareTracker(session, assignment, choice);
  const { bytes, largePrint } = await renderOnePart(
    session,
    prepared,
    (documents) => documents.renderTrackerPdf,
  );
  return saveClientPdf(session, {
    bytes,
    fileNameStem: prepared.model.fileNameStem,
    kind: 'Tracker',
    format: 'tracker-pdf',
    clientId: assignment.clientId,
    discreet: choice.discreet,
    largePrint,
  });
}

// ---------------------------------------------------------------------------------------------
// The summary of a session

async function prepareSessionSummary(
  session: VaultSession,
  planned: Session,
  choice: DocumentChoice,
): Promise<{ model: SessionSummaryModel; context: ClientContext }> {
  const [context, assignments] = await Promise.all([
    clientContext(session, planned.clientId),
    session.assignments.forClient(planned.clientId),
  ]);
  const model = sessionSummaryOf({
    session: planned,
    assignments: assignments.records,
    clientName: context.client.name,
    nameOnHandout: choice.naming ?? context.preferences.nameOnHandouts,
    practiceName: context.preferences.practiceName,
    clinicianName: context.preferences.clinicianName,
    wording: context.preferences.practiceWording,
    discreet: choice.discreet,
    nextSessionOn: nextSessionOn(context.sessions, planned.startsAt),
  });
  return { model, context };
}

/** What the session summary will print, before it is saved. */
export async function checkSessionSummary(
  session: VaultSession,
  planned: Session,
  choice: DocumentChoice,
): Promise<DocumentCheck> {
  const { model } = await prepareSessionSummary(session, planned, choice);
  return checkDocument(model.header.clientName, sessionSummaryTexts(model), model.leftOut);
}

/** Saves a session's client-facing summary and the practice agreed as a PDF, and logs it. */
export async function exportSessionSummary(
  session: VaultSession,
  planned: Session,
  choice: DocumentChoice,
): Promise<SaveResult> {
  const prepared = await prepareSessionSummary(session, planned, choice);
  const { bytes, largePrint } = await renderOnePart(
    session,
    prepared,
    (documents) => documents.renderSessionSummaryPdf,
  );
  return saveClientPdf(session, {
    bytes,
    fileNameStem: prepared.model.fileNameStem,
    kind: 'Session summary',
    format: 'session-summary-pdf',
    clientId: planned.clientId,
    discreet: choice.discreet,
    largePrint,
  });
}

// ---------------------------------------------------------------------------------------------
// Calendar reminders and reminder images: never a name, discreet by default

/** What a reminder is made with: discreet words (the default) and, for a cue, a time. */
export type ReminderChoice = {
  discreet: boolean;
  /** "HH:MM": when to remind a plan that says when but not at what time. */
  reminderTime?: string | null;
};

/** The computer's time zone, which a reminder's times are in. */
const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

async function reminderInput(
  session: VaultSession,
  assignment: Assignment,
  choice: ReminderChoice,
) {
  const context = await clientContext(session, assignment.clientId);
  return {
    assignment,
    discreet: choice.discreet,
    wording: context.preferences.practiceWording,
    reminderTime: choice.reminderTime ?? null,
    timeZone: timeZone(),
    clientName: context.client.name,
  };
}

/**
 * Why an assignment has no calendar reminder yet, as a sentence for beside the button (a plan
 * with a cue and no time needs a time picked), or null when it can have one.
 */
export async function calendarReminderBlocked(
  session: VaultSession,
  assignment: Assignment,
  choice: ReminderChoice,
): Promise<string | null> {
  return calendarReminderProblem(await reminderInput(session, assignment, choice));
}

/** Saves an assignment's calendar reminder (.ics) and logs it once saved. */
export async function exportCalendarReminder(
  session: VaultSession,
  assignment: Assignment,
  choice: ReminderChoice,
): Promise<SaveResult> {
  const reminder = calendarReminderOf(await reminderInput(session, assignment, choice));
  return exportFromVault(
    session,
    {
      what: described('Calendar reminder', choice.discreet),
      format: 'calendar-ics',
      clientId: assignment.clientId,
    },
    () => saveFile(reminder.fileNameStem, 'ics', new TextEncoder().encode(reminder.ics)),
  );
}

/** What each reminder image is called, in the log and its file name. */
export const reminderImageNames: Record<ReminderImageKind, { what: string; suffix: string }> = {
  'lock-screen-1170': { what: 'Lock-screen image (1170 × 2532)', suffix: 'lock-screen' },
  'lock-screen-1080': { what: 'Lock-screen image (1080 × 2400)', suffix: 'lock-screen' },
  'sticky-note': { what: 'Sticky note image', suffix: 'sticky-note' },
};

/** Saves one of an assignment's reminder images (PNG) and logs it once saved. */
export async function exportReminderImage(
  session: VaultSession,
  assignment: Assignment,
  kind: ReminderImageKind,
  choice: ReminderChoice,
): Promise<SaveResult> {
  const input = await reminderInput(session, assignment, choice);
  const { reminderImagePng } = await import('../documents/reminder-image');
  const png = await reminderImagePng(kind, reminderWordsOf(input));
  const stem = `${reminderFileNameStem(input)}-${reminderImageNames[kind].suffix}`;
  return exportFromVault(
    session,
    {
      what: described(reminderImageNames[kind].what, choice.discreet),
      format: 'reminder-png',
      clientId: assignment.clientId,
    },
    () => saveFile(stem, 'png', png),
  );
}

/** How the client is named on documents by default, for the screen's check before saving. */
export async function printedClientName(
  session: VaultSession,
  clientId: string,
): Promise<{ name: string; naming: HandoutNaming }> {
  const { client, preferences } = await clientContext(session, clientId);
  return {
    name: nameOf(client.name, preferences.nameOnHandouts),
    naming: preferences.nameOnHandouts,
  };
}
