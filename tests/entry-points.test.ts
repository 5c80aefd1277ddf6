import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Vitest resolves modules its own way; `npm start` and production run plain Node ESM through tsx.
 * Loading every entry point's module graph that way catches imports that only work under Vitest
 * (e.g. a named import from a CommonJS package).
 */
describe('entry points under plain Node', () => {
  it('load the API, the worker, the activities, the seed and the start script', async () => {
    const modules = ['./api/app.ts', './worker/create-worker.ts', './worker/digest-schedule.ts', './worker/register-search-attributes.ts', './activities/index.ts', './prisma/seed.ts', './scripts/lib/temporal-dev-server.ts'];
    const script = `for (const m of ${JSON.stringify(modules)}) await import(m); console.log('loaded');`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), timeout: 60_000 });
    expect(stdout.trim()).toBe('loaded');
  });
});
