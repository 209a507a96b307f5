import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * A made PDF read back, for tests and checks of the sample files: each page's size and text, as
 * pdf.js extracts it (its legacy build, which runs in Node), with where each piece of text sits.
 */

/** One run of text on a page: its text, left edge, width and size, in points. */
export type PdfTextItem = { text: string; x: number; width: number; size: number };

/** One page read back. */
export type PdfPageText = {
  width: number;
  height: number;
  /** The page's text: lines joined with newlines, the pieces of a line with nothing between. */
  text: string;
  items: PdfTextItem[];
};

/** Every page of a PDF, read back. */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPageText[]> {
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  const document = await task.promise;
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
        if (item.str.trim() !== '') {
          const [a = 0, b = 0, , , x = 0] = item.transform as number[];
          items.push({ text: item.str, x, width: item.width, size: Math.hypot(a, b) });
        }
      }
      pages.push({ width: right - left, height: top - bottom, text, items });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
