import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createDatabase, type Database } from '../../infra/database';
import { documentsFromConfig, type DocumentDeps } from '../../infra/documents';
import { createSmtpMailer, type Mailer } from '../../infra/mailer';
import { seedDemoProvince } from '../../prisma/seed';
import { ensureTemporalCli } from '../../scripts/install-temporal.mjs';
import { ensureDatabase, migrateDatabase } from '../../scripts/lib/database-setup';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres';
import { freePort } from '../../scripts/lib/free-port';
import { startTemporalDevServer } from '../../scripts/lib/temporal-dev-server';

export interface BenchStack {
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
  db: Database;
  client: Client;
  native: NativeConnection;
  mailer: Mailer;
  /** Every mail the SMTP sink received: recipients, subject, and when it arrived (ms since epoch). */
  received: Array<{ to: string[]; subject: string; at: number }>;
  close(): Promise<void>;
}

export const machine = () => `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}`;

/** A fresh Temporal dev server, PostgreSQL with the demo province, and an SMTP sink, all on this machine. */
export async function startBenchStack(): Promise<BenchStack> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const scratch = mkdtempSync(join(tmpdir(), 'petitions-bench-'));
  chmodSync(scratch, 0o755);
  const temporal = await startTemporalDevServer({ binary: ensureTemporalCli(), port: await freePort(), logFile: join(scratch, 'temporal.log') });
  const pg = await startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), port: await freePort(), persistent: false });
  const received: BenchStack['received'] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _s, cb) => {
      const at = Date.now();
      simpleParser(stream).then((m) => {
        received.push({ to: [m.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? '')), subject: m.subject ?? '', at });
        cb();
      }, cb);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  await ensureDatabase(pg.url('postgres'), 'bench');
  await migrateDatabase(pg.url('bench'));
  const db = createDatabase(pg.url('bench'));
  await seedDemoProvince(db);
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
  const mailer = createSmtpMailer(smtpUrl);
  const native = await NativeConnection.connect({ address: temporal.address });
  const connection = await Connection.connect({ address: temporal.address });
  return {
    databaseUrl: pg.url('bench'),
    temporalAddress: temporal.address,
    smtpUrl,
    db,
    client: new Client({ connection }),
    native,
    mailer,
    received,
    async close() {
      mailer.close();
      await Promise.all([native.close(), connection.close(), db.$disconnect()]);
      smtp.close();
      await pg.stop();
      await temporal.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Runs `task` for 0..count-1 with at most `concurrency` at a time. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await task(next++);
  }));
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The benchmarks upload nothing: documents on a scratch folder, and a scanner that is never asked. */
export function benchDocuments(): DocumentDeps {
  return documentsFromConfig({ CLAMD_URL: 'tcp://127.0.0.1:3310', DOCUMENTS_DIR: join(tmpdir(), 'petitions-bench-documents'), UPLOAD_MAX_FILE_BYTES: 1, UPLOAD_MAX_CASE_BYTES: 1 });
}
