import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium with the built extension against the
// local replica (tests/e2e/harness.ts). One file at a time: each launches a
// browser, and the machine has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
