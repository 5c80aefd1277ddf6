// Benchmark 1 (issue 7): petitions per second submitted over HTTP through to a started, routed
// workflow, against the rate at which the same Temporal server starts and completes an empty
// workflow. Run with `npm run bench`; prints its figures. Not part of `npm test`.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../api/app';
import { createDatabase } from '../infra/database';
import { createSmtpMailer } from '../infra/mailer';
import { seedDemoProvince } from '../prisma/seed';
import { ensureTemporalCli } from '../scripts/install-temporal.mjs';
import { ensureDatabase, migrateDatabase } from '../scripts/lib/database-setup';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-postgres';
import { freePort } from '../scripts/lib/free-port';
import { startTemporalDevServer } from '../scripts/lib/temporal-dev-server';
import { createWorker } from '../worker/create-worker';
import { emptyWorkflow } from './empty.workflow';

const N = Number(process.env.BENCH_CASES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await task(next++);
  }));
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const scratch = mkdtempSync(join(tmpdir(), 'petitions-bench-'));
  chmodSync(scratch, 0o755);
  const temporal = await startTemporalDevServer({ binary: ensureTemporalCli(), port: await freePort(), logFile: join(scratch, 'temporal.log') });
  const pg = await startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), port: await freePort(), persistent: false });
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData: (s, _x, cb) => s.on('end', () => cb()).resume() });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  try {
    await ensureDatabase(pg.url('postgres'), 'bench');
    await migrateDatabase(pg.url('bench'));
    const db = createDatabase(pg.url('bench'));
    await seedDemoProvince(db);
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`);
    const native = await NativeConnection.connect({ address: temporal.address });
    const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });

    // Baseline: start and complete empty workflows on the same server, same concurrency.
    const empty = await Worker.create({ connection: native, taskQueue: 'bench-empty', workflowsPath: new URL('./empty.workflow.ts', import.meta.url).pathname });
    const baseline = await empty.runUntil(async () => {
      const t0 = performance.now();
      await pool(N, CONCURRENCY, (i) => client.workflow.execute(emptyWorkflow, { workflowId: `empty-${i}-${Date.now()}`, taskQueue: 'bench-empty' }));
      return N / ((performance.now() - t0) / 1000);
    });

    // Intake: HTTP submission → stored case → started workflow → routed (status ASSIGNED in the database).
    const worker = await createWorker({ connection: native, namespace: 'default', taskQueue: 'bench-petitions', deps: { db, mailer, mailFrom: 'bench@local', publicUrl: 'http://bench', language: 'vi' } });
    const server = createApp({ db, temporal: client, taskQueue: 'bench-petitions' }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const intake = await worker.runUntil(async () => {
      const t0 = performance.now();
      await pool(N, CONCURRENCY, async (i) => {
        const res = await fetch(`${base}/api/petitions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${i}-${Date.now()}` },
          body: JSON.stringify({ type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS-X-BANGVAN', title: `Phản ánh ${i}`, content: 'Nội dung thử tải.', petitioner: { fullName: 'Người dân', email: 'a@example.test' } }),
        });
        if (res.status !== 201) throw new Error(`submission ${i}: HTTP ${res.status}`);
      });
      const accepted = performance.now();
      while ((await db.case.count({ where: { status: 'ASSIGNED' } })) < N) await new Promise((r) => setTimeout(r, 50));
      return { acceptedPerSec: N / ((accepted - t0) / 1000), routedPerSec: N / ((performance.now() - t0) / 1000) };
    });
    server.close();

    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${N} each, concurrency ${CONCURRENCY}`);
    console.log(`baseline: empty workflows started and completed     ${baseline.toFixed(1)} /s`);
    console.log(`intake:   petitions accepted over HTTP (201)         ${intake.acceptedPerSec.toFixed(1)} /s`);
    console.log(`intake:   petitions through to a routed workflow     ${intake.routedPerSec.toFixed(1)} /s`);
    console.log(`ratio:    routed intake / empty-workflow baseline     ${(intake.routedPerSec / baseline).toFixed(2)}`);
    await native.close();
    await db.$disconnect();
    mailer.close();
  } finally {
    smtp.close();
    await pg.stop();
    await temporal.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
