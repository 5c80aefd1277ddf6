// `npm run cluster`: the production topology on one machine, without Docker (README, "Production").
//   PostgreSQL (DATABASE_URL's server, else an embedded one) with the case data and Temporal's
//   persistence and SQL visibility; the Temporal server's four services as separate processes;
//   the Temporal Web UI; two workers; two API replicas behind HAProxy; the mail and SMS catchers.
// Every process is supervised (scripts/lib/supervisor.ts): one that dies is started again after a
// backoff while the others keep serving; only Ctrl-C or SIGTERM stops everything, in order.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleWorkflowCode, NativeConnection } from '@temporalio/worker';
import { loadLocalStackConfig } from '../infra/config';
import { createDatabase } from '../infra/database';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { DEMO_LOGINS, seedDemoProvince } from '../prisma/seed';
import { WORKFLOWS_PATH } from '../worker/create-worker';
import { registerSearchAttributes } from '../worker/register-search-attributes';
import { ensureTemporalCli } from './install-temporal.mjs';
import { describeSms, mailService, smsService } from './lib/catchers';
import { scannerService } from './lib/clamd';
import { hasExited, startChild, waitForHttp, waitForOutput } from './lib/child';
import { ensureDatabase, migrateDatabase } from './lib/database-setup';
import { embeddedPostgresService } from './lib/embedded-postgres';
import { ensureHaproxy } from './lib/haproxy';
import { Supervisor, type ServiceSpec } from './lib/supervisor';
import { TEMPORAL_SERVICES, temporalDatabaseFrom, temporalPorts, writeTemporalConfig, writeUiConfig, type TemporalService } from './lib/temporal-cluster-config';
import { waitForTemporal } from './lib/temporal-dev-server';
import { ensureTemporalServer } from './lib/temporal-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const local = loadLocalStackConfig();
const dir = resolve(local.DATA_DIR ?? join(root, '.data'), 'cluster');
const logs = join(dir, 'logs');
const supervisor = new Supervisor();
// The replicas listen on the two ports after the balancer's, its status page on the third.
const HAPROXY_STATS_PORT = local.API_PORT + 3;

async function shutdown(code: number) {
  if (supervisor.isStopping) return;
  console.log('\nStopping the cluster…');
  await supervisor.stop();
  process.exit(code);
}
// embedded-postgres registers async-exit-hook, which would stop PostgreSQL first: we stop in order.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
process.on('exit', () => supervisor.killAll());

/** A binary whose output goes to its own log file (Temporal's services log a lot), in its own process group. */
function spawnLogged(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const log = createWriteStream(join(logs, `${name}.log`), { flags: 'a' });
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Resolves once a TCP connection to the port succeeds, or rejects when the child exits first. */
async function waitForPort(port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`exited before opening port ${port}`);
    const open = await new Promise<boolean>((r) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.end(), r(true)));
      socket.once('error', () => r(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`port ${port} did not open within ${timeoutMs / 1000}s`);
}

async function retrying<T>(fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv, logName: string): Promise<void> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { env, maxBuffer: 64 * 1024 * 1024 });
    writeFileSync(join(logs, `${logName}.log`), stdout + stderr, { flag: 'a' });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    writeFileSync(join(logs, `${logName}.log`), (e.stdout ?? '') + (e.stderr ?? ''), { flag: 'a' });
    throw new Error(`${logName} failed (log: ${join(logs, `${logName}.log`)}):\n${(e.stderr ?? '').split('\n').slice(-8).join('\n')}`);
  }
}

/** PostgreSQL: DATABASE_URL's server, else an embedded one. Returns the app's URL and the server's. */
async function postgres(): Promise<{ appUrl: string; serverUrl: string }> {
  if (local.DATABASE_URL) {
    const server = new URL(local.DATABASE_URL);
    server.pathname = '/postgres';
    return { appUrl: local.DATABASE_URL, serverUrl: server.toString() };
  }
  // Temporal's four services hold up to 4 × (10 + 2) connections, the app's four processes theirs.
  const pg = embeddedPostgresService({ dataDir: join(dir, 'postgres'), port: local.EMBEDDED_PG_PORT, persistent: true, settings: { max_connections: 300 } });
  await supervisor.add(pg.spec);
  await ensureDatabase(pg.url('postgres'), 'petitions');
  return { appUrl: pg.url('petitions'), serverUrl: pg.url('postgres') };
}

