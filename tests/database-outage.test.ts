import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../infra/database';
import { seedDemoProvince } from '../prisma/seed';
import { ensureDatabase, migrateDatabase } from '../scripts/lib/database-setup';
import { startEmbeddedPostgres, type RunningPostgres } from '../scripts/lib/embedded-postgres';
import { freePort } from '../scripts/lib/free-port';
import { caseUpdates } from '../workflows/case-messages';
import { petitioner, sleep, submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';
import { duplicateCount, reportFaults } from './support/fault-figures';

// This file stops its database, so it runs on a PostgreSQL of its own.
const dir = mkdtempSync(join(tmpdir(), 'petitions-outage-'));
let port = 0;
let pg: RunningPostgres;
let sys: TestSystem;
const startPg = () => startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port, persistent: true });

beforeAll(async () => {
  chmodSync(dir, 0o755);
  port = await freePort();
  pg = await startPg();
  await ensureDatabase(pg.url('postgres'), 'outage');
  await migrateDatabase(pg.url('outage'));
  const seedDb = createDatabase(pg.url('outage'));
  await seedDemoProvince(seedDb);
  await seedDb.$disconnect();
  sys = await startSystem({ clockPolicy: testPolicy('test-outage', { rules: { FEEDBACK: secondsRule('FEEDBACK', 600, 600) }, ratingWindow: seconds(600) }), databaseUrl: pg.url('outage') });
});
afterAll(async () => {
  await sys?.stop();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const feedback = { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS', title: 'Lấn chiếm vỉa hè', content: 'Quán ăn lấn chiếm vỉa hè.', petitioner };
const post = (key: string) =>
  fetch(`${sys.baseUrl}/api/petitions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(feedback) });

describe('PostgreSQL down for a while', () => {
  it('answers 503 with a clear message instead of accepting what it cannot store; work in flight completes after it returns', async () => {
    const { id, handle } = await submitCase(sys, feedback);
    await handle.executeUpdate(caseUpdates.accept, { args: [{ actor: 'canbo' }] });

    await pg.stop();
    const refused = await post('outage-while-down-1');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    const problem = (await refused.json()) as { code: string; detail: string };
    expect(problem.code).toBe('temporarily_unavailable');
    expect(problem.detail).toContain('nothing was stored');
    expect((await fetch(`${sys.baseUrl}/api/ready`)).status).toBe(503);
    // An officer's answer arrives during the outage: its activity retries until the database is back.
    const answering = handle.executeUpdate(caseUpdates.answer, { args: [{ actor: 'canbo', answer: 'Đã xử lý.' }] });
    await sleep(3000);

    pg = await startPg();
    expect((await answering).status).toBe('ANSWERED');
    await eventually(async () => expect((await sys.db.case.findUniqueOrThrow({ where: { id } })).status).toBe('ANSWERED'), 30_000);
    expect(await sys.db.case.count({ where: { idempotencyKey: { endsWith: ':outage-while-down-1' } } })).toBe(0);
    const retried = await eventually(async () => {
      const res = await post('outage-while-down-1');
      expect(res.status).toBe(201);
      return res;
    }, 20_000);
    expect(retried.status).toBe(201);
    expect(await sys.db.case.count({ where: { idempotencyKey: { endsWith: ':outage-while-down-1' } } })).toBe(1);
    const lost = (await sys.db.case.findUniqueOrThrow({ where: { id } })).status === 'ANSWERED' ? 0 : 1;
    reportFaults('PostgreSQL stopped 3 s', { casesInFlight: 2, faultsInjected: 1, casesLost: lost, duplicateEmails: duplicateCount(sys.smtp.messages) });
  });
});
