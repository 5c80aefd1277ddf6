import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../scripts/lib/free-port';
import { eventually } from './support/eventually';
import { reportFigures } from './support/fault-figures';

/**
 * `npm start`'s orchestration (scripts/start.ts) as a user runs it, on its own ports and data
 * folder: each kind of child it supervises is killed with SIGKILL and must come back while the
 * others keep serving; SIGTERM then stops everything, in order.
 */
const ROOT = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'petitions-npm-start-'));
let start: ChildProcess;
let out = '';
let apiUrl = '';
let inboxUrl = '';
let smsInboxUrl = '';
const downMs: Record<string, number> = {};

beforeAll(async () => {
  const [api, temporal, ui, pg, smtp, web, smpp, smsWeb] = await Promise.all(Array.from({ length: 8 }, freePort));
  apiUrl = `http://127.0.0.1:${api}`;
  inboxUrl = `http://127.0.0.1:${web}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: join(scratch, 'data'),
    API_PORT: String(api),
    TEMPORAL_PORT: String(temporal),
    TEMPORAL_UI_PORT: String(ui),
    EMBEDDED_PG_PORT: String(pg),
    MAIL_SMTP_PORT: String(smtp),
    MAIL_WEB_PORT: String(web),
    SMS_SMPP_PORT: String(smpp),
    SMS_WEB_PORT: String(smsWeb),
    // The bundle the suite built: each worker start takes a second instead of bundling again.
    WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
    DIGEST_CRON: '',
    RATE_LIMIT_TRACKING_PER_MINUTE: '100000',
  };
  // npm start's own servers, not the suite's or a developer's.
  for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'SMS_URL', 'PUBLIC_URL']) delete env[name];
  smsInboxUrl = `http://127.0.0.1:${smsWeb}`;
  start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  start.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  start.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const t0 = Date.now();
  await outputMatching(/the system is up/, 0, 170_000);
  console.log(`npm start: up in ${((Date.now() - t0) / 1000).toFixed(1)} s (fresh data folder)`);
}, 180_000);

