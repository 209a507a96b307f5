// `tsx tests/interop/returned-tracker.ts make FOLDER` and `… read FOLDER`: run by
// returned_tracker.py (part of test_demo.py) to check the phone tracker's form against an
// independent tool, pypdf, filling it in as a client's PDF app would.
//
//   make  writes, with Bridgework's own code (withTrackerForm over blank phone pages), the
//         fillable tracker of a 4-week practice (tests/interop/tracker-pdfs.ts) in vault A as
//         tracker.pdf, the same practice's tracker in vault B as other-vault.pdf, and the tracker
//         of another practice of vault A as other-assignment.pdf; and practice.json, the practice.
//   read  reads every other PDF in FOLDER as the app reads a returned tracker for the 4-week
//         practice in vault A (readReturnedTracker, parsing on this thread, then readTrackerForm)
//         and writes read.json: for each file, `{ ok: true, entries, read }` or
//         `{ ok: false, problem }`.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSodium } from '../../src-shared/crypto/sodium';
import { phoneTrackerPages } from '../../src-shared/domain/phone-tracker-layout';
import {
  readTrackerForm,
  trackerDaysOf,
  trackerReference,
  trackerTag,
} from '../../src-shared/domain/returned-tracker';
import { readReturnedTracker } from '../../src-renderer/documents/read-returned-tracker';
import { trackerFormValues, withTrackerForm } from '../../src-renderer/documents/tracker-form';
import { blankPhonePdf, fourWeekPractice } from './tracker-pdfs';

const [command, folder] = process.argv.slice(2);
if (!folder || (command !== 'make' && command !== 'read')) {
  throw new Error('usage: returned-tracker.ts make|read FOLDER');
}

await loadSodium();

/** The secrets of vaults A and B (each a vault's `trackerSecret`). */
const vaultA = new Uint8Array(32).fill(0x11);
const vaultB = new Uint8Array(32).fill(0x22);
const otherPractice = { ...fourWeekPractice, id: 'BBBBBBBBBBBBBBBBBBBBBB' };
/** The handout's own pages before the tracker's. */
const HANDOUT_PAGES = 3;

async function fillableTracker(secret: Uint8Array, practice: typeof fourWeekPractice) {
  const days = trackerDaysOf(practice);
  const columns = practice.trackerFields;
  const reference = trackerReference(secret, practice.id);
  const blank = await blankPhonePdf(HANDOUT_PAGES + phoneTrackerPages(days, columns).length);
  return withTrackerForm(blank, { reference, tag: trackerTag(secret, reference), days, columns });
}

const made = ['tracker.pdf', 'other-vault.pdf', 'other-assignment.pdf'];

if (command === 'make') {
  await writeFile(join(folder, made[0] ?? ''), await fillableTracker(vaultA, fourWeekPractice));
  await writeFile(join(folder, made[1] ?? ''), await fillableTracker(vaultB, fourWeekPractice));
  await writeFile(join(folder, made[2] ?? ''), await fillableTracker(vaultA, otherPractice));
  await writeFile(join(folder, 'practice.json'), JSON.stringify(fourWeekPractice, null, 2));
} else {
  const results: Record<string, unknown> = {};
  const files = (await readdir(folder)).filter((file) => file.endsWith('.pdf')).sort();
  for (const file of files.filter((name) => !made.includes(name))) {
    const pdf = await readReturnedTracker(new Uint8Array(await readFile(join(folder, file))), {
      parse: (request) => trackerFormValues(request.bytes, request),
    });
    results[file] = pdf.ok
      ? readTrackerForm(pdf.values, { secret: vaultA, assignment: fourWeekPractice })
      : pdf;
  }
  await writeFile(join(folder, 'read.json'), JSON.stringify(results, null, 2));
}