async function main() {
  mkdirSync(logs, { recursive: true });
  const tools = ensureTemporalServer();
  const temporalCli = ensureTemporalCli();
  const haproxy = ensureHaproxy();
  const setupScript = join(root, 'scripts', 'cluster', 'temporal-setup.sh');

  const catching = Promise.all([mailService(supervisor, local, dir), smsService(supervisor, local), scannerService(supervisor, local, dir)]);
  const db = await postgres();

  // Temporal's databases: the same script the compose file's temporal-setup job runs.
  console.log('Temporal: creating or updating the temporal and temporal_visibility schemas…');
  const tdb = temporalDatabaseFrom(db.serverUrl);
  await run('sh', [setupScript, 'schema'], {
    ...process.env, SQL_TOOL: tools.sql, SCHEMA_DIR: join(tools.moduleDir, 'schema'),
    POSTGRES_SEEDS: tdb.host, DB_PORT: String(tdb.port), POSTGRES_USER: tdb.user, POSTGRES_PWD: tdb.password,
  }, 'temporal-setup');

  const ports = temporalPorts(local.TEMPORAL_PORT);
  const config = writeTemporalConfig({ moduleDir: tools.moduleDir, dir: join(dir, 'temporal'), ports, db: tdb, maxConns: 10 });
  const temporalService = (service: TemporalService): ServiceSpec<ChildProcess> => ({
    name: `temporal-${service}`,
    start: () => spawnLogged(`temporal-${service}`, tools.server, ['--root', config.root, '--config', 'config', '--env', service, 'start', '--service', service]),
    // The internal worker service serves no gRPC of its own, only membership.
    ready: (child) => waitForPort(service === 'worker' ? ports.membership.worker : ports.grpc[service], child).catch((err: unknown) => {
      throw new Error(`${String(err)} (log: ${join(logs, `temporal-${service}.log`)})`);
    }),
  });
  console.log('Temporal: starting history, matching, frontend and worker as separate processes…');
  await Promise.all(TEMPORAL_SERVICES.map((s) => supervisor.add(temporalService(s))));
  const address = `127.0.0.1:${ports.grpc.frontend}`;
  await run('sh', [setupScript, 'namespace'], { ...process.env, TEMPORAL_CLI: temporalCli, TEMPORAL_ADDRESS: address }, 'temporal-setup');
  await waitForTemporal(address, 120_000);
  const connection = await NativeConnection.connect({ address });
  // Each service learns of a new namespace when its namespace cache refreshes (every 10 s).
  const added = await retrying(() => registerSearchAttributes(connection, 'default'), 60_000);
  await connection.close();
  console.log(`Temporal: namespace default ready${added.length ? `; search attributes registered: ${added.join(', ')}` : ''}`);

  const uiUrl = `http://127.0.0.1:${local.TEMPORAL_UI_PORT}`;
  const ui = writeUiConfig({ dir: join(dir, 'temporal-ui'), temporalAddress: address, port: local.TEMPORAL_UI_PORT });
  const uiStarting = supervisor.add({
    name: 'temporal-ui',
    start: () => spawnLogged('temporal-ui', tools.ui, ['--root', ui.root, '--config', 'config', '--env', 'development', 'start']),
    ready: (child) => waitForHttp(uiUrl, child),
  });

  console.log('Applying database migrations…');
  await migrateDatabase(db.appUrl);
  const prisma = createDatabase(db.appUrl);
  await seedDemoProvince(prisma);
  await prisma.$disconnect();
  const [m, text, clam] = await catching;

  // One bundle for both workers: a restarted worker polls again in about a second.
  let bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
  if (!bundlePath) {
    console.log('Bundling the workflow code…');
    const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } });
    bundlePath = join(dir, 'workflow-bundle.js');
    writeFileSync(bundlePath, bundle.code);
  }

  const lbUrl = `http://127.0.0.1:${local.API_PORT}`;
  const replicas = [1, 2].map((i) => ({ name: `api-${i}`, port: local.API_PORT + i }));
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: db.appUrl, TEMPORAL_ADDRESS: address, SMTP_URL: m.smtpUrl, SMS_URL: text.smsUrl, TEMPORAL_UI_URL: uiUrl,
    PUBLIC_URL: process.env.PUBLIC_URL ?? lbUrl, WORKFLOW_BUNDLE_PATH: bundlePath,
    // Both API replicas on this machine share the documents folder (separate hosts share an object store).
    CLAMD_URL: clam.url, DOCUMENTS_DIR: process.env.DOCUMENTS_DIR ?? join(dir, 'documents'),
  };
  const node = (name: string, entry: string, extra: NodeJS.ProcessEnv = {}) => () => startChild(name, process.execPath, ['--import', 'tsx', join(root, entry)], { ...env, ...extra });
  await Promise.all(['worker-1', 'worker-2'].map((name) =>
    supervisor.add({ name, start: node(name, 'worker/main.ts'), ready: (child) => waitForOutput(child, 'worker: polling', 180_000) }),
  ));
  await Promise.all(replicas.map((r) =>
    supervisor.add({ name: r.name, start: node(r.name, 'api/main.ts', { API_HOST: '127.0.0.1', API_PORT: String(r.port) }), ready: (child) => waitForHttp(`http://127.0.0.1:${r.port}/api/health`, child) }),
  ));
  const lbEnv = { ...process.env, LB_BIND: `127.0.0.1:${local.API_PORT}`, LB_STATS_BIND: `127.0.0.1:${HAPROXY_STATS_PORT}`, API_1: `127.0.0.1:${replicas[0]!.port}`, API_2: `127.0.0.1:${replicas[1]!.port}` };
  await supervisor.add({
    name: 'haproxy',
    start: () => startChild('haproxy', haproxy, ['-db', '-f', join(root, 'scripts', 'cluster', 'haproxy.cfg')], lbEnv),
    ready: (child) => waitForHttp(`${lbUrl}/api/health`, child),
  });
  await uiStarting;

  printSummary({ lbUrl, replicas, statsUrl: `http://127.0.0.1:${HAPROXY_STATS_PORT}/`, address, uiUrl, ports, inbox: m.inbox, smtpUrl: m.smtpUrl, sms: describeSms(text, local.SMS_SMPP_PORT), databaseUrl: db.appUrl });
}

