// `npm start`: the whole system on embedded defaults, or on the servers the environment names.
// Every process it starts is supervised (scripts/lib/supervisor.ts): one that dies is started again
// after a backoff while the others keep serving; only Ctrl-C or SIGTERM stops everything.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLocalStackConfig } from '../infra/config';
import { createDatabase } from '../infra/database';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { DEMO_LOGINS, seedDemoProvince } from '../prisma/seed';
import { describeSms, mailService, smsService } from './lib/catchers';
import { scannerService } from './lib/clamd';
import { startChild, waitForHttp, waitForOutput } from './lib/child';
import { ensureDatabase, migrateDatabase } from './lib/database-setup';
import { embeddedPostgresService } from './lib/embedded-postgres';
import { Supervisor } from './lib/supervisor';
import { ensureTemporalCli } from './install-temporal.mjs';
import { temporalDevServerService, waitForTemporal } from './lib/temporal-dev-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const local = loadLocalStackConfig();
const dataDir = resolve(local.DATA_DIR ?? join(root, '.data'));
const supervisor = new Supervisor();

async function shutdown(code: number) {
  if (supervisor.isStopping) return;
  console.log('\nStopping…');
  await supervisor.stop();
  process.exit(code);
}
// embedded-postgres registers async-exit-hook, which stops the cluster and exits on the first
// signal, before the worker and API have drained. We stop everything ourselves, in order.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// The children run in their own process groups: should this process die of an error, none outlives it.
process.on('exit', () => supervisor.killAll());

async function temporal(): Promise<{ address: string; ui: string | null }> {
  if (local.TEMPORAL_ADDRESS) {
    await waitForTemporal(local.TEMPORAL_ADDRESS);
    return { address: local.TEMPORAL_ADDRESS, ui: null };
  }
  const server = temporalDevServerService({
    binary: ensureTemporalCli(),
    port: local.TEMPORAL_PORT,
    uiPort: local.TEMPORAL_UI_PORT,
    dbFile: join(dataDir, 'temporal.db'),
    logFile: join(dataDir, 'logs', 'temporal.log'),
  });
  await supervisor.add(server.spec);
  return { address: server.address, ui: `http://127.0.0.1:${local.TEMPORAL_UI_PORT}` };
}

async function database(): Promise<string> {
  if (local.DATABASE_URL) return local.DATABASE_URL;
  mkdirSync(dataDir, { recursive: true });
  const pg = embeddedPostgresService({ dataDir: join(dataDir, 'postgres'), port: local.EMBEDDED_PG_PORT, persistent: true });
  await supervisor.add(pg.spec);
  await ensureDatabase(pg.url('postgres'), 'petitions');
  return pg.url('petitions');
}

async function main() {
  // Started in this order and stopped in the reverse one: API, worker, clamd, SMS, mail, PostgreSQL, Temporal.
  const [t, databaseUrl, m, text, clam] = await Promise.all([temporal(), database(), mailService(supervisor, local, dataDir), smsService(supervisor, local), scannerService(supervisor, local, dataDir)]);
  console.log('Applying database migrations…');
  await migrateDatabase(databaseUrl);
  const db = createDatabase(databaseUrl);
  await seedDemoProvince(db);
  await db.$disconnect();

  const apiUrl = `http://127.0.0.1:${local.API_PORT}`;
  const documentsDir = process.env.DOCUMENTS_DIR ?? join(dataDir, 'documents');
  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: t.address, SMTP_URL: m.smtpUrl, SMS_URL: text.smsUrl, PUBLIC_URL: process.env.PUBLIC_URL ?? apiUrl, CLAMD_URL: clam.url, DOCUMENTS_DIR: documentsDir };
  const node = (name: string, entry: string) => () => startChild(name, process.execPath, ['--import', 'tsx', join(root, entry)], env);
  // The first start bundles the workflow code (unless WORKFLOW_BUNDLE_PATH names a bundle).
  await supervisor.add({ name: 'worker', start: node('worker', 'worker/main.ts'), ready: (child) => waitForOutput(child, 'worker: polling', 180_000) });
  await supervisor.add({ name: 'api', start: node('api', 'api/main.ts'), ready: (child) => waitForHttp(`${apiUrl}/api/health`, child) });
  printSummary({ apiUrl, temporalUi: t.ui, temporalAddress: t.address, inbox: m.inbox, smtpUrl: m.smtpUrl, databaseUrl, sms: describeSms(text, local.SMS_SMPP_PORT), documents: `${process.env.S3_BUCKET ? `s3://${process.env.S3_BUCKET}` : documentsDir}; ${clam.description}` });
}

function printSummary(s: { apiUrl: string; temporalUi: string | null; temporalAddress: string; inbox: string | null; smtpUrl: string; databaseUrl: string; sms: string; documents: string }) {
  const redacted = s.databaseUrl.replace(/\/\/[^@]*@/, '//***@');
  console.log(`
Hệ thống đã sẵn sàng / the system is up
  Trang web / web console   ${s.apiUrl}/
  API                       ${s.apiUrl}/api   (submit: POST ${s.apiUrl}/api/petitions)
  Sẵn sàng / readiness      ${s.apiUrl}/api/ready
  Temporal Web UI           ${s.temporalUi ?? `(external server ${s.temporalAddress})`}
  Hộp thư / mail inbox      ${s.inbox ?? `(external relay ${s.smtpUrl})`}
  Tin nhắn SMS / SMS inbox  ${s.sms}
  Cơ sở dữ liệu / database  ${redacted}
  Tài liệu / documents      ${s.documents}

Tài khoản mẫu / demo logins (mật khẩu / password: ${DEMO_PASSWORD})
${DEMO_LOGINS.map(([role, email]) => `  ${role.padEnd(42)} ${email}`).join('\n')}

Một tiến trình dừng bất ngờ sẽ được khởi động lại / a process that dies is restarted (lines "[supervisor]").
Ctrl-C dừng tất cả / stops everything; data stays in ${dataDir}.
`);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
});
