import 'fake-indexeddb/auto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Assignment } from '../../src-shared/domain/assignment';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { exampleAssignment, neverPrinted } from '../../src-shared/domain/handout-examples';
import type { CreatedVault } from '../../src-shared/vault/key-slots';
import { useDocumentFontFiles } from '../../src-renderer/documents/fonts';
import { nodeDocumentFontFiles } from '../../src-renderer/documents/node-font-files';
import { readPdfPages } from '../../src-renderer/documents/pdf-text';
import {
  exportRecoverySheet,
  exportRecoverySheetOfNewVault,
} from '../../src-renderer/data/exports';
import {
  checkHandout,
  exportCalendarReminder,
  exportHandout,
  exportReminderImage,
  exportSessionSummary,
  exportTracker,
} from '../../src-renderer/data/take-away';
import { enterVault } from '../../src-renderer/data/vault-lifecycle';
import { closeVaultSession, type VaultSession } from '../../src-renderer/data/vault-session';
import { buildVault } from '../fixtures/vaults';
import {
  connectRendererToMain,
  openNewVault,
  type RendererWithMain,
} from '../fixtures/renderer-with-main';

/**
 * The take-away exports as the buttons call them, on the real main handlers (its scripted save
 * dialog and atomic writes) and the data layer on fake-indexeddb: each file is saved where the
 * dialog says, and the vault's export log gets an entry only for a file saved whole.
 */

let app: RendererWithMain;
let session: VaultSession | null;
let folder: string;

const open = (): VaultSession => {
  if (!session) throw new Error('no open session');
  return session;
};
const exports = async () =>
  (await open().log.all()).records.filter((entry) => entry.kind === 'export');

beforeAll(async () => {
  await loadSodium();
  useDocumentFontFiles(nodeDocumentFontFiles());
});

beforeEach(async () => {
  app = await connectRendererToMain();
  ({ session } = await openNewVault());
  folder = await mkdtemp(join(tmpdir(), 'bridgework-take-away-'));
});

afterEach(async () => {
  if (session) closeVaultSession(session);
  session = null;
  await app.remove();
  await rm(folder, { recursive: true, force: true });
});

/** A client named `name` with the worked example's full assignment, agreed, and a goal. */
async function clientWithPractice(name = 'Zoë Ødegård'): Promise<Assignment> {
  const vault = open();
  const client = await vault.clients.add(name);
  const goal = await vault.goals.add(client.id, {
    clientWords: 'Have more energy for the kids after work',
    whyItMatters: '',
    status: 'active',
  });
  const draft = await vault.assignments.start(
    { clientId: client.id, sessionId: null, startsOn: '2026-12-01', reviewBy: '2026-12-08' },
    { from: 'scratch', title: 'Evening walks' },
  );
  return vault.assignments.save({
    ...exampleAssignment,
    id: draft.id,
    clientId: client.id,
    sessionId: null,
    template: null,
    goals: [{ goalId: goal.id, words: '' }],
    replaces: null,
    revision: draft.revision,
  });
}

/** A PDF's text, every page. */
const pdfText = async (bytes: Uint8Array) =>
  (await readPdfPages(bytes)).map((page) => page.text).join('\n');

const saveTo = (name: string) => {
  const path = join(folder, name);
  app.dialogs.exportSaveLocation.push(path);
  return path;
};

