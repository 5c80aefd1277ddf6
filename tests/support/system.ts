import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { inject } from 'vitest';
import type { ActivityDeps } from '../../activities/deps';
import { createApp } from '../../api/app';
import { createRateLimits, type RateLimitSettings } from '../../api/security/rate-limits';
import type { ClockPolicy } from '../../domain/legal-clock';
import { storePolicy } from '../../infra/clock-config';
import { createDatabase } from '../../infra/database';
import type { DocumentStorage } from '../../infra/document-storage';
import { documentsFromConfig, type DocumentLimits } from '../../infra/documents';
import { createSmtpMailer } from '../../infra/mailer';
import { createSmppSender } from '../../infra/sms';
import { ensureDatabase } from '../../scripts/lib/database-setup';
import { createWorker } from '../../worker/create-worker';
import { withDatabase } from './global-setup';
import { startSmppCatcher } from './smpp-catcher';
import { startSmtpCatcher } from './smtp-catcher';

/**
 * The whole system for one test file, on the shared Temporal server: its own database (cloned from
 * the seeded template), its own SMTP server, a worker on its own task queue, and the API on a free port.
 */
export async function startSystem({
  clockPolicy,
  databaseUrl,
  temporalAddress = inject('temporalAddress'),
  inProcessWorker = true,
  rateLimits,
  smsAlphabet = 'gsm7',
  documentLimits = { maxFileBytes: 20 * 1024 * 1024, maxCaseBytes: 100 * 1024 * 1024 },
  documentStorage,
}: {
  clockPolicy: ClockPolicy;
  databaseUrl?: string;
  /** Another Temporal server than the shared one (a test that restarts it). */
  temporalAddress?: string;
  /** false: the test runs the worker as a separate process (tests/support/worker-process.ts). */
  inProcessWorker?: boolean;
  /** Tighter limits than the generous test defaults (tests/api-login-security.test.ts). */
  rateLimits?: Partial<RateLimitSettings>;
  /** What the test SMS centre takes: GSM-7 only (texts without diacritics, the default) or UCS-2. */
  smsAlphabet?: 'gsm7' | 'ucs2';
  /** Upload limits (the defaults of production). */
  documentLimits?: DocumentLimits;
  /** Another storage than a folder of its own (tests/documents-s3.test.ts: an S3 server). */
  documentStorage?: DocumentStorage;
}) {
  // Core's own retry warnings flood the output of the tests that stop the server on purpose.
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, console: {} } } });
  const suffix = randomBytes(4).toString('hex');
  if (!databaseUrl) {
    const database = `${inject('templateDatabase')}_${suffix}`;
    await ensureDatabase(inject('databaseServerUrl'), database, inject('templateDatabase'));
    databaseUrl = withDatabase(inject('databaseServerUrl'), database);
  }
  const db = createDatabase(databaseUrl);
  await storePolicy(db, clockPolicy, 'test policy in seconds');
  const smtp = await startSmtpCatcher();
  const smsc = await startSmppCatcher();
  const sms = createSmppSender({ url: smsc.url, from: 'PAKN', alphabet: smsAlphabet });
  // What the worker's activities get; tests may call an activity directly with the same.
  const activityDeps: ActivityDeps = { db, mailer: createSmtpMailer(smtp.url), sms, mailFrom: 'Hệ thống <no-reply@test.local>', publicUrl: 'http://console.test', language: 'vi' };
  const taskQueue = `petitions-test-${suffix}`;

  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const runWorker = async () => {
    const worker = await createWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      deps: activityDeps,
    });
    const running = worker.run();
    return async () => {
      worker.shutdown();
      await running;
    };
  };
  let stopWorker: (() => Promise<void>) | null = inProcessWorker ? await runWorker() : null;

  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const rateLimitSettings = { ...GENEROUS_LIMITS, ...rateLimits };
  const limits = createRateLimits({ databaseUrl, settings: rateLimitSettings });
  // Uploads on a folder of this test file's own, scanned by the shared clamd.
  const documentsDir = mkdtempSync(join(tmpdir(), 'petitions-documents-'));
  const documents = {
    ...documentsFromConfig({ CLAMD_URL: inject('clamdUrl'), DOCUMENTS_DIR: documentsDir, UPLOAD_MAX_FILE_BYTES: documentLimits.maxFileBytes, UPLOAD_MAX_CASE_BYTES: documentLimits.maxCaseBytes }),
    ...(documentStorage ? { storage: documentStorage } : {}),
  };
  const server = createApp({ db, temporal: client, taskQueue, citizenMail: activityDeps, rateLimits: limits, documents }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    db,
    databaseUrl,
    temporalAddress,
    client,
    nativeConnection,
    smtp,
    /** The SMS centre (SMPP) the system sends to. */
    smsc,
    activityDeps,
    taskQueue,
    baseUrl,
    rateLimitSettings,
    /** This system's limits, for another app instance on the same database (`createApp({ …, rateLimits })`). */
    rateLimits: limits,
    /** Uploaded documents: storage, scanner and limits (`documentsDir` holds the disk storage). */
    documents,
    documentsDir,
    /** Stops the worker as a deploy or a crash would; workflows wait on the server meanwhile. */
    async stopWorker() {
      await stopWorker?.();
      stopWorker = null;
    },
    async startWorker() {
      stopWorker ??= await runWorker();
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await stopWorker?.();
      await Promise.all([connection.close(), nativeConnection.close(), db.$disconnect(), smtp.close(), limits.close()]);
      activityDeps.mailer.close();
      await sms.close();
      await smsc.close();
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}

export type TestSystem = Awaited<ReturnType<typeof startSystem>>;

/** Test files submit, track and fail logins from 127.0.0.1 by the dozen: limits they never reach. */
const GENEROUS_LIMITS: RateLimitSettings = {
  submissionsPerMinute: 100_000,
  submissionsPerHour: 100_000,
  trackingPerMinute: 100_000,
  uploadsPerHour: 100_000,
  citizenSecretFailuresPerCode: 100_000,
  citizenSecretFailuresPerAddress: 100_000,
  loginConsecutiveFailures: 100_000,
  loginFailuresPerAccount: 100_000,
  loginFailuresPerAddress: 100_000,
};
