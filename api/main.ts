import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../infra/config';
import { createDatabase } from '../infra/database';
import { documentsFromConfig } from '../infra/documents';
import { createSmtpMailer } from '../infra/mailer';
import { smsFromConfig } from '../infra/sms';
import { createApp } from './app';
import { createRateLimits, rateLimitSettings } from './security/rate-limits';

const config = loadConfig();
const db = createDatabase(config.DATABASE_URL);
const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
const { sms, status: smsStatus } = smsFromConfig(config);
console.log(`api: ${smsStatus}`);
const rateLimits = createRateLimits({ databaseUrl: config.DATABASE_URL, settings: rateLimitSettings(config) });
const app = createApp({ db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, secureCookies: config.PUBLIC_URL.startsWith('https:'),
  temporalUi: { url: config.TEMPORAL_UI_URL, namespace: config.TEMPORAL_NAMESPACE },
  publicUrl: config.PUBLIC_URL,
  rateLimits,
  documents: documentsFromConfig(config),
  citizenMail: { db, mailer: createSmtpMailer(config.SMTP_URL), sms, mailFrom: config.MAIL_FROM, publicUrl: config.PUBLIC_URL, language: config.NOTICE_LANGUAGE },
});

const server = app.listen(config.API_PORT, config.API_HOST, () => {
  console.log(`api: listening on http://${config.API_HOST}:${config.API_PORT}`);
});

const shutdown = () => {
  server.close(() => {
    void Promise.all([connection.close(), db.$disconnect(), rateLimits.close(), sms?.close()]).then(() => process.exit(0));
  });
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
