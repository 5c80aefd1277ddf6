import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, submitCase } from './support/cases';
import { reportFigures } from './support/fault-figures';
import { login } from './support/http';
import { testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

const OFFICER = 'canbo.snnmt@hoason.gov.test';
const HEAD = 'chutich@hoason.gov.test';
const ADMIN = 'quantri@hoason.gov.test';
const TIMEOUT_MS = 15_000;

let sys: TestSystem;
const cookies: Record<string, string> = {};
/** A real case and a real dialogue session the fuzzer aims hostile text at; they must stay usable. */
const target = { caseId: '', trackingCode: '', sessionId: '' };
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: testPolicy('test-fuzz', {}) });
  for (const email of [OFFICER, HEAD, ADMIN]) cookies[email] = await login(sys, email);
  // A first complaint, assigned to the officer's agency: the officer may accept it, the citizen withdraw it.
  const submitted = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS' });
  Object.assign(target, { caseId: submitted.id, trackingCode: submitted.trackingCode });
  const session = await fetch(`${sys.baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies[HEAD]!, 'idempotency-key': 'fuzz-target-session' },
    body: JSON.stringify({ unitCode: 'HS', heldOn: new Date().toISOString(), kind: 'PERIODIC', chairName: 'Trần Văn Minh', chairTitle: 'Chủ tịch', chairedByHead: true, attendees: 40 }),
  });
  expect(session.status).toBe(201);
  target.sessionId = ((await session.json()) as { id: string }).id;
});
afterAll(async () => {
  await sys?.stop();
});

/** Everything a request could leave behind (but the record of an identity read, which a read writes by design). */
const stored = async (s: TestSystem) => {
  const d = s.db;
  const counts = await Promise.all([
    d.case.count(), d.petitioner.count(), d.caseEvent.count({ where: { type: { not: 'identity_read' } } }), d.notification.count(), d.dialogueSession.count(), d.supervisionRecommendation.count(),
    d.unit.count(), d.organisation.count(), d.category.count(), d.routingRule.count(), d.calendarOverride.count(), d.user.count(), d.apiToken.count(),
  ]);
  return counts.join(',');
};

/** Once the targets' own notices are written and sent: two equal readings a second apart. */
async function settled(s: TestSystem): Promise<string> {
  for (let last = ''; ; await sleep(1000)) {
    const now = await stored(s);
    if (now === last && (await s.db.notification.count({ where: { status: { not: 'SENT' } } })) === 0) return now;
    last = now;
  }
}

/**
 * Characters no text may carry (domain/safe-text.ts): NUL, C0 and C1 control characters (tab, line
 * feed and carriage return aside), DEL, unpaired surrogates, bidi overrides and marks, noncharacters.
 */
const UNSAFE = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009b', '\uD800', '\uDBFF', '\uDC00', '\u202E', '\u202D', '\u2066', '\u200F', '\u061C', '\uFFFE', '\uFDD0'];
const unsafeChar = fc.constantFrom(...UNSAFE);
/** Text with at least one unsafe character somewhere in it. */
const unsafeText = fc.tuple(fc.string({ maxLength: 12 }), unsafeChar, fc.string({ unit: fc.oneof(unsafeChar, fc.constantFrom('a', 'ệ', ' ', '\n', '🙂')), maxLength: 12 })).map((p) => p.join(''));

const hostile = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '\uD800', 'a\uDC00b', '\u202Egnọs', 'x\u0007y', '\u001b[31m', '\r\nBcc: x@evil.example', '../../etc/passwd', '%2e%2e%2f',
  "' OR 1=1 --", '"; DROP TABLE "Case"; --', '<script>alert(1)</script>', 'javascript:alert(1)', '=HYPERLINK("http://evil.example")',
  '${7*7}', '{{7*7}}', '__proto__', 'constructor', 'Nguyễn Văn A', '𝕏🙂', 'NaN', '-1', '1e309', '00000000-0000-0000-0000-000000000000', 'PA-AAAAAAAAAAAAAAAA',
);
const text = fc.oneof(hostile, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.uuid(), unsafeText);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }))).map((v) => JSON.stringify(v)),
  fc.constant('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  fc.constant('{"title":'), // malformed JSON
  fc.constant(JSON.stringify({ content: 'x'.repeat(150_000) })), // over the 100 kB limit (also once inflated)
  fc.constant(JSON.stringify({ title: 'a'.repeat(20_001), content: 'b', type: 'FEEDBACK' })),
  fc.constant(Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d])), // {"t":"…"} with invalid UTF-8
);
const who = fc.constantFrom(null, OFFICER, HEAD, ADMIN);
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x');
/** Sent as is, compressed, or compressed and then broken (garbage, or cut in half). */
const encoding = fc.constantFrom('identity', 'identity', 'gzip', 'deflate', 'br', 'gzip:garbage', 'deflate:garbage', 'br:garbage', 'gzip:truncated', 'deflate:truncated');
/** Escapes a path or query would carry that do not decode: truncated, not hex, overlong, a surrogate. */
const badPercent = fc.constantFrom('%', '%%', '%E0%A4%A', '%ZZ', '%C0%AF', '%ED%A0%80', '%FF', 'a%2', '%u0041');

const COMPRESS = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync } as const;
function encodeBody(payload: string | Buffer, how: string): { body: Buffer | string; contentEncoding?: string } {
  const [name, damage] = how.split(':') as [keyof typeof COMPRESS | 'identity', string | undefined];
  if (name === 'identity') return { body: payload };
  const compressed = COMPRESS[name](payload);
  if (damage === 'garbage') return { body: Buffer.concat([Buffer.from('not compressed '), Buffer.from(payload).subarray(0, 40)]), contentEncoding: name };
  if (damage === 'truncated') return { body: compressed.subarray(0, Math.max(1, compressed.length >> 1)), contentEncoding: name };
  return { body: compressed, contentEncoding: name };
}

/** Percent-encodes each code point; an unpaired surrogate (which encodeURIComponent refuses) as its UTF-8-like bytes, invalid on purpose. */
const encodeSegment = (s: string) => [...s].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');

/** A body that a correct server refuses on its unsafe text, shaped as the endpoint expects so nothing else stops it first. */
const TARGET_BODY: Record<string, (t: string) => object> = {
  accept: (t) => ({ note: t }), provideInfo: (t) => ({ note: t }), decideExtension: (t) => ({ approved: true, note: t }), answer: (t) => ({ answer: t }),
  rate: (t) => ({ satisfied: true, comment: t }), reclassify: (t) => ({ complexity: 'COMPLEX', reason: t }), conclude: (t) => ({ conclusion: t }), respond: (t) => ({ response: t }),
  opinions: (t) => ({ opinions: [{ categoryCode: 'dat-dai', title: t, content: t }] }),
};
const targetBody = (path: string, t: string) => (TARGET_BODY[path.split('/').at(-1)!] ?? ((r: string) => ({ reason: r })))(t);
/** The real case, tracking code or session for a path parameter, by what the path is about. */
function targetParam(path: string, name: string): string | null {
  if (name === 'id') return path.startsWith('/api/sessions/') ? target.sessionId : target.caseId;
  if (name === 'code' && (path.startsWith('/api/track/') || path.startsWith('/api/cases/'))) return target.trackingCode;
  return null;
}

interface Operation { method: string; path: string }

describe('property-based fuzzing of every endpoint in the OpenAPI document', () => {
  it('answers malformed, oversized, compressed and hostile input without a 5xx, a hang or anything stored, and no case is left frozen', async () => {
    const spec = (await (await fetch(`${sys.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations: Operation[] = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    expect(operations.length).toBeGreaterThan(50);
    const before = await settled(sys);
    const failures: string[] = [];
    let requests = 0;
    let serverErrors = 0;

    for (const op of operations) {
      const bodiless = op.method === 'GET' || op.method === 'DELETE';
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof({ weight: 4, arbitrary: text.map(encodeSegment) }, { weight: 1, arbitrary: badPercent }), { minLength: 3, maxLength: 3 }),
          fc.dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 4 }), fc.option(badPercent), body, who, contentType, encoding,
          fc.boolean(), unsafeText,
          async (params, query, rawQuery, payload, user, type, how, aimed, unsafe) => {
            // Aimed: the real case or session, with a well-shaped body whose text is unsafe.
            const hit = aimed && [...op.path.matchAll(/\{([^}]+)\}/g)].some((m) => targetParam(op.path, m[1]!) !== null);
            let i = 0;
            const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (hit ? targetParam(op.path, name) : null) ?? params[i++]!);
            const qs = [new URLSearchParams(query).toString(), rawQuery ? `q=${rawQuery}` : ''].filter(Boolean).join('&');
            const sent = bodiless ? null : encodeBody(hit ? JSON.stringify(targetBody(op.path, unsafe)) : payload, how);
            const headers: Record<string, string> = { 'idempotency-key': `fuzz-${requests}-key`, ...(user ? { cookie: cookies[user]! } : {}) };
            if (sent) Object.assign(headers, { 'content-type': hit ? 'application/json' : type }, sent.contentEncoding ? { 'content-encoding': sent.contentEncoding } : {});
            const label = `${op.method} ${path}${qs ? `?${qs}` : ''} as ${user ?? 'anonymous'}${sent?.contentEncoding ? ` (${how})` : ''}`;
            requests += 1;
            try {
              const res = await fetch(`${sys.baseUrl}${path}${qs ? `?${qs}` : ''}`, { method: op.method, headers, body: sent?.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
              const answer = await res.text();
              if (res.status >= 500) {
                serverErrors += 1;
                failures.push(`${label} → ${res.status} ${answer.slice(0, 200)}`);
              }
            } catch (err) {
              failures.push(`${label} → no answer: ${(err as Error).name} ${(err as Error).message}`);
            }
            return true; // every failure is collected above, none is shrunk
          },
        ),
        { numRuns: 50, seed: 20261123 },
      );
      // Its logouts ended the fuzzer's sessions: the next operations need them again.
      if (op.path === '/api/auth/logout') for (const email of [OFFICER, HEAD, ADMIN]) cookies[email] = await login(sys, email);
    }

    const health = await fetch(`${sys.baseUrl}/api/health`);
    const after = await stored(sys);
    // A frozen case answers 409 "in progress" or never: its normal next step must complete.
    // (A fresh login: the fuzzer's own logouts ended the sessions it used.)
    const normal = async (path: string, who: string, payload: object) => {
      try {
        const cookie = await login(sys, who);
        const res = await fetch(`${sys.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(payload), signal: AbortSignal.timeout(30_000) });
        return `${res.status} ${(await res.text()).slice(0, 200)}`;
      } catch (err) {
        return `no answer: ${(err as Error).message}`;
      }
    };
    const steps = [
      await normal(`/api/cases/${target.caseId}/actions/accept`, OFFICER, { note: 'Thụ lý giải quyết khiếu nại' }),
      await normal(`/api/sessions/${target.sessionId}/opinions`, HEAD, { opinions: [{ categoryCode: 'dat-dai', title: 'Cấp giấy chứng nhận chậm', content: 'Hồ sơ nộp từ tháng 1 chưa có kết quả.' }] }),
    ];
    const frozen = steps.filter((s) => !/^20[01] /.test(s));
    reportFigures('api fuzz', { requests, '5xx': serverErrors, 'cases frozen': frozen.length });
    expect({ failures, frozen }).toEqual({ failures: [], frozen: [] });
    expect(health.status).toBe(200);
    expect(after).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);
});
