import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Threads that keep their module cache between test files: the toolkit's modules are loaded once
    // per worker, and the releases the tests read are compiled once per worker (tests/helpers/fixture.ts).
    // No test changes module state or the working directory, so isolation bought nothing but time.
    pool: 'threads',
    isolate: false,
  },
});
