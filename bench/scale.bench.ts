// Benchmark 3 (issue 7): open cases with live timers at 100 and at 10,000 (BENCH_SCALE_CASES):
// resident memory of the worker and API processes, and the latency (p50 / p95) of the agency inbox
// and the Front's supervision board at each size. Run with `npm run bench`; not part of `npm test`.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { freePort } from '../scripts/lib/free-port';
import { stopProcess } from '../scripts/lib/temporal-dev-server';
import { WORKFLOWS_PATH } from '../worker/create-worker';
import { machine, pool, startBenchStack } from './support/stack';

const SIZES = [100, Number(process.env.BENCH_SCALE_CASES ?? 10_000)];
const SAMPLES = 40;
const CATEGORIES = ['dat-dai', 'moi-truong', 'xay-dung', 'giao-thong', 'y-te', 'an-sinh', 'giao-duc', 'thu-tuc-hanh-chinh', 'can-bo'];
const ROOT = resolve(import.meta.dirname, '..');

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function service(script: string, env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolvePromise, reject) => {
    const on = (b: Buffer) => {
      out += b.toString();
      if (out.includes(ready)) resolvePromise(child);
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}:\n${out}`)));
  });
}

const stack = await startBenchStack();
const children: ChildProcess[] = [];
try {
  const bundlePath = join(tmpdir(), `petitions-bench-bundle-${process.pid}.js`);
  writeFileSync(bundlePath, (await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } })).code);
  const apiPort = await freePort();
  const env = {
    DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, SMTP_URL: stack.smtpUrl, TEMPORAL_TASK_QUEUE: 'bench-scale',
    DIGEST_CRON: '', WORKFLOW_BUNDLE_PATH: bundlePath, API_PORT: String(apiPort), PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    // Every submission comes from 127.0.0.1.
    RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '1000000', RATE_LIMIT_SUBMISSIONS_PER_HOUR: '1000000',
  };
  const worker = await service('worker/main.ts', env, 'worker: polling');
  const api = await service('api/main.ts', env, 'api: listening');
  children.push(worker, api);
  const base = `http://127.0.0.1:${apiPort}`;
  const login = async (email: string) =>
    (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) })).headers.get('set-cookie')!.split(';')[0]!;
  const officer = await login('canbo.snnmt@hoason.gov.test');
  const front = await login('mttq@hoason.gov.test');
  const timed = async (path: string, cookie: string) => {
    const ms: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      ms.push(performance.now() - t0);
    }
    return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
  };

  console.log(`machine: ${machine()}; default legal deadlines (days), so every case holds live timers`);
  let submitted = 0;
  for (const size of SIZES) {
    const t0 = performance.now();
    await pool(size - submitted, 16, async (i) => {
      const n = submitted + i;
      const res = await fetch(`${base}/api/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `scale-${n}-${process.pid}` },
        body: JSON.stringify({ type: 'FEEDBACK', categoryCode: CATEGORIES[n % CATEGORIES.length], unitCode: 'HS', title: `Phản ánh số ${n}`, content: 'Nội dung thử tải.', petitioner: { fullName: 'Người dân', email: 'a@example.test' } }),
      });
      if (res.status !== 201) throw new Error(`submission ${n}: HTTP ${res.status}`);
    });
    while ((await stack.db.case.count({ where: { status: 'ASSIGNED' } })) < size) await new Promise((r) => setTimeout(r, 500));
    // Measure a settled system: the assignment notices sent, not still competing for the CPU.
    while ((await stack.db.notification.count({ where: { status: 'PENDING' } })) > 0) await new Promise((r) => setTimeout(r, 500));
    await new Promise((r) => setTimeout(r, 2000));
    submitted = size;
    const loadSeconds = (performance.now() - t0) / 1000;
    const inbox = await timed('/api/inbox?pageSize=25', officer);
    const board = await timed('/api/supervision', front);
    const inboxTotal = ((await (await fetch(`${base}/api/inbox?pageSize=1`, { headers: { cookie: officer } })).json()) as { total: number }).total;
    const row = `${String(size).padStart(6)} open cases (officer's inbox ${inboxTotal}, board all): worker ${rssMiB(worker.pid!).toFixed(0)} MiB, API ${rssMiB(api.pid!).toFixed(0)} MiB; ` +
      `inbox p50 ${inbox.p50.toFixed(1)} ms p95 ${inbox.p95.toFixed(1)} ms; board p50 ${board.p50.toFixed(1)} ms p95 ${board.p95.toFixed(1)} ms (loaded in ${loadSeconds.toFixed(0)} s)`;
    console.log(row);
  }
} finally {
  for (const c of children) await stopProcess(c);
  await stack.close();
}
