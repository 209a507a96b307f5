// `npm run samples`: one of each take-away output for a built-in, fictional demo client, written
// into samples/ (git-ignored), to look at before handing anything over. The PDFs and the .ics are
// made here in Node with the app's own code; the reminder images need a canvas, so they are
// drawn in Chromium (the e2e harness's browser) by the app's renderer module. Each PDF is then
// turned into PNG pages with pdftoppm (poppler-utils), when it is installed, in samples/pages/.
// Run through tsx with tsconfig.web.json (the documents are React: its JSX setting) and
// scripts/asset-urls.mjs (the fonts are Vite `?url` imports), as `npm run samples` does.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { calendarReminderOf, reminderWordsOf } from '../src-shared/domain/calendar-reminder';
import { handoutOf, sessionSummaryOf, trackerOf } from '../src-shared/domain/handout';
import {
  exampleHandoutInput,
  exampleSessionSummaryInput,
} from '../src-shared/domain/handout-examples';
import { reminderImageKinds } from '../src-shared/domain/reminder-image-layout';
import { useDocumentFontFiles } from '../src-renderer/documents/fonts';
import { nodeDocumentFontFiles } from '../src-renderer/documents/node-font-files';
import { phoneHandoutOf } from '../src-renderer/documents/PhoneHandoutDocument';
import {
  renderHandoutPdf,
  renderPhoneHandoutPdf,
  renderRecoverySheetPdf,
  renderSessionSummaryPdf,
  renderTrackerPdf,
} from '../src-renderer/documents/render';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/harness/browser-app';
import { openReminderImagePage } from '../tests/support/reminder-image-page';

const folder = resolve('samples');
const pagesFolder = join(folder, 'pages');

/** The demo: the handout model's worked example (a fictional client, practice and clinician). */
const demo = exampleHandoutInput;
const letter = { pageSize: 'letter', largePrint: false } as const;
const a4 = { pageSize: 'a4', largePrint: false } as const;

/** A recovery key of the right shape and letters that opens nothing: this vault doesn't exist. */
const DEMO_RECOVERY_KEY = '0000-1111-2222-3333-4444-5555-6666-7777';

async function write(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  console.log(`  ${name}`);
  return path;
}

/** The PDFs, in Node with the bundled fonts read from node_modules. */
async function pdfs(): Promise<string[]> {
  useDocumentFontFiles(nodeDocumentFontFiles());
  return [
    await write('handout-standard.pdf', await renderHandoutPdf(handoutOf(demo), letter)),
    await write(
      'handout-discreet.pdf',
      await renderHandoutPdf(
        handoutOf({ ...demo, discreet: true, nameOnHandout: 'initials' }),
        letter,
      ),
    ),
    await write(
      'handout-large-print.pdf',
      await renderHandoutPdf(handoutOf(demo), { pageSize: 'a4', largePrint: true }),
    ),
    await write(
      'handout-phone.pdf',
      await renderPhoneHandoutPdf(phoneHandoutOf(handoutOf(demo), trackerOf(demo))),
    ),
    await write(
      'handout-phone-discreet.pdf',
      await renderPhoneHandoutPdf(
        phoneHandoutOf(
          handoutOf({ ...demo, discreet: true, nameOnHandout: 'none' }),
          trackerOf({ ...demo, discreet: true, nameOnHandout: 'none' }),
        ),
      ),
    ),
    await write('tracker.pdf', await renderTrackerPdf(trackerOf(demo), a4)),
    await write(
      'session-summary.pdf',
      await renderSessionSummaryPdf(sessionSummaryOf(exampleSessionSummaryInput), letter),
    ),
    await write(
      'recovery-sheet.pdf',
      await renderRecoverySheetPdf(
        { vaultName: 'Riverside Practice (demo)', recoveryKey: DEMO_RECOVERY_KEY },
        letter,
      ),
    ),
  ];
}

/** The calendar reminder, discreet as by default, in a fixed time zone so the file is stable. */
async function calendar(): Promise<void> {
  const reminder = calendarReminderOf({
    assignment: demo.assignment,
    wording: demo.wording,
    reminderTime: null,
    timeZone: 'Europe/Oslo',
    clientName: demo.clientName,
  });
  await write(`${reminder.fileNameStem}.ics`, reminder.ics);
}

/** The three reminder images, drawn on a real canvas in Chromium. */
async function images(): Promise<void> {
  const words = reminderWordsOf({
    assignment: demo.assignment,
    wording: demo.wording,
    clientName: demo.clientName,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const { draw } = await openReminderImagePage(browser);
    for (const kind of reminderImageKinds)
      await write(`${kind}.png`, (await draw(kind, words)).png);
  } finally {
    await browser.close();
  }
}

/** Each PDF's pages as PNGs at 50 dpi, to look at; skipped (and said) without pdftoppm. */
async function pagesOf(paths: string[]): Promise<void> {
  await mkdir(pagesFolder, { recursive: true });
  for (const path of paths) {
    const stem = path.slice(folder.length + 1).replace(/\.pdf$/, '');
    try {
      execFileSync('pdftoppm', ['-png', '-r', '50', path, join(pagesFolder, stem)]);
    } catch {
      console.log('  (pdftoppm is not installed: no PNG pages; install poppler-utils)');
      return;
    }
  }
  console.log(`  pages/ (each PDF page as a PNG, 50 dpi)`);
}

await rm(folder, { recursive: true, force: true });
await mkdir(folder, { recursive: true });
console.log(`Writing samples for a fictional client into ${folder}:`);
const written = await pdfs();
await calendar();
await images();
await pagesOf(written);
