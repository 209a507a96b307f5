import { type TrackerPdfValues, trackerFormValues } from './tracker-form';

/**
 * Parses a returned tracker PDF off the window's thread, so a slow or hostile file can be stopped
 * (`readReturnedTracker` ends this worker when its time is up). One request per worker:
 * `{ bytes, maxPages }` → `TrackerPdfValues`.
 */
export type TrackerPdfRequest = { bytes: Uint8Array; maxPages: number };

self.onmessage = async (event: MessageEvent<TrackerPdfRequest>) => {
  let reply: TrackerPdfValues;
  try {
    reply = await trackerFormValues(event.data.bytes, { maxPages: event.data.maxPages });
  } catch {
    reply = { ok: false, problem: 'malformed' };
  }
  self.postMessage(reply);
};
