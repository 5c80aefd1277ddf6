// `npm run test:cluster` (not part of `npm test`): starts `npm run cluster` on a fresh data folder
// and free ports, submits a petition through the load balancer and sees it routed, finds it in
// Temporal's SQL visibility by a custom search attribute, checks the Web UI, the mail and SMS
// inboxes and that both API replicas served requests, kills one API replica and one worker and
// submits again through the balancer, then stops the cluster with SIGTERM and checks the order and
// that nothing is left running. Prints one `[cluster smoke]` line with the figures.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';

const ROOT = resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'petitions-cluster-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const isFree = (port: number) =>
  new Promise<boolean>((r) => {
    const srv = createServer();
    srv.once('error', () => r(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => r(true)));
  });

/** A base port whose whole layout (`offsets` from it) is free right now. */
async function freeLayout(offsets: number[], low: number, high: number): Promise<number> {
  for (let i = 0; i < 200; i += 1) {
    const base = low + Math.floor(Math.random() * (high - low));
    if ((await Promise.all(offsets.map((o) => isFree(base + o)))).every(Boolean)) return base;
  }
  throw new Error('no free port layout found');
}

async function eventually<T>(what: string, check: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (cluster.exitCode !== null) throw new Error(`${what}: npm run cluster exited (${cluster.exitCode})`);
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
      await sleep(250);
    }
  }
}

// The frontend's layout (scripts/lib/temporal-cluster-config.ts): gRPC, membership, metrics, HTTP.
// Under 32768: Temporal stores membership ports in a smallint column.
const temporalPort = await freeLayout([0, 1, 2, 6, 10, -300, -299, -298, -294, 767, 768, 769, 770, 1000, 1001, 1002, 1003, 1004, 1005], 12_000, 30_000);
const apiPort = await freeLayout([0, 1, 2, 3], 40_000, 50_000);
const [uiPort, pgPort, smtpPort, webPort, smppPort, smsWebPort] = [0, 1, 2, 3, 4, 5].map((i) => temporalPort + 1000 + i) as [number, number, number, number, number, number];

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: join(scratch, 'data'),
  API_PORT: String(apiPort),
  TEMPORAL_PORT: String(temporalPort),
  TEMPORAL_UI_PORT: String(uiPort),
  EMBEDDED_PG_PORT: String(pgPort),
  MAIL_SMTP_PORT: String(smtpPort),
  MAIL_WEB_PORT: String(webPort),
  SMS_SMPP_PORT: String(smppPort),
  SMS_WEB_PORT: String(smsWebPort),
  DIGEST_CRON: '',
  RATE_LIMIT_TRACKING_PER_MINUTE: '100000',
};
// The cluster's own servers: the embedded PostgreSQL and its own Temporal, not anyone else's.
for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'SMS_URL', 'PUBLIC_URL']) delete env[name];

const lb = `http://127.0.0.1:${apiPort}`;
let out = '';
const cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
cluster.stdout.on('data', (c: Buffer) => (out += c.toString()));
cluster.stderr.on('data', (c: Buffer) => (out += c.toString()));
const exited = new Promise<number | null>((r) => cluster.once('exit', (code) => r(code)));

