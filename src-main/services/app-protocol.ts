import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { WindowRole } from '../../src-shared/ipc/contract';

/**
 * Serving the built renderer from the app's own origin (`app://bridgework/` in Electron,
 * 127.0.0.1 in the test harness): path checks, content types and the security headers.
 */

/** The page each kind of window loads, relative to the renderer root. */
export const windowPages: Record<WindowRole, string> = {
  therapist: 'index.html',
  'client-view': 'client-view.html',
};

/** The Content-Security-Policy sent with every page. Styles allow 'unsafe-inline' because Mantine injects its theme variables as <style> elements; no script is ever inline. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + sep);
}

/**
 * The file under `root` that a URL path names, or null when the path tries to leave it:
 * `..` segments (plain or percent-encoded), backslashes, NUL bytes, absolute paths after
 * decoding, and symlinks that point outside `root` are all refused.
 */
export async function resolveAppPath(root: string, urlPathname: string): Promise<string | null> {
  if (/%2e|%2f|%5c|%00/i.test(urlPathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return null;
  if (
    /[\\\0]/.test(decoded) ||
    decoded.split('/').some((segment) => segment === '..' || segment === '.')
  ) {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return null;
  try {
    const real = await realpath(candidate);
    return isInside(realRoot, real) ? real : null;
  } catch {
    return null;
  }
}

/** The response to one request for an app file: the file with its headers, or a 404. */
export async function serveAppFile(root: string, url: string): Promise<Response> {
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const file = await resolveAppPath(root, new URL(url).pathname);
  if (!file) return new Response('Not found', { status: 404, headers });
  try {
    const body = await readFile(file);
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': type },
    });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}
