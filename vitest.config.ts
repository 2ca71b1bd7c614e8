import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Both cores: vitest's default leaves one free, which doubled the run on a two-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.isolated.test.ts'],
          // Threads that keep their module cache between test files: the toolkit's modules are loaded
          // once per worker, and the releases the tests read are compiled once per worker
          // (tests/helpers/fixture.ts). These tests change no module state and no working directory.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // Tests that replace a module (vi.mock) need modules of their own.
          name: 'isolated',
          include: ['tests/**/*.isolated.test.ts'],
          pool: 'forks',
          isolate: true,
        },
      },
    ],
  },
});
