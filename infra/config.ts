import { z } from 'zod';

/** A count of requests or failures: a whole number from 1. */
const limit = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

/** An optional setting that a deployment may leave empty (compose passes `${X:-}`): empty is unset. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Every environment variable the system reads, validated once at process start (README: Configuration). */
const schema = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgresql:// URL'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('petitions'),
  TEMPORAL_UI_URL: z.string().url().default('http://127.0.0.1:8233'),
  SMTP_URL: z.string().url('SMTP_URL must look like smtp://user:pass@host:port').default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().default('Hệ thống tiếp nhận phản ánh, kiến nghị <no-reply@petitions.local>'),
  /** The SMS centre, SMPP 3.4: smpp://system_id:password@host:2775 (ssmpp:// over TLS). Unset or empty: SMS is off. */
  SMS_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^s?smpp:\/\/[^:@/]+(:[^@]*)?@[^:/@]+(:\d+)?\/?$/, 'SMS_URL must look like smpp://system_id:password@host:2775 (or ssmpp:// for TLS)')
      .optional(),
  ),
  /** The sender shown on the phone: a registered brand name (up to 11 letters and digits) or a number. */
  SMS_FROM: z.string().regex(/^([A-Za-z0-9]{1,11}|\+?[0-9]{3,15})$/, 'SMS_FROM: a brand name of up to 11 letters and digits, or a number').default('PAKN'),
  /** gsm7: the centre takes only the GSM-7 alphabet, so texts go without diacritics; ucs2: Vietnamese as written (70 characters an SMS). */
  SMS_ALPHABET: z.enum(['gsm7', 'ucs2']).default('gsm7'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  NOTICE_LANGUAGE: z.enum(['vi', 'en']).default('vi'),
  /** Cron (Vietnam time) of the overdue digest to heads and Front committees; empty disables it. */
  DIGEST_CRON: z.string().default('30 7 * * 1-5'),
  /** A workflow bundle built ahead (bundleWorkflowCode): the worker starts in a second instead of bundling. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  /** Open workflows a worker keeps in memory (about 110 KiB each); the rest replay when woken. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
  /** Anonymous requests per client address, counted in PostgreSQL so every API replica shares them (api/security/rate-limits.ts). */
  RATE_LIMIT_SUBMISSIONS_PER_MINUTE: limit(5),
  RATE_LIMIT_SUBMISSIONS_PER_HOUR: limit(30),
  RATE_LIMIT_TRACKING_PER_MINUTE: limit(60),
  /** Wrong citizen secrets per hour, per tracking code and per client address. */
  RATE_LIMIT_SECRET_FAILURES_PER_CODE: limit(10),
  RATE_LIMIT_SECRET_FAILURES_PER_ADDRESS: limit(30),
  /** Anonymous uploads (POST /api/documents) per client address an hour. */
  RATE_LIMIT_UPLOADS_PER_HOUR: limit(60),
  /** Failed logins (api/security/login-throttle.ts): in a row per email and address (then an hour's wait), per email per hour from everywhere, per address per day. */
  LOGIN_CONSECUTIVE_FAILURES: limit(10),
  LOGIN_FAILURES_PER_ACCOUNT: limit(50),
  LOGIN_FAILURES_PER_ADDRESS: limit(100),
  /** ClamAV's daemon, which scans every upload before it is stored: tcp://host:3310 or unix:/run/clamav/clamd.ctl. */
  CLAMD_URL: z.string().regex(/^(tcp:\/\/[^/:@]+(:\d+)?\/?|unix:.+)$/, 'CLAMD_URL must look like tcp://127.0.0.1:3310 or unix:/run/clamav/clamd.ctl').default('tcp://127.0.0.1:3310'),
  /** Uploaded documents on local disk (and, with S3_BUCKET set, only uploads in progress). */
  DOCUMENTS_DIR: z.string().min(1).default('.data/documents'),
  /** The largest file taken, and the most a case may hold in all (bytes). */
  UPLOAD_MAX_FILE_BYTES: z.coerce.number().int().min(1).max(100 * 1024 * 1024).default(20 * 1024 * 1024),
  UPLOAD_MAX_CASE_BYTES: z.coerce.number().int().min(1).default(100 * 1024 * 1024),
  /** Set: documents go to this bucket of an S3-compatible object store instead of DOCUMENTS_DIR. */
  S3_BUCKET: unsetWhenEmpty(z.string().min(3)),
  /** The store's URL (MinIO, Ceph, a cloud's object storage); unset: AWS S3. */
  S3_ENDPOINT: unsetWhenEmpty(z.string().url('S3_ENDPOINT must be a URL such as https://s3.example.vn')),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Unset: the AWS SDK's usual chain (environment, profile, instance role). */
  S3_ACCESS_KEY_ID: unsetWhenEmpty(z.string()),
  S3_SECRET_ACCESS_KEY: unsetWhenEmpty(z.string()),
  /** Bucket in the path rather than the host name; default: true with S3_ENDPOINT, false for AWS. */
  S3_FORCE_PATH_STYLE: unsetWhenEmpty(z.enum(['true', 'false'])),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration (see README, "Configuration"):\n${problems}`);
  }
  return parsed.data;
}

/** Ports of the embedded services `npm start` runs when the production variables are unset. */
const localStackSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  SMTP_URL: z.string().url().optional(),
  /** Set (empty turns SMS off): `npm start` runs no SMPP catcher of its own. */
  SMS_URL: z.string().optional(),
  SMS_SMPP_PORT: z.coerce.number().int().default(2775),
  SMS_WEB_PORT: z.coerce.number().int().default(1081),
  TEMPORAL_PORT: z.coerce.number().int().default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().default(8233),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
  MAIL_SMTP_PORT: z.coerce.number().int().default(1025),
  MAIL_WEB_PORT: z.coerce.number().int().default(1080),
  API_PORT: z.coerce.number().int().default(3000),
  /** Set: `npm start` runs no clamd of its own and the API scans with this one. */
  CLAMD_URL: z.string().optional(),
  CLAMD_PORT: z.coerce.number().int().default(3310),
  /** The local clamd's signatures: the project's test signatures by default, e.g. /var/lib/clamav where freshclam keeps a real database. */
  CLAMAV_DATABASE_DIR: z.string().min(1).optional(),
  /** Where `npm start` keeps its data (embedded PostgreSQL, the dev server's SQLite file, mail); default `.data/`. */
  DATA_DIR: z.string().min(1).optional(),
});

export type LocalStackConfig = z.infer<typeof localStackSchema>;

export function loadLocalStackConfig(env: NodeJS.ProcessEnv = process.env): LocalStackConfig {
  const parsed = localStackSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
