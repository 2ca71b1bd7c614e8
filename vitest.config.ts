import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/setup/global.ts'],
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Both cores: vitest's default leaves one free, which doubled the run on a two-core machine.
    maxWorkers: 2,
    // Threads that keep their module cache between test files: the toolkit's modules are loaded
    // once per worker, and the releases the tests read are compiled once per worker
    // (tests/helpers/fixture.ts). So no test may change module state or the working directory, or
    // replace a module (vi.mock): faults are injected through options (e.g. serve's openFile).
    pool: 'threads',
    isolate: false,
    // The compiled toolkit (lib/js/, which a few tests load to run it on threads as users do) is
    // loaded by Node itself, as it is in use, not transformed as a source file.
    server: { deps: { external: [/\/lib\/js\//] } },
  },
});