describe('the handout', () => {
  it('is saved where the clinician chose, prints the plan and nothing therapist-only, and is logged', async () => {
    const assignment = await clientWithPractice();
    const path = saveTo('walk.pdf');
    const result = await exportHandout(open(), assignment, { discreet: false });
    expect(result).toEqual({ saved: true, fileName: 'walk.pdf' });
    const bytes = new Uint8Array(await readFile(path));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('An evening walk, three times a week');
    expect(text).toContain('walk round the block');
    for (const forbidden of Object.values(neverPrinted)) expect(text).not.toContain(forbidden);
    expect(text).not.toContain('Ødegård');
    expect(await exports()).toMatchObject([
      { kind: 'export', what: 'Handout', format: 'handout-pdf', clientId: assignment.clientId },
    ]);
    expect(await readdir(folder)).toEqual(['walk.pdf']);
  });

  it('logs nothing when the dialog is cancelled', async () => {
    const assignment = await clientWithPractice();
    app.dialogs.exportSaveLocation.push(null);
    expect(await exportHandout(open(), assignment, { discreet: true })).toEqual({
      saved: false,
      fileName: null,
    });
    expect(await exports()).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('logs nothing, and says why, when the folder is gone', async () => {
    const assignment = await clientWithPractice();
    app.dialogs.exportSaveLocation.push(join(folder, 'gone', 'walk.pdf'));
    await expect(exportHandout(open(), assignment, { discreet: false })).rejects.toThrow(
      /folder you chose isn’t there any more/,
    );
    expect(await exports()).toEqual([]);
  });

  it('in discreet wording says so in the log, and leaves out what reveals therapy', async () => {
    const assignment = await clientWithPractice();
    const path = saveTo('a.pdf');
    await exportHandout(open(), assignment, { discreet: true });
    expect(await exports()).toMatchObject([{ what: 'Handout (discreet)' }]);
    const text = await pdfText(new Uint8Array(await readFile(path)));
    expect(text).toContain('Evening walks');
    expect(text).not.toContain('An evening walk, three times a week');
  });

  it('won’t print a name the fonts can’t draw, and prints with initials or none instead', async () => {
    const assignment = await clientWithPractice('สมชาย ใจดี');
    await open().preferences.setHandouts({ nameOnHandouts: 'first-name' });
    const check = await checkHandout(open(), assignment, { discreet: false });
    expect(check).toMatchObject({ printedName: 'สมชาย' });
    expect(check.nameCharacters.length).toBeGreaterThan(0);
    await expect(exportHandout(open(), assignment, { discreet: false })).rejects.toThrow(
      /fonts can’t draw/,
    );
    expect(
      (await checkHandout(open(), assignment, { discreet: false, naming: 'none' })).nameCharacters,
    ).toEqual([]);
    saveTo('named.pdf');
    expect(
      await exportHandout(open(), assignment, { discreet: false, naming: 'none' }),
    ).toMatchObject({ saved: true });
    expect(await exports()).toHaveLength(1);
  });

  it('carries the practice’s and the clinician’s names from the settings', async () => {
    const assignment = await clientWithPractice();
    await open().preferences.setHandouts({
      practiceName: 'Fjordside Practice',
      clinicianName: 'Dr Łukasz Nguyễn',
      nameOnHandouts: 'first-name',
      pageSize: 'a4',
    });
    const path = saveTo('named.pdf');
    await exportHandout(open(), assignment, { discreet: false });
    const text = await pdfText(new Uint8Array(await readFile(path)));
    expect(text).toContain('Fjordside Practice');
    expect(text).toContain('Dr Łukasz Nguyễn');
    expect(text).toContain('Zoë');
    expect(text).not.toContain('Ødegård');
  });
});

describe('the tracker, the session summary and the calendar reminder', () => {
  it('each saves and is logged with what it is, for the client', async () => {
    const assignment = await clientWithPractice();
    const vault = open();
    const booked = await vault.sessions.book({
      clientId: assignment.clientId,
      startsAt: '2026-12-01T10:00:00.000Z',
      durationMinutes: 50,
      status: 'held',
    });
    const held = await vault.sessions.save({
      ...booked,
      summaryForClient: 'We talked about evenings and walking.',
      privateNotes: neverPrinted.privateNotes,
      assignmentIds: [assignment.id],
    });
    saveTo('tracker.pdf');
    await exportTracker(vault, assignment, { discreet: false });
    const summaryPath = saveTo('summary.pdf');
    await exportSessionSummary(vault, held, { discreet: false });
    const summary = await pdfText(new Uint8Array(await readFile(summaryPath)));
    expect(summary).toContain('We talked about evenings and walking.');
    expect(summary).not.toContain(neverPrinted.privateNotes);
    const icsPath = saveTo('walk.ics');
    await exportCalendarReminder(vault, assignment, { discreet: true });
    const ics = await readFile(icsPath, 'utf8');
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') ?? undefined,
    );
    expect(event.summary).toBe('Evening walks');
    expect(ics).not.toMatch(/Zoë|Ødegård|Behavioural|CLINICAL|CAUTION/);
    expect((await exports()).map((entry) => [entry.what, entry.format]).sort()).toEqual(
      [
        ['Tracker', 'tracker-pdf'],
        ['Session summary', 'session-summary-pdf'],
        ['Calendar reminder (discreet)', 'calendar-ics'],
      ].sort(),
    );
    for (const entry of await exports()) {
      expect(entry).toMatchObject({ clientId: assignment.clientId });
    }
  });

  it('logs nothing when a reminder image can’t be drawn (no canvas here)', async () => {
    const assignment = await clientWithPractice();
    saveTo('note.png');
    await expect(
      exportReminderImage(open(), assignment, 'sticky-note', { discreet: true }),
    ).rejects.toThrow();
    expect(await exports()).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('the recovery sheet', () => {
  it('of the open vault is saved and logged without a client', async () => {
    const path = saveTo('sheet.pdf');
    await exportRecoverySheet(open(), 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB');
    const text = await pdfText(new Uint8Array(await readFile(path)));
    expect(text.replace(/\s/g, '')).toContain('ABCD-EFGH-JKMN-PQRS');
    expect(await exports()).toMatchObject([
      { what: 'Recovery sheet', format: 'recovery-sheet-pdf', clientId: null },
    ]);
  });

  it('of a vault just created is logged in that vault, once saved', async () => {
    const created: CreatedVault = await buildVault();
    await callCreate(created);
    app.dialogs.exportSaveLocation.push(null);
    expect(await exportRecoverySheetOfNewVault(created)).toMatchObject({ saved: false });
    saveTo('new-vault-sheet.pdf');
    expect(await exportRecoverySheetOfNewVault(created)).toMatchObject({ saved: true });
    const entered = await enterVault({ header: created.header, dataKey: created.dataKey.slice() });
    try {
      const log = (await entered.session.log.all()).records;
      expect(log).toMatchObject([{ what: 'Recovery sheet', format: 'recovery-sheet-pdf' }]);
    } finally {
      closeVaultSession(entered.session);
    }
  });
});

/** Stores a created vault's header with main, as creating one in the app does. */
async function callCreate(created: CreatedVault): Promise<void> {
  const { callMain } = await import('../../src-renderer/data/ipc-client');
  const { toBase64 } = await import('../../src-shared/crypto/bytes');
  await callMain('vault:create', { header: toBase64(created.headerBytes) });
}