const pidOf = (name: string) => Number([...out.matchAll(new RegExp(`\\[supervisor\\] ${name} (?:started|is up|is back) \\(pid (\\d+)\\)`, 'g'))].at(-1)?.[1]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function submit(title: string): Promise<string> {
  const res = await fetch(`${lb}/api/petitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'FEEDBACK', categoryCode: 'moi-truong', unitCode: 'HS-X-YENPHONG', title, content: 'Cơ sở chế biến gỗ xả nước thải ra suối.',
      petitioner: { fullName: 'Hoàng Văn Nam', email: 'nam@example.test' },
    }),
  });
  const body = await res.text();
  assert.equal(res.status, 201, `submission through the balancer: ${res.status} ${body}`);
  return (JSON.parse(body) as { trackingCode: string }).trackingCode;
}

async function routed(code: string): Promise<void> {
  await eventually(`case ${code} routed`, async () => {
    const body = (await (await fetch(`${lb}/api/track/${code}`)).json()) as { status: string; agency: string | null };
    assert.equal(body.status, 'ASSIGNED');
    assert.equal(body.agency, 'Phòng Kinh tế xã Yên Phong');
  }, 90_000);
}

const figures: Record<string, string> = {};
let failed = false;
try {
  const t0 = Date.now();
  await eventually('the cluster comes up', async () => assert.match(out, /the cluster is up/), 900_000);
  figures.up = `${((Date.now() - t0) / 1000).toFixed(1)} s`;

  const t1 = Date.now();
  const first = await submit('Xả thải ra suối (qua bộ cân bằng tải)');
  await routed(first);
  figures['submit → routed'] = `${Date.now() - t1} ms`;

  // SQL visibility, with the custom search attributes the cluster registered.
  const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  await eventually('the case listed by CaseStatus in SQL visibility', async () => {
    const found = [];
    for await (const wf of new Client({ connection }).workflow.list({ query: `WorkflowType = 'petitionWorkflow' AND CaseStatus = 'ASSIGNED'` })) found.push(wf.workflowId);
    assert.equal(found.length, 1);
  });
  await connection.close();

  assert.equal((await fetch(`http://127.0.0.1:${uiPort}/`)).status, 200, 'Temporal Web UI');
  assert.equal((await fetch(`http://127.0.0.1:${webPort}/`)).status, 200, 'mail inbox');
  assert.equal((await fetch(`http://127.0.0.1:${smsWebPort}/`)).status, 200, 'SMS inbox');
  for (let i = 0; i < 6; i += 1) assert.equal((await fetch(`${lb}/api/health`)).status, 200);
  const stats = await (await fetch(`http://127.0.0.1:${apiPort + 3}/;csv`)).text();
  for (const replica of ['api-1', 'api-2']) {
    const row = stats.split('\n').find((l) => l.startsWith(`api,${replica},`));
    assert.ok(row && Number(row.split(',')[7]) > 0, `HAProxy sent requests to ${replica}:\n${stats}`);
  }

  // One API replica and one worker killed: the balancer serves from the other replica, the other
  // worker routes, and the supervisor brings both back.
  const api1 = pidOf('api-1');
  const worker1 = pidOf('worker-1');
  process.kill(api1, 'SIGKILL');
  process.kill(worker1, 'SIGKILL');
  const t2 = Date.now();
  const during = await submit('Đèn đường hỏng (khi api-1 và worker-1 bị dừng)');
  await routed(during);
  figures['submit → routed with api-1 and worker-1 killed'] = `${Date.now() - t2} ms`;
  await eventually('api-1 and worker-1 back', async () => {
    assert.match(out, new RegExp(`api-1 is back \\(pid (?!${api1}\\))`));
    assert.match(out, new RegExp(`worker-1 is back \\(pid (?!${worker1}\\))`));
  });
  figures['api-1 back'] = out.match(/api-1 is back \(pid \d+\), ([\d.]+ s)/)![1]!;
  figures['worker-1 back'] = out.match(/worker-1 is back \(pid \d+\), ([\d.]+ s)/)![1]!;

  const names = ['haproxy', 'api-2', 'api-1', 'worker-2', 'worker-1', 'temporal-ui', 'temporal-worker', 'temporal-frontend', 'temporal-matching', 'temporal-history', 'postgres', 'sms', 'mail'];
  const pids = names.map(pidOf);
  const from = out.length;
  const t3 = Date.now();
  cluster.kill('SIGTERM');
  assert.equal(await exited, 0, 'npm run cluster exits 0 on SIGTERM');
  figures.stop = `${((Date.now() - t3) / 1000).toFixed(1)} s`;
  assert.deepEqual([...out.slice(from).matchAll(/\[supervisor\] ([\w-]+) stopped/g)].map((m) => m[1]), names, 'stop order');
  assert.deepEqual(pids.filter(alive), [], 'no process left running');
} catch (err) {
  failed = true;
  console.error(err instanceof Error ? err.message : err);
  console.error(`--- last output of npm run cluster ---\n${out.slice(-6000)}`);
} finally {
  if (cluster.exitCode === null) {
    cluster.kill('SIGTERM');
    await exited;
  }
  // Kept after a failure: the logs of the Temporal services are in data/cluster/logs.
  if (failed) console.error(`data and logs kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
console.log(`[cluster smoke] ${failed ? 'FAIL' : 'PASS'} · ${Object.entries(figures).map(([k, v]) => `${k} ${v}`).join(' · ')}`);
process.exit(failed ? 1 : 0);
