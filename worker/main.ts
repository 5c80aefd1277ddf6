import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../infra/config';
import { createDatabase } from '../infra/database';
import { createSmtpMailer } from '../infra/mailer';
import { smsFromConfig } from '../infra/sms';
import { createWorker } from './create-worker';
import { ensureDigestSchedule } from './digest-schedule';
import { registerSearchAttributes } from './register-search-attributes';

const config = loadConfig();
const db = createDatabase(config.DATABASE_URL);
const mailer = createSmtpMailer(config.SMTP_URL);
const { sms, status: smsStatus } = smsFromConfig(config);
console.log(`worker: ${smsStatus}`);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const added = await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
if (added.length) console.log(`worker: registered search attributes ${added.join(', ')}`);
if (config.DIGEST_CRON) {
  const schedule = await ensureDigestSchedule(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, config.TEMPORAL_TASK_QUEUE, config.DIGEST_CRON);
  console.log(`worker: overdue digest schedule ${schedule} (${config.DIGEST_CRON}, Asia/Ho_Chi_Minh)`);
}
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  ...(config.WORKER_MAX_CACHED_WORKFLOWS !== undefined ? { maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS } : {}),
  ...(config.WORKFLOW_BUNDLE_PATH ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } } : {}),
  deps: {
    db,
    mailer,
    sms,
    mailFrom: config.MAIL_FROM,
    publicUrl: config.PUBLIC_URL,
    language: config.NOTICE_LANGUAGE,
  },
});
console.log(`worker: polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`);
// The SDK shuts down gracefully on SIGINT/SIGTERM, finishing in-flight tasks first.
await worker.run();
await connection.close();
await db.$disconnect();
mailer.close();
await sms?.close();
