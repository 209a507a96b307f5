import { type Browser, chromium, expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { reminderWordsOf } from '../../src-shared/domain/calendar-reminder';
import type { Assignment } from '../../src-shared/domain/assignment';
import {
  type ReminderImageContent,
  reminderImageFormats,
  reminderImageKinds,
} from '../../src-shared/domain/reminder-image-layout';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/browser-app';
import {
  openReminderImagePage,
  pngChunks,
  pngSize,
  type ReminderImagePage,
} from '../support/reminder-image-page';

/**
 * Reminder images drawn by the real renderer module on a real canvas in Chromium (in a blank
 * page of their own, see tests/support/reminder-image-page.ts): each kind's size, no text
 * metadata in the PNG, and the text where the layout put it — on a lock screen nothing in the
 * clock's band at the top or the controls' band at the bottom. Each PNG is saved to the test's
 * output folder to be looked at.
 */

const assignment = {
  title: 'Getting used to going out',
  discreetTitle: 'Getting out and about',
  plan: { what: 'walk to the gate', time: '18:30', cue: 'after dinner', where: 'our street' },
  days: [1, 3, 5],
  minimum: { label: 'Open the front door for one minute.', dose: null },
  discreetWording: { minimumDose: 'Step outside for one minute.' },
} as unknown as Assignment;

const contents: Record<string, ReminderImageContent> = {
  typical: reminderWordsOf({ assignment, wording: 'practice', clientName: 'Jonas Ødegård' }),
  long: {
    title: 'A calmer start to the day, one small step at a time',
    plan:
      'I will sit by the window with a cup of tea and write three things I noticed yesterday ' +
      'that went a little better than I expected, on Monday, Tuesday, Wednesday, Thursday and ' +
      'Friday at 07:15, straight after I switch the kettle on, at the kitchen table by the window.',
    smallest: 'Write one line, even if it is only “the tea was good”.',
  },
  accents: {
    title: 'Kveldstur',
    plan: 'I will gå en tur forbi Ødegård-gården og bakeriet på hjørnet every day at 20:00, after the news, in the village.',
    smallest: 'Til postkassen og tilbake. Ελάχιστο: δύο λεπτά. Хотя бы пять минут.',
  },
};

let browser: Browser;
let images: ReminderImagePage;

test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  images = await openReminderImagePage(browser);
});

test.afterAll(async () => {
  await browser.close();
});

/** How many pixels of each band of an image are "ink": light on a lock screen, dark on a note. */
async function inkByBand(
  png: Buffer,
  bands: { from: number; to: number }[],
  ink: 'light' | 'dark',
): Promise<number[]> {
  return images.page.evaluate(
    async ({ base64, bands, ink }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      return bands.map(({ from, to }) => {
        const { data } = context.getImageData(0, from, bitmap.width, to - from);
        let count = 0;
        for (let at = 0; at < data.length; at += 4) {
          const [red = 0, green = 0, blue = 0] = data.subarray(at, at + 3);
          const luma = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
          if (ink === 'light' ? luma > 150 : luma < 110) count += 1;
        }
        return count;
      });
    },
    { base64: png.toString('base64'), bands, ink },
  );
}

for (const kind of reminderImageKinds) {
  test(`${kind}: the right size, no text metadata, text only in its box`, async () => {
    const format = reminderImageFormats[kind];
    for (const [name, content] of Object.entries(contents)) {
      const { png } = await images.draw(kind, content);
      await writeFile(test.info().outputPath(`${kind}-${name}.png`), png);

      expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect(pngSize(png)).toEqual({ width: format.width, height: format.height });
      const types = pngChunks(png).map((chunk) => chunk.type);
      expect(types[0]).toBe('IHDR');
      expect(types.at(-1)).toBe('IEND');
      for (const metadata of ['tEXt', 'zTXt', 'iTXt', 'tIME', 'eXIf']) {
        expect(types).not.toContain(metadata);
      }
      for (const text of [content.title, content.plan]) {
        expect(png.includes(Buffer.from(text, 'utf8'))).toBe(false);
        expect(png.includes(Buffer.from(text, 'latin1'))).toBe(false);
      }

      const box = format.text;
      const [above, inside, below] = await inkByBand(
        png,
        [
          { from: 0, to: Math.floor(box.y) },
          { from: Math.floor(box.y), to: Math.ceil(box.y + box.height) },
          { from: Math.ceil(box.y + box.height), to: format.height },
        ],
        kind === 'sticky-note' ? 'dark' : 'light',
      );
      expect(above, `${name}: ink above the text box`).toBe(0);
      expect(below, `${name}: ink below the text box`).toBe(0);
      expect(inside, `${name}: text in the box`).toBeGreaterThan(2_000);
    }
  });
}
