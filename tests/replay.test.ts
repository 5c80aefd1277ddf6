import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DefaultLogger, Runtime, Worker, type ReplayResult } from '@temporalio/worker';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { historyFromJSON } from './support/history-json';

/**
 * Every history under tests/histories/ (recorded by `npm run histories:record` from the workflow
 * code that runs in production, README "Changing workflow code safely") is replayed against the
 * workflow code in this checkout. A change that would break a running case fails here with the
 * file's name and the SDK's reason (a `DeterminismViolationError` names the command that differs).
 */
const HISTORIES = fileURLToPath(new URL('./histories/', import.meta.url));
const files = readdirSync(HISTORIES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json') || f.endsWith('.json.gz'))
  .sort();

function load(file: string) {
  try {
    const raw = readFileSync(join(HISTORIES, file));
    return historyFromJSON((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  } catch (err) {
    throw new Error(`${file} cannot be read as a workflow history: ${(err as Error).message}`, { cause: err });
  }
}

const results = new Map<string, ReplayResult>();
beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  // One replay worker for all of them; the file name stands in for the workflow id.
  const replays = Worker.runReplayHistories(
    { workflowBundle: { codePath: inject('workflowBundlePath') }, replayName: 'recorded-histories' },
    files.map((file) => ({ workflowId: file, history: load(file) })),
  );
  for await (const result of replays) results.set(result.workflowId, result);
});

describe('recorded workflow histories replay on the current workflow code', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (file) => {
    const result = results.get(file);
    expect(result, `${file} was not replayed`).toBeDefined();
    if (result!.error) {
      const { name, message } = result!.error;
      expect.fail(`${file} no longer replays: ${name}: ${message}`);
    }
  });
});
