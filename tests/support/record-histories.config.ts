import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

/**
 * `npm run histories:record`: runs only the history recorder (never part of `npm test`), with the
 * shared global setup (Temporal dev server, PostgreSQL, the workflow bundle).
 */
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { ...base.test, include: ['tests/support/record-histories.ts'], testTimeout: 120_000 },
});
