import { defineConfig } from '@playwright/test';

/** Smoke tests in real Electron (`npm run test:electron`), for machines that have its binary. */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 90_000,
  reporter: [['list']],
});