afterAll(async () => {
  if (start && start.exitCode === null && start.signalCode === null) {
    start.kill('SIGTERM');
    await new Promise((r) => start.once('exit', r));
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** Waits until the output from `from` on matches; returns the match. */
async function outputMatching(re: RegExp, from: number, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  return eventually(
    () => {
      const m = out.slice(from).match(re);
      if (!m) {
        if (start.exitCode !== null) throw new Error(`npm start exited (${start.exitCode}):\n${out.slice(-4000)}`);
        throw new Error(`no ${re} within ${timeoutMs / 1000} s in:\n${out.slice(-4000)}`);
      }
      return m;
    },
    timeoutMs,
    100,
  );
}

/** The pid of the service's latest process, from the supervisor's lines. */
function pidOf(name: string): number {
  const pids = [...out.matchAll(new RegExp(`\\[supervisor\\] ${name} (?:started|is up|is back) \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
  expect(pids.length).toBeGreaterThan(0);
  return pids.at(-1)!;
}

const startsOf = (name: string) => [...out.matchAll(new RegExp(`\\[supervisor\\] ${name} started`, 'g'))].length;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGKILLs the service's process; resolves with the moment and the output offset of the kill. */
function killService(name: string): { at: number; offset: number; pid: number } {
  const pid = pidOf(name);
  const offset = out.length;
  process.kill(pid, 'SIGKILL');
  return { at: Date.now(), offset, pid };
}

/** Waits for the supervisor's "is back" line after the kill; records how long the service was down. */
async function back(name: string, kill: { at: number; offset: number; pid: number }): Promise<number> {
  await outputMatching(new RegExp(`\\[supervisor\\] ${name} \\(pid ${kill.pid}\\) exited unexpectedly \\(signal SIGKILL\\)[^\\n]*restarting in 1\\.0 s`), kill.offset, 10_000);
  await outputMatching(new RegExp(`\\[supervisor\\] ${name} is back \\(pid \\d+\\)`), kill.offset, 60_000);
  downMs[name] = Date.now() - kill.at;
  const pid = pidOf(name);
  expect(pid).not.toBe(kill.pid);
  expect(isAlive(pid)).toBe(true);
  return pid;
}

async function submit(title: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/petitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'FEEDBACK', categoryCode: 'moi-truong', unitCode: 'HS-X-YENPHONG', title, content: 'Cơ sở chế biến gỗ xả nước thải ra suối.',
      petitioner: { fullName: 'Hoàng Văn Nam', email: 'nam@example.test' },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { trackingCode: string }).trackingCode;
}

/** The case reached its agency: the workflow ran (routing is the worker's first activity). */
async function routed(trackingCode: string, timeoutMs = 60_000): Promise<void> {
  await eventually(async () => {
    const res = await fetch(`${apiUrl}/api/track/${trackingCode}`);
    const body = (await res.json()) as { status: string; agency: string | null };
    expect(body).toMatchObject({ status: 'ASSIGNED', agency: 'Phòng Kinh tế xã Yên Phong' });
  }, timeoutMs, 250);
}

describe('npm start supervises its children', () => {
  it('restarts a worker killed with SIGKILL; the API keeps serving; petitions from while it was down and after are routed', async () => {
    const api = pidOf('api');
    const kill = killService('worker');
    // The API takes the submission while no worker runs: Temporal holds the workflow task.
    const whileDown = await submit('Xả thải ra suối (nộp khi worker dừng)');
    await back('worker', kill);
    const after = await submit('Xả thải ra suối (nộp sau khi worker chạy lại)');
    await Promise.all([routed(whileDown), routed(after)]);
    expect(pidOf('api')).toBe(api);
    expect(startsOf('api')).toBe(1);
  });

  it('restarts the API killed with SIGKILL; /api/health answers again; the worker is untouched', async () => {
    const worker = pidOf('worker');
    const kill = killService('api');
    await eventually(async () => expect((await fetch(`${apiUrl}/api/health`)).status).toBe(200), 60_000, 100);
    downMs.api = Date.now() - kill.at;
    await back('api', kill);
    expect(pidOf('worker')).toBe(worker);
    expect(startsOf('worker')).toBe(2);
  });

  it('restarts the Temporal dev server on its SQLite file; a petition submitted then is routed', async () => {
    await back('temporal', killService('temporal'));
    await routed(await submit('Ngập úng sau khi Temporal khởi động lại'), 90_000);
  });

  it('restarts the embedded PostgreSQL; readiness returns and a petition is routed', async () => {
    await back('postgres', killService('postgres'));
    await eventually(async () => expect((await fetch(`${apiUrl}/api/ready`)).status).toBe(200), 60_000, 250);
    await routed(await submit('Đèn đường hỏng sau khi PostgreSQL khởi động lại'), 90_000);
  });

  it('restarts the mail catcher; its inbox answers again', async () => {
    await back('mail', killService('mail'));
    expect((await fetch(inboxUrl)).status).toBe(200);
  });

  it('restarts the SMS catcher; its inbox answers again', async () => {
    await back('sms', killService('sms'));
    expect((await fetch(smsInboxUrl)).status).toBe(200);
  });

  it('stops everything on SIGTERM, the API first and Temporal last', async () => {
    // The catchers and clamd start side by side, so their order among themselves is whichever was ready first.
    const order = ['api', 'worker', 'sms', 'mail', 'clamd', 'postgres', 'temporal'];
    const pids = order.map(pidOf);
    const from = out.length;
    const t0 = Date.now();
    start.kill('SIGTERM');
    const code = await new Promise((r) => start.once('exit', (c) => r(c)));
    const stopMs = Date.now() - t0;
    expect(code).toBe(0);
    const stopped = [...out.slice(from).matchAll(/\[supervisor\] (\w+) stopped/g)].map((m) => m[1]);
    expect(stopped.slice(0, 2)).toEqual(['api', 'worker']);
    expect(stopped.slice(2, 5).sort()).toEqual(['clamd', 'mail', 'sms']);
    expect(stopped.slice(5)).toEqual(['postgres', 'temporal']);
    expect(pids.filter(isAlive)).toEqual([]);
    expect(out).not.toMatch(/stopping everything/);
    reportFigures('npm start SIGKILL each child, back after (ms)', { ...downMs, 'SIGTERM stop': stopMs });
  });
});
