import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveAppPath, serveAppFile } from './app-protocol';

const INDEX_HTML = '<!doctype html><title>Bridgework</title>';
const APP_JS = 'console.log("bridgework");';
const SECRET = 'client notes that must never be served';

let base: string;
let root: string;

/**
 * A fresh layout per test:
 *   <base>/secret.txt              outside the app root
 *   <base>/app/index.html
 *   <base>/app/assets/app.js
 *   <base>/app/leak.txt      ->    <base>/secret.txt   (symlink out of the root)
 *   <base>/app/outside       ->    <base>              (folder symlink out of the root)
 */
beforeEach(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'bridgework-app-')));
  root = join(base, 'app');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), INDEX_HTML);
  await writeFile(join(root, 'assets', 'app.js'), APP_JS);
  await writeFile(join(base, 'secret.txt'), SECRET);
  await symlink(join(base, 'secret.txt'), join(root, 'leak.txt'));
  await symlink(base, join(root, 'outside'), 'dir');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolving app paths', () => {
  it('serves index.html for the root path', async () => {
    expect(await resolveAppPath(root, '/')).toBe(join(root, 'index.html'));
  });

  it('finds files in sub-folders', async () => {
    expect(await resolveAppPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(await resolveAppPath(root, '/index.html')).toBe(join(root, 'index.html'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '//etc/passwd',
    '/%2Fetc%2Fpasswd',
    '/assets\\..\\..\\secret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/..',
    '/./index.html',
    '/%00',
    '/index.html%00.js',
    '/%E0%A4%A',
    'index.html',
    '',
  ])('refuses %j', async (path) => {
    expect(await resolveAppPath(root, path)).toBeNull();
  });

  it('refuses a symlink inside the root that points to a file outside it', async () => {
    expect(await resolveAppPath(root, '/leak.txt')).toBeNull();
  });

  it('refuses a path through a folder symlink that leads outside the root', async () => {
    expect(await resolveAppPath(root, '/outside/secret.txt')).toBeNull();
  });

  it('refuses a file that does not exist', async () => {
    expect(await resolveAppPath(root, '/missing.js')).toBeNull();
    expect(await resolveAppPath(root, '/assets/missing.js')).toBeNull();
  });
});

describe('serving app files', () => {
  it('serves the app page as HTML with the security headers', async () => {
    const response = await serveAppFile(root, 'app://bridgework/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('serves scripts as JavaScript', async () => {
    const response = await serveAppFile(root, 'app://bridgework/assets/app.js?v=1#top');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe(APP_JS);
  });

  it('serves a file of unknown type as bytes, never as something a browser would run', async () => {
    await writeFile(join(root, 'notes.unknown'), '<script>alert(1)</script>');
    const response = await serveAppFile(root, 'app://bridgework/notes.unknown');
    expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it.each([
    'app://bridgework/..%2fsecret.txt',
    'app://bridgework/%2e%2e%2fsecret.txt',
    'app://bridgework/assets%2f..%2f..%2fsecret.txt',
    'app://bridgework/%2Fetc%2Fpasswd',
    'app://bridgework/assets\\..\\..\\secret.txt',
    'app://bridgework/leak.txt',
    'app://bridgework/outside/secret.txt',
    'app://bridgework/missing.js',
    'app://bridgework/assets/',
    'http://127.0.0.1:4173/leak.txt',
  ])('answers 404 with the security headers for %s, without the secret', async (url) => {
    const response = await serveAppFile(root, url);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).not.toContain(SECRET);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources]),
  );

  it.each([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ])('contains %s', (directive) => {
    expect(CONTENT_SECURITY_POLICY).toContain(directive);
  });

  it('allows no eval other than WebAssembly compilation', () => {
    expect(CONTENT_SECURITY_POLICY.replaceAll("'wasm-unsafe-eval'", '')).not.toContain(
      'unsafe-eval',
    );
  });

  it('allows no inline script', () => {
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('default-src')).not.toContain("'unsafe-inline'");
  });

  it('lets nothing be loaded or sent to another origin', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(`${name} ${source}`).not.toMatch(/\s(\*|https?:|wss?:|file:|ftp:)/);
      }
    }
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});
