import { Alert, Stack } from '@mantine/core';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { LoadingMark } from './LoadingMark';

/** Pages shown at most, so a long file cannot hold up the screen. */
const MAX_PAGES = 20;

let pdfjs: Promise<typeof import('pdfjs-dist')> | null = null;
/**
 * pdf.js (about 0.6 MB, and its 1.6 MB worker) is loaded the first time a PDF is shown, not with
 * the app: most screens never need it.
 */
export function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    // pdf.js parses in its own worker, bundled with the app (no network, no eval).
    module.GlobalWorkerOptions.workerPort = new Worker(
      new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url),
      { type: 'module' },
    );
    return module;
  });
  pdfjs.catch(() => {
    pdfjs = null; // try again next time
  });
  return pdfjs;
}

/** A PDF's pages drawn on canvases, inside the app; the PDF's own scripts and links never run. */
export function PdfPages({ bytes, title }: { bytes: Uint8Array; title: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    let task: PDFDocumentLoadingTask | null = null;
    void (async () => {
      try {
        const { getDocument } = await loadPdfjs();
        if (cancelled) return;
        task = getDocument({
          data: bytes.slice(),
          isEvalSupported: false,
          enableXfa: false,
          stopAtErrors: false,
        });
        const pdf = await task.promise;
        const target = container.current;
        if (!target) return;
        target.replaceChildren();
        for (let number = 1; number <= Math.min(pdf.numPages, MAX_PAGES) && !cancelled; number++) {
          const page = await pdf.getPage(number);
          const viewport = page.getViewport({ scale: 1.3 });
          const canvas = document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.style.width = '100%';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${title}, page ${number}`);
          target.append(canvas);
          await page.render({ canvas, viewport }).promise;
        }
        if (!cancelled) setState('shown');
      } catch {
        if (!cancelled) setState('failed');
      }
    })();
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [bytes, title]);

  return (
    <Stack gap="sm">
      {state === 'loading' && <LoadingMark size="sm" label="Opening the worksheet" />}
      {state === 'failed' && (
        <Alert color="orange">This PDF couldn’t be shown. The file may be damaged.</Alert>
      )}
      <Stack ref={container} gap="sm" />
    </Stack>
  );
}
