// Benchmark 4 (issue 7): the agency inbox and the case page at 50 concurrent users (autocannon),
// p50 / p99 latency and throughput, against a trivial endpoint of the same server. The API runs as
// its own process, as in production. Prints its figures; not part of `npm test`.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { newTrackingCode } from '../infra/tracking-code';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { waitForHttp } from '../scripts/lib/child';
import { freePort } from '../scripts/lib/free-port';
import { stopProcess } from '../scripts/lib/temporal-dev-server';
import { machine, startBenchStack } from './support/stack';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const stack = await startBenchStack();
const port = await freePort();
const api = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
  env: { ...process.env, DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, SMTP_URL: stack.smtpUrl, API_PORT: String(port) },
  stdio: 'ignore',
});
try {
  const { db } = stack;
  const agency = await db.organisation.findUniqueOrThrow({ where: { code: 'HS-SNNMT' } });
  const category = await db.category.findUniqueOrThrow({ where: { code: 'dat-dai' } });
  let caseId = '';
  for (let i = 0; i < CASES; i += 1) {
    const id = crypto.randomUUID();
    caseId = id;
    await db.case.create({
      data: {
        id, trackingCode: newTrackingCode(), idempotencyKey: id, requestHash: 'bench', type: 'FEEDBACK', status: 'ASSIGNED', title: `Phản ánh ${i}`, content: 'Thử tải.',
        categoryId: category.id, unitId: agency.unitId, agencyId: agency.id, receivedAt: new Date(), firstStepDueAt: new Date(Date.now() + (i - CASES / 2) * 3_600_000),
        policyVersion: '2025-07-01', workflowId: `case-${id}`, petitioner: { create: { fullName: 'Người dân' } },
      },
    });
  }
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health`, api);
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'canbo.snnmt@hoason.gov.test', password: DEMO_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

  const load = async (path: string) => {
    const r = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average };
  };
  const trivial = await load('/api/health');
  const inbox = await load('/api/inbox');
  const casePage = await load(`/api/cases/${caseId}`);

  console.log(`machine: ${machine()}; ${CONNECTIONS} connections, ${SECONDS} s each; ${CASES} open cases in the agency`);
  for (const [name, r] of [['trivial /api/health', trivial], ['inbox /api/inbox', inbox], ['case page /api/cases/:id', casePage]] as const) {
    console.log(`${name.padEnd(26)} p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  ${r.rps.toFixed(0).padStart(6)} req/s  (${(r.rps / trivial.rps).toFixed(2)} × trivial)`);
  }
} finally {
  await stopProcess(api);
  await stack.close();
}
