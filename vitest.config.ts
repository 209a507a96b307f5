import { defineConfig } from 'vitest/config';

/** Renderer components and hooks (`*.test.tsx`) run in a DOM; everything else in plain Node. */
const domTests = ['src-renderer/**/*.test.tsx'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Argon2id at 64 MiB is memory-hungry; two workers fit this 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'src-*/**/*.test.{ts,tsx}',
            'tests/build/**/*.test.ts',
            'tests/faults/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/support/**/*.test.ts',
          ],
          exclude: domTests,
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: domTests,
          environment: 'happy-dom',
          setupFiles: ['tests/support/dom-setup.ts'],
        },
      },
    ],
  },
});
