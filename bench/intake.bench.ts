// Benchmark 1 (issue 7): petitions per second submitted over HTTP through to a started, routed
// workflow, against the rate at which the same Temporal server starts and completes an empty
// workflow. Run with `npm run bench`; prints its figures. Not part of `npm test`.
import { Worker } from '@temporalio/worker';
import { createApp } from '../api/app';
import { createRateLimits } from '../api/security/rate-limits';
import { createWorker } from '../worker/create-worker';
import { emptyWorkflow } from './baseline.workflows';
import { benchDocuments, machine, pool, startBenchStack } from './support/stack';

const N = Number(process.env.BENCH_CASES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const stack = await startBenchStack();
try {
  const { db, client, native, mailer } = stack;
  // Baseline: start and complete empty workflows on the same server, same concurrency.
  const empty = await Worker.create({ connection: native, taskQueue: 'bench-empty', workflowsPath: new URL('./baseline.workflows.ts', import.meta.url).pathname });
  const baseline = await empty.runUntil(async () => {
    const t0 = performance.now();
    await pool(N, CONCURRENCY, (i) => client.workflow.execute(emptyWorkflow, { workflowId: `empty-${i}-${Date.now()}`, taskQueue: 'bench-empty' }));
    return N / ((performance.now() - t0) / 1000);
  });

  // Intake: HTTP submission → stored case → started workflow → routed (status ASSIGNED in the database).
  const worker = await createWorker({ connection: native, namespace: 'default', taskQueue: 'bench-petitions', deps: { db, mailer, mailFrom: 'bench@local', publicUrl: 'http://bench', language: 'vi' } });
  // Every submission comes from 127.0.0.1: limits the benchmark never reaches.
  const unlimited = 1_000_000;
  const rateLimits = createRateLimits({
    databaseUrl: stack.databaseUrl,
    settings: { submissionsPerMinute: unlimited, submissionsPerHour: unlimited, trackingPerMinute: unlimited, uploadsPerHour: unlimited, citizenSecretFailuresPerCode: unlimited, citizenSecretFailuresPerAddress: unlimited, loginConsecutiveFailures: unlimited, loginFailuresPerAccount: unlimited, loginFailuresPerAddress: unlimited },
  });
  const server = createApp({ db, temporal: client, taskQueue: 'bench-petitions', rateLimits, documents: benchDocuments() }).listen(0, '127.0.0.1');
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
  await rateLimits.close();

  console.log(`machine: ${machine()}; ${N} each, concurrency ${CONCURRENCY}`);
  console.log(`baseline: empty workflows started and completed     ${baseline.toFixed(1)} /s`);
  console.log(`intake:   petitions accepted over HTTP (201)         ${intake.acceptedPerSec.toFixed(1)} /s`);
  console.log(`intake:   petitions through to a routed workflow     ${intake.routedPerSec.toFixed(1)} /s`);
  console.log(`ratio:    routed intake / empty-workflow baseline     ${(intake.routedPerSec / baseline).toFixed(2)}`);
} finally {
  await stack.close();
}
