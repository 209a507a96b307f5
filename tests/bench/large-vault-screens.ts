// The large-vault benchmark's steps in the app's window (large-vault.bench.ts): opening a client
// from the Clients list, timed; visiting every screen and reading the renderer's JS heap after a
// garbage collection; and, in Node, verifying the vault's backup as `npm run vault -- verify`
// does.
import type { Page } from '@playwright/test';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { verifyBackupCommand } from '../../src-main/commands/vault-verify';
import { PASSPHRASE } from './bench-app';

export const navigation = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** Goes to Clients and waits for its list. */
export async function toClients(page: Page): Promise<void> {
  await navigation(page).getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Clients' }).waitFor({ timeout: 60_000 });
}

/** One timed opening of a client, in ms from the click on their name in the list. */
export type ClientOpening = {
  /** The client's page (their name as its heading) is in the DOM. */
  page: number;
  /** Their sessions are listed and laid out: the frame that paints them. */
  painted: number;
  sessions: number;
  practiceNow: number;
};

/**
 * Clicks the client's name in the Clients list and times their page until its sessions are
 * listed (their sessions and assignments read, one query) and painted.
 */
export async function timedOpenClient(page: Page, name: string): Promise<ClientOpening> {
  await page.evaluate(() => {
    (window as unknown as { benchClient: Promise<ClientOpening> }).benchClient = new Promise(
      (done, fail) => {
        window.addEventListener(
          'click',
          () => {
            const clickedAt = performance.now();
            let pageAt = NaN;
            const poll = () => {
              if (Number.isNaN(pageAt) && document.querySelector('section[aria-label="Sessions"]'))
                pageAt = performance.now() - clickedAt;
              const row = document.querySelector('section[aria-label="Sessions"] ul > li');
              if (row && row.getClientRects().length > 0) {
                done({
                  page: Number.isNaN(pageAt) ? performance.now() - clickedAt : pageAt,
                  painted: performance.now() - clickedAt,
                  sessions: document.querySelectorAll('section[aria-label="Sessions"] ul > li')
                    .length,
                  practiceNow: document.querySelectorAll(
                    'section[aria-label="Practice now"] li, section[aria-label="Practice now"] [role="listitem"]',
                  ).length,
                });
              } else if (performance.now() - clickedAt > 60_000) {
                fail(new Error('The client’s sessions did not show within 60 s.'));
              } else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          },
          { capture: true, once: true },
        );
      },
    );
  });
  await page.getByRole('listitem', { name, exact: true }).click();
  return page.evaluate(
    () => (window as unknown as { benchClient: Promise<ClientOpening> }).benchClient,
  );
}

/** A screen visited before the heap is read, and whether it showed. */
export type ScreenVisit = { screen: string; shown: boolean; problem?: string };

/**
 * Visits every screen of the open vault the way a clinician gets there: Today, a session's
 * plan, Clients, the busy client's page, their Insights, an assignment in the builder, the
 * Library, the practice-wide Insights and Settings. Each waits for what the screen shows;
 * one that does not show within 30 s is noted, not fatal.
 */
export async function visitEveryScreen(page: Page, clientName: string): Promise<ScreenVisit[]> {
  const visits: ScreenVisit[] = [];
  const visit = async (screen: string, go: () => Promise<void>) => {
    try {
      await go();
      await page.waitForTimeout(1_000);
      visits.push({ screen, shown: true });
    } catch (error) {
      const problem = error instanceof Error ? error.message.split('\n')[0] : String(error);
      visits.push({ screen, shown: false, problem });
      await page.screenshot({ path: `/tmp/bench-heap-visit-${visits.length}.png` });
    }
  };
  const nav = (label: string) => navigation(page).getByRole('button', { name: label }).click();
  const seen = (locator: ReturnType<Page['locator']>) =>
    locator.first().waitFor({ timeout: 30_000 });
  await visit('Today', async () => {
    await nav('Today');
    await seen(page.locator('section[aria-labelledby^="day-"] ul > li'));
  });
  await visit('a session’s plan', async () => {
    await page.locator('section[aria-labelledby^="day-"] ul > li button').first().click();
    await seen(page.getByRole('heading', { level: 1 }));
  });
  await visit('Clients', () => toClients(page));
  await visit('the client’s page', async () => {
    await page.getByRole('listitem', { name: clientName, exact: true }).click();
    await seen(page.locator('section[aria-label="Sessions"] ul > li'));
  });
  await visit('the client’s Insights', async () => {
    await page.getByRole('button', { name: 'Insights', exact: true }).last().click();
    await seen(page.getByRole('heading', { name: /^Insights: / }));
  });
  await visit('an assignment in the builder', async () => {
    // Clients shows the area's last screen, the client's page; the list if not.
    await nav('Clients');
    const practice = page.locator('section[aria-label="Practice now"] button').first();
    const listed = page.getByRole('listitem', { name: clientName, exact: true });
    await practice.or(listed).first().waitFor({ timeout: 30_000 });
    if (await listed.isVisible()) await listed.click();
    await practice.click({ timeout: 30_000 });
    await seen(page.getByRole('heading', { level: 1 }));
  });
  await visit('Library', async () => {
    await nav('Library');
    await seen(page.getByRole('heading', { name: 'Homework library' }));
  });
  await visit('Insights', async () => {
    // The area opens on its last screen (the client's Insights); a second click goes home.
    await nav('Insights');
    await page.waitForTimeout(1_000);
    if ((await page.locator('table[aria-label="Month"]').count()) === 0) await nav('Insights');
    await seen(page.locator('table[aria-label="Month"]'));
  });
  await visit('Settings', async () => {
    await nav('Settings');
    await seen(page.getByRole('heading', { name: 'Settings', level: 1 }));
  });
  return visits;
}

/** The page's JS heap in use after a full garbage collection (CDP), in MiB. */
export async function heapAfterGarbageCollection(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}

/** The path of a backup file the app wrote into `folder` (or a folder under it). */
export async function findBackup(folder: string, fileName: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const found = entries.find((entry) => entry.isFile() && entry.name === fileName);
  if (!found) throw new Error(`The backup ${fileName} is not in ${folder}.`);
  return join(found.parentPath, found.name);
}

/**
 * `npm run vault -- verify FILE` with the passphrase on standard input, timed: the header and
 * structure checked, the key derived (Argon2id), the MAC and every record opened. Throws
 * unless the backup is verified.
 */
export async function timedVerify(path: string): Promise<number> {
  const lines: string[] = [];
  const started = performance.now();
  const code = await verifyBackupCommand(['verify', path], {
    stdin: Readable.from([`${PASSPHRASE}\n`]),
    stdinIsTTY: false,
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`The backup did not verify (${code}): ${lines.join(' ')}`);
  return ms;
}