function printSummary(s: {
  lbUrl: string; replicas: Array<{ name: string; port: number }>; statsUrl: string; address: string; uiUrl: string;
  ports: ReturnType<typeof temporalPorts>; inbox: string | null; smtpUrl: string; sms: string; databaseUrl: string;
}) {
  const redacted = s.databaseUrl.replace(/\/\/[^@]*@/, '//***@');
  const metrics = TEMPORAL_SERVICES.map((x) => `${x} :${s.ports.metrics[x]}`).join(', ');
  console.log(`
Cụm đã sẵn sàng / the cluster is up
  Trang web / web console       ${s.lbUrl}/   (HAProxy → ${s.replicas.map((r) => `${r.name} :${r.port}`).join(', ')})
  API                           ${s.lbUrl}/api   (submit: POST ${s.lbUrl}/api/petitions)
  Bộ cân bằng tải / HAProxy     ${s.statsUrl}
  Temporal frontend (gRPC)      ${s.address}   (history :${s.ports.grpc.history}, matching :${s.ports.grpc.matching})
  Temporal Web UI               ${s.uiUrl}
  Số đo / Temporal metrics      http://127.0.0.1:<port>/metrics — ${metrics}
  Hộp thư / mail inbox          ${s.inbox ?? `(external relay ${s.smtpUrl})`}
  Tin nhắn SMS / SMS inbox      ${s.sms}
  Cơ sở dữ liệu / database      ${redacted}  (+ temporal, temporal_visibility)
  Nhật ký / logs                ${logs}   (Temporal services, Web UI, schema setup)

Tài khoản mẫu / demo logins (mật khẩu / password: ${DEMO_PASSWORD})
${DEMO_LOGINS.map(([role, email]) => `  ${role.padEnd(42)} ${email}`).join('\n')}

Một tiến trình dừng bất ngờ sẽ được khởi động lại / a process that dies is restarted (lines "[supervisor]").
Ctrl-C dừng tất cả / stops everything; data stays in ${dir}.
`);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
});
