import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FOOTER } from '../../src-shared/domain/demo-vault';
import { handoutOf, trackerOf } from '../../src-shared/domain/handout';
import { exampleHandoutInput } from '../../src-shared/domain/handout-examples';
import type { DocumentOptions } from './document-style';
import { useDocumentFontFiles } from './fonts';
import { nodeDocumentFontFiles } from './node-font-files';
import { readPdfPages } from './pdf-text';
import { renderHandoutPdf, renderTrackerPdf } from './render';

beforeAll(() => useDocumentFontFiles(nodeDocumentFontFiles()));

const a4: DocumentOptions = { pageSize: 'a4', largePrint: false };

/** Each page's text, with runs of white space as one space. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  return (await readPdfPages(bytes)).map((page) => page.text.replace(/\s+/gu, ' '));
}

describe('documents printed from a demo vault', () => {
  it('say DEMO at the foot of every page of a handout and a tracker, beside the next meeting', async () => {
    const model = handoutOf(exampleHandoutInput);
    for (const bytes of [
      await renderHandoutPdf(model, { ...a4, demo: true }),
      await renderTrackerPdf(trackerOf(exampleHandoutInput), { ...a4, demo: true }),
    ]) {
      const pages = await pageTexts(bytes);
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        expect(page).toContain(DEMO_FOOTER);
        expect(page).toContain('We meet again on Tuesday 8 December 2026.');
      }
    }
  });

  it('say nothing of a demo when printed from a real vault', async () => {
    const pages = await pageTexts(await renderHandoutPdf(handoutOf(exampleHandoutInput), a4));
    for (const page of pages) expect(page).not.toContain('DEMO');
  });
});
