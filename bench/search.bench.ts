// Benchmark 5 (issue 17): the case search and the filtered inbox at 1,000 and at 100,000 cases
// (BENCH_SEARCH_CASES), p50 / p95 of the same queries over HTTP at each size. Only PostgreSQL and the
// API take part (cases are written with SQL, no workflows: neither endpoint touches Temporal).
// Run with `node --import tsx bench/search.bench.ts`; never part of `npm test`.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { createApp } from '../api/app';
import { createRateLimits } from '../api/security/rate-limits';
import { createDatabase } from '../infra/database';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { seedDemoProvince } from '../prisma/seed';
import { ensureDatabase, migrateDatabase } from '../scripts/lib/database-setup';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-postgres';
import { freePort } from '../scripts/lib/free-port';
import { benchDocuments, machine } from './support/stack';

const SIZES = [1_000, Number(process.env.BENCH_SEARCH_CASES ?? 100_000)];
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

// Petitions written from these pieces: common words (đường, đất: one subject in 11 each) and a rare
// phrase (xả thải: 1 case in 100).
const RARE = 'Nhà máy xả thải ra sông';
const SUBJECTS = ['Đường liên xã xuống cấp', 'Tranh chấp ranh giới đất', 'Chậm cấp giấy chứng nhận quyền sử dụng đất', 'Đèn chiếu sáng hỏng', 'Trường học thiếu phòng học',
  'Chậm chi trả trợ cấp', 'Công trình xây dựng không phép', 'Rác thải tồn đọng', 'Ô nhiễm tiếng ồn ban đêm', 'Cống thoát nước tắc', 'Thu phí trái quy định'];
const PLACES = ['thôn Đồng Tâm', 'tổ dân phố 5', 'bản Nà Lừa', 'xóm Chùa', 'khu tái định cư', 'chợ trung tâm', 'ngõ 12', 'cánh đồng Mường Then', 'bờ sông Lô', 'quốc lộ 3'];
const DETAILS = ['gây ảnh hưởng đến đời sống người dân', 'đã phản ánh nhiều lần nhưng chưa được giải quyết', 'đề nghị cơ quan có thẩm quyền kiểm tra, xử lý',
  'người dân đi lại khó khăn, nhất là mùa mưa', 'cá chết hàng loạt, nước có mùi hôi', 'trẻ em phải học nhờ', 'đề nghị công khai kết quả xử lý'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Lò', 'Hà', 'Nông'];
const GIVEN = ['Văn Hùng', 'Thị Hoa', 'Văn Nam', 'Thị Lan', 'Đức Minh', 'Thị Mai', 'Quang Huy', 'Thị Thu', 'Văn Sơn', 'Thị Nga', 'Minh Tuấn'];

const sqlArray = (xs: string[]) => `(ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}])`;

/** Cases n0 … n1-1 on random routing rules (category, unit, agency), a third closed, due dates from 40 days ago to 20 ahead. */
const insertCases = (n0: number, n1: number) => `
  WITH rules AS (SELECT row_number() OVER (ORDER BY id) AS k, "categoryId", "unitId", "agencyId", "caseType" FROM "RoutingRule"),
  nrules AS (SELECT count(*) AS n FROM rules),
  g AS (
    SELECT i, (1 + floor(random() * (SELECT n FROM nrules)))::int AS k, random() AS r, random() AS due,
      CASE WHEN random() < 0.01 THEN '${RARE}' ELSE ${sqlArray(SUBJECTS)}[1 + floor(random() * 11)::int] END AS subject,
      ${sqlArray(PLACES)}[1 + floor(random() * 10)::int] AS place,
      ${sqlArray(DETAILS)}[1 + floor(random() * 7)::int] AS detail
    FROM generate_series(${n0}, ${n1 - 1}) AS i
  )
  INSERT INTO "Case" (id, "trackingCode", "idempotencyKey", "requestHash", type, status, title, content, "categoryId", "unitId", "agencyId",
    "receivedAt", "firstStepDueAt", "resolutionDueAt", "policyVersion", "workflowId", outcome, "closedAt")
  SELECT gen_random_uuid(), 'PA-' || upper(substr(md5(i::text || random()::text), 1, 16)), 'bench-' || i, 'x',
    CASE WHEN rules."caseType" IS NOT NULL THEN rules."caseType" WHEN g.r < 0.7 THEN 'FEEDBACK'::"CaseType" WHEN g.r < 0.9 THEN 'COMPLAINT_FIRST'::"CaseType" ELSE 'DENUNCIATION'::"CaseType" END,
    CASE WHEN g.r < 0.33 THEN 'CLOSED'::"CaseStatus" WHEN g.r < 0.6 THEN 'ASSIGNED'::"CaseStatus" WHEN g.r < 0.95 THEN 'ACCEPTED'::"CaseStatus" ELSE 'AWAITING_INFO'::"CaseStatus" END,
    g.subject || ' tại ' || g.place || ' (' || i || ')',
    g.subject || ' tại ' || g.place || ', ' || g.detail || '. Hồ sơ số ' || i || '.',
    rules."categoryId", rules."unitId", rules."agencyId",
    now() - interval '60 days' + (g.due * interval '40 days'),
    now() - interval '40 days' + (g.due * interval '60 days'),
    now() - interval '30 days' + (g.due * interval '60 days'),
    'bench', 'bench-' || i,
    CASE WHEN g.r < 0.33 THEN 'RESOLVED'::"CaseOutcome" END, CASE WHEN g.r < 0.33 THEN now() END
  FROM g JOIN rules ON rules.k = g.k`;

const insertPetitioners = `
  INSERT INTO "Petitioner" ("caseId", anonymous, "fullName", email)
  SELECT c.id, false, ${sqlArray(FAMILY)}[1 + floor(random() * 14)::int] || ' ' || ${sqlArray(GIVEN)}[1 + floor(random() * 11)::int], 'nguoidan@example.test'
  FROM "Case" c LEFT JOIN "Petitioner" p ON p."caseId" = c.id WHERE p."caseId" IS NULL`;

const scratch = mkdtempSync(join(tmpdir(), 'petitions-bench-search-'));
chmodSync(scratch, 0o755);
const pg = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), port: await freePort(), persistent: false });
const serverUrl = process.env.DATABASE_URL ?? pg!.url('postgres');
const url = new URL(serverUrl);
url.pathname = '/bench_search';
const databaseUrl = url.toString();
await ensureDatabase(serverUrl, 'bench_search');
await migrateDatabase(databaseUrl);
const db = createDatabase(databaseUrl);
await seedDemoProvince(db);
const rateLimits = createRateLimits({
  databaseUrl,
  settings: { submissionsPerMinute: 1e6, submissionsPerHour: 1e6, trackingPerMinute: 1e6, uploadsPerHour: 1e6, citizenSecretFailuresPerCode: 1e6, citizenSecretFailuresPerAddress: 1e6, loginConsecutiveFailures: 1e6, loginFailuresPerAccount: 1e6, loginFailuresPerAddress: 1e6 },
});
// Neither endpoint measured here talks to Temporal: a client that never connects is enough.
const server = createApp({ db, temporal: new Client(), taskQueue: 'bench-search', rateLimits, documents: benchDocuments() }).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

