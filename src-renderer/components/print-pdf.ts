import type { PageSize } from '../../src-shared/domain/preferences';
import { loadPdfjs } from './PdfPages';

/**
 * Printing a PDF the app made (a handout, the recovery sheet) from the therapist's window.
 *
 * How: pdf.js (already bundled for worksheets) draws each page on a canvas at print resolution;
 * the pages go, as images, into a layer of this page that only the print stylesheet shows, and
 * `window.print()` opens the system's print dialog — Electron serves it with
 * `webContents.print` for this window. Chosen because it is the simplest route that keeps
 * everything inside the window: no temp file holding the plaintext PDF, no second window, no
 * PDF viewer plugin (Electron's prints blank from a hidden window), no new IPC channel, and it
 * fits the CSP (`img-src` allows `blob:`; a `blob:` frame would not be). The printed pages are
 * exactly the saved PDF's, drawn at 200 dpi.
 *
 * Printing writes no file, and the print dialog does not say whether anything was printed, so
 * it is not recorded in the export log (which records files saved whole).
 */

/** The print resolution, in dots per inch (a PDF's unit is 1/72 inch). */
const PRINT_DPI = 200;

/** The layer only the print stylesheet shows. */
const LAYER_ID = 'bridgework-print-layer';

/** The paper's size for CSS `@page`. */
const cssPageSize: Record<PageSize, string> = { letter: 'letter', a4: 'A4' };

/** Removes the print layer and frees its images. */
function removeLayer(): void {
  const layer = document.getElementById(LAYER_ID);
  if (!layer) return;
  for (const image of layer.querySelectorAll('img')) URL.revokeObjectURL(image.src);
  layer.remove();
}

/** The stylesheet that prints the layer alone, one image per sheet, edge to edge. */
function printStyle(pageSize: PageSize): string {
  return `
@media screen { #${LAYER_ID} { display: none !important; } }
@media print {
  @page { size: ${cssPageSize[pageSize]}; margin: 0; }
  html, body { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  body > *:not(#${LAYER_ID}) { display: none !important; }
  #${LAYER_ID} { display: block !important; }
  #${LAYER_ID} img {
    display: block; width: 100vw; height: 100vh; object-fit: contain;
    break-after: page; page-break-after: always;
  }
  #${LAYER_ID} img:last-of-type { break-after: auto; page-break-after: auto; }
}`;
}

/** A page of `bytes` drawn at print resolution, as a PNG blob. */
async function pageImages(bytes: Uint8Array): Promise<Blob[]> {
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
  });
  try {
    const pdf = await task.promise;
    const images: Blob[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: PRINT_DPI / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      images.push(
        await new Promise<Blob>((resolve, reject) =>
          canvas.toBlob(
            (blob) => (blob ? resolve(blob) : reject(new Error('A page couldn’t be drawn.'))),
            'image/png',
          ),
        ),
      );
      canvas.width = canvas.height = 0;
    }
    return images;
  } finally {
    void task.destroy();
  }
}

/**
 * Opens the print dialog for a PDF's pages on `pageSize` paper (see above). Resolves once the
 * dialog was opened; the pages are removed from the window after printing.
 */
export async function printPdf(
  bytes: Uint8Array,
  title: string,
  pageSize: PageSize,
): Promise<void> {
  const images = await pageImages(bytes);
  removeLayer();
  const layer = document.createElement('div');
  layer.id = LAYER_ID;
  layer.setAttribute('aria-hidden', 'true');
  const style = document.createElement('style');
  style.textContent = printStyle(pageSize);
  layer.append(style);
  images.forEach((blob, index) => {
    const image = document.createElement('img');
    image.src = URL.createObjectURL(blob);
    image.alt = `${title}, page ${index + 1}`;
    layer.append(image);
  });
  document.body.append(layer);
  await Promise.all(
    [...layer.querySelectorAll('img')].map((image) => image.decode().catch(() => undefined)),
  );
  window.addEventListener('afterprint', removeLayer, { once: true });
  window.print();
}
