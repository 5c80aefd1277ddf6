// `npm start`: the whole system on embedded defaults, or on the servers the environment names.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLocalStackConfig } from '../infra/config';
import { createDatabase } from '../infra/database';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { DEMO_LOGINS, seedDemoProvince } from '../prisma/seed';
import { startChild, waitForHttp } from './lib/child';
import { ensureDatabase, migrateDatabase } from './lib/database-setup';
import { startEmbeddedPostgres } from './lib/embedded-postgres';
import { ensureTemporalCli } from './install-temporal.mjs';
import { startTemporalDevServer, stopProcess, waitForTemporal } from './lib/temporal-dev-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '.data');
const local = loadLocalStackConfig();
const stops: Array<() => Promise<void>> = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.error(e));
  process.exit(code);
}
// embedded-postgres registers async-exit-hook, which stops the cluster and exits on the first
// signal, before the worker and API have drained. We stop everything ourselves, in order.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function temporal(): Promise<{ address: string; ui: string | null }> {
  if (local.TEMPORAL_ADDRESS) {
    await waitForTemporal(local.TEMPORAL_ADDRESS);
    return { address: local.TEMPORAL_ADDRESS, ui: null };
  }
  const server = await startTemporalDevServer({
    binary: ensureTemporalCli(),
    port: local.TEMPORAL_PORT,
    uiPort: local.TEMPORAL_UI_PORT,
    dbFile: join(dataDir, 'temporal.db'),
    logFile: join(dataDir, 'logs', 'temporal.log'),
  });
  stops.push(server.stop);
  return { address: server.address, ui: `http://127.0.0.1:${local.TEMPORAL_UI_PORT}` };
}

async function database(): Promise<string> {
  if (local.DATABASE_URL) return local.DATABASE_URL;
  mkdirSync(dataDir, { recursive: true });
  const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: local.EMBEDDED_PG_PORT, persistent: true });
  stops.push(pg.stop);
  await ensureDatabase(pg.url('postgres'), 'petitions');
  return pg.url('petitions');
}

async function mail(): Promise<{ smtpUrl: string; inbox: string | null }> {
  if (local.SMTP_URL) return { smtpUrl: local.SMTP_URL, inbox: null };
  const mailDir = join(dataDir, 'mail');
  mkdirSync(mailDir, { recursive: true });
  const bin = join(root, 'node_modules', 'maildev', 'bin', 'maildev');
  const args = [bin, '--ip', '127.0.0.1', '--smtp', String(local.MAIL_SMTP_PORT), '--web', String(local.MAIL_WEB_PORT), '--mail-directory', mailDir, '--silent'];
  const catcher = startChild('mail', process.execPath, args);
  stops.push(() => stopProcess(catcher));
  const inbox = `http://127.0.0.1:${local.MAIL_WEB_PORT}`;
  await waitForHttp(inbox, catcher);
  return { smtpUrl: `smtp://127.0.0.1:${local.MAIL_SMTP_PORT}`, inbox };
}

function service(name: string, entry: string, env: NodeJS.ProcessEnv) {
  const child = startChild(name, process.execPath, ['--import', 'tsx', join(root, entry)], env);
  stops.push(() => stopProcess(child));
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`[${name}] exited unexpectedly (code ${code}); stopping everything.`);
      void shutdown(1);
    }
  });
  return child;
}

async function main() {
  const [t, databaseUrl, m] = await Promise.all([temporal(), database(), mail()]);
  console.log('Applying database migrations…');
  await migrateDatabase(databaseUrl);
  const db = createDatabase(databaseUrl);
  await seedDemoProvince(db);
  await db.$disconnect();

  const apiUrl = `http://127.0.0.1:${local.API_PORT}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: t.address, SMTP_URL: m.smtpUrl, PUBLIC_URL: process.env.PUBLIC_URL ?? apiUrl };
  service('worker', 'worker/main.ts', env);
  const api = service('api', 'api/main.ts', env);
  await waitForHttp(`${apiUrl}/api/health`, api);
  printSummary({ apiUrl, temporalUi: t.ui, temporalAddress: t.address, inbox: m.inbox, smtpUrl: m.smtpUrl, databaseUrl });
}

function printSummary(s: { apiUrl: string; temporalUi: string | null; temporalAddress: string; inbox: string | null; smtpUrl: string; databaseUrl: string }) {
  const redacted = s.databaseUrl.replace(/\/\/[^@]*@/, '//***@');
  console.log(`
Hệ thống đã sẵn sàng / the system is up
  Trang web / web console   ${s.apiUrl}/
  API                       ${s.apiUrl}/api   (submit: POST ${s.apiUrl}/api/petitions)
  Sẵn sàng / readiness      ${s.apiUrl}/api/ready
  Temporal Web UI           ${s.temporalUi ?? `(external server ${s.temporalAddress})`}
  Hộp thư / mail inbox      ${s.inbox ?? `(external relay ${s.smtpUrl})`}
  Cơ sở dữ liệu / database  ${redacted}

Tài khoản mẫu / demo logins (mật khẩu / password: ${DEMO_PASSWORD})
${DEMO_LOGINS.map(([role, email]) => `  ${role.padEnd(42)} ${email}`).join('\n')}

Ctrl-C dừng tất cả / stops everything; data stays in .data/.
`);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
});