try {
  const login = async (email: string) =>
    (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) })).headers.get('set-cookie')!.split(';')[0]!;
  const reception = await login('tiepnhan@hoason.gov.test'); // the whole province
  const officer = await login('canbo.snnmt@hoason.gov.test'); // one provincial department
  const head = await login('chutich@hoason.gov.test');
  const timed = async (path: string, cookie: string) => {
    const ms: number[] = [];
    let total = 0;
    for (let i = 0; i < SAMPLES; i += 1) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = (await res.json()) as { total?: number; overdueSummary?: { total: number } };
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(body)}`);
      total = body.total ?? body.overdueSummary?.total ?? 0;
      ms.push(performance.now() - t0);
    }
    return { p50: percentile(ms, 50), p95: percentile(ms, 95), total };
  };

  console.log(`machine: ${machine()}; PostgreSQL ${pg ? 'embedded 17' : 'from DATABASE_URL'}; ${SAMPLES} sequential requests per query`);
  const rows: string[] = [];
  let inserted = 0;
  for (const size of SIZES) {
    const t0 = performance.now();
    for (let from = inserted; from < size; from += 20_000) await db.$executeRawUnsafe(insertCases(from, Math.min(size, from + 20_000)));
    await db.$executeRawUnsafe(insertPetitioners);
    await db.$executeRawUnsafe('ANALYZE');
    inserted = size;
    const code = (await db.case.findFirstOrThrow({ where: { idempotencyKey: `bench-${Math.floor(size / 2)}` }, select: { trackingCode: true } })).trackingCode;
    console.log(`${size} cases written in ${Math.round(performance.now() - t0)} ms`);
    const queries: Array<[string, string, string]> = [
      ['search a rare phrase without diacritics ("xa thai")', '/api/cases/search?q=xa%20thai', reception],
      ['search a common word ("duong"), first page', '/api/cases/search?q=duong', reception],
      ['search three common words in one commune', '/api/cases/search?q=ranh%20gioi%20dat&unit=HS-X-YENPHONG', reception],
      ['search a tracking code', `/api/cases/search?q=${code}`, reception],
      ['search a petitioner\'s name ("nguyen van hung")', '/api/cases/search?q=nguyen%20van%20hung', reception],
      ['search as one department (agency scope)', '/api/cases/search?q=dat', officer],
      ['inbox, whole province, category + unit', '/api/inbox?category=moi-truong&unit=HS-X-YENPHONG', reception],
      ['inbox, whole province, due within 3 days, complaints', '/api/inbox?dueWithinDays=3&type=COMPLAINT_FIRST', reception],
      ['inbox, one department, overdue only', '/api/inbox?overdue=true', officer],
      ['inbox, whole province, page 10', '/api/inbox?page=10', reception],
      ['head\'s overdue list by agency, page 1', '/api/escalations?page=1', head],
    ];
    for (const [name, path, cookie] of queries) {
      await timed(path, cookie); // warm
      const r = await timed(path, cookie);
      rows.push(`| ${name} | ${size.toLocaleString('en')} | ${r.total.toLocaleString('en')} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`);
      console.log(rows.at(-1));
    }
  }
  console.log(['', '| query | cases | matches | p50 | p95 |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'));
} finally {
  await new Promise((r) => server.close(r));
  await rateLimits.close();
  await db.$disconnect();
  await pg?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
