import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built renderer in Debian's Chromium with the real main-process
 * handlers (tests/harness/browser-app.ts). `npm test` builds first; run `npm run test:e2e` alone
 * to build and run just these.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  // Two, as CI has two cores: most of a test is waiting on the app, not computing.
  workers: 2,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
});
