import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Temporal SDK's native add-on does not survive worker threads.
    pool: 'forks',
    // The files mostly wait on timers, servers and the browser: on 2 cores the default (cores - 1)
    // runs them one at a time, in about 600 s; three at a time take about 370 s.
    maxWorkers: 3,
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.data/**', '.tools/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
