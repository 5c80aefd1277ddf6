import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTemporalCli } from '../scripts/install-temporal.mjs';
import { freePort } from '../scripts/lib/free-port';
import { startTemporalDevServer, type RunningDevServer } from '../scripts/lib/temporal-dev-server';
import { petitioner } from './support/cases';
import { escalationOutcome, reportFaults } from './support/fault-figures';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

// The first step falls due while the server is down: its timer must survive the restart.
const policy = testPolicy('test-temporal-restart', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 8, 3600) },
  ladder: { reminderBefore: seconds(2), graceAfterDue: seconds(3600) },
});
const CASES = 10;

const scratch = mkdtempSync(join(tmpdir(), 'petitions-temporal-restart-'));
let server: RunningDevServer;
let port: number;
let sys: TestSystem;
const startServer = () => startTemporalDevServer({ binary: ensureTemporalCli(), port, dbFile: join(scratch, 'temporal.db'), logFile: join(scratch, 'temporal.log') });

beforeAll(async () => {
  port = await freePort();
  server = await startServer();
  sys = await startSystem({ clockPolicy: policy, temporalAddress: server.address });
}, 120_000);
afterAll(async () => {
  await sys?.stop();
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the Temporal server restarted mid-run on the same database file', () => {
  it('loses no case, no timer and no notice', async () => {
    const ids: string[] = [];
    for (let i = 0; i < CASES; i += 1) {
      const res = await fetch(`${sys.baseUrl}/api/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS', title: `Ngập úng khu dân cư ${i + 1}`, content: 'Nước ngập sau mưa.', petitioner }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }

    await sleep(1500); // some cases routed, some not yet
    await server.stop();
    const ready = await sys.client.connection.withDeadline(Date.now() + 1000, () => sys.client.workflowService.getSystemInfo({})).then(() => true, () => false);
    expect(ready).toBe(false);
    // While it is down the API refuses what it cannot start rather than accept and lose it.
    const during = await fetch(`${sys.baseUrl}/api/ready`);
    expect(during.status).toBe(503);
    await sleep(8000); // the first-step deadlines pass with the server down
    server = await startServer();

    const outcome = await escalationOutcome(sys, ids);
    reportFaults('Temporal server stopped 8 s and restarted', { casesInFlight: CASES, faultsInjected: 1, casesLost: outcome.casesLost, duplicateEmails: outcome.duplicates });

    expect(outcome.casesLost).toBe(0);
    expect(outcome.distinctMails).toBe(outcome.notices.length);
    expect(outcome.duplicates).toBe(0); // the worker kept running: no activity was cut between send and record
    // The workflows' histories are intact on the restarted server.
    const described = await Promise.all(ids.map((id) => sys.client.workflow.getHandle(`case-${id}`).describe()));
    expect(described.every((d) => d.status.name === 'RUNNING')).toBe(true);
  }, 240_000);
});
