import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src-*/**/*.test.{ts,tsx}',
      'tests/build/**/*.test.ts',
      'tests/faults/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/support/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    // Argon2id at 64 MiB is memory-hungry; two workers fit this 2-core machine.
    maxWorkers: 2,
  },
});
