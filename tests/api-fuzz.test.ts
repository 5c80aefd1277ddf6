import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { reportFaults } from './support/fault-figures';
import { testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

let sys: TestSystem;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: testPolicy('test-fuzz', {}) });
  for (const email of ['canbo.snnmt@hoason.gov.test', 'chutich@hoason.gov.test', 'quantri@hoason.gov.test']) {
    const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    cookies[email] = res.headers.get('set-cookie')!.split(';')[0]!;
  }
});
afterAll(async () => {
  await sys?.stop();
});

/** Everything a request could leave behind. */
const stored = async (s: TestSystem) => {
  const d = s.db;
  const counts = await Promise.all([
    d.case.count(), d.petitioner.count(), d.caseEvent.count(), d.notification.count(), d.dialogueSession.count(), d.supervisionRecommendation.count(),
    d.unit.count(), d.organisation.count(), d.category.count(), d.routingRule.count(), d.calendarOverride.count(), d.user.count(), d.apiToken.count(),
  ]);
  return counts.join(',');
};

const hostile = fc.constantFrom(
  '', ' ', '\u0000', '../../etc/passwd', '%2e%2e%2f', "' OR 1=1 --", '"; DROP TABLE "Case"; --', '<script>alert(1)</script>', 'javascript:alert(1)',
  '${7*7}', '{{7*7}}', '__proto__', 'constructor', 'Nguyễn Văn A', '𝕏🙂', 'NaN', '-1', '1e309', '00000000-0000-0000-0000-000000000000', 'PA-AAAAAAAAAAAAAAAA',
);
const text = fc.oneof(hostile, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.uuid());
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }))).map((v) => JSON.stringify(v)),
  fc.constant('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  fc.constant('{"title":'), // malformed JSON
  fc.constant(JSON.stringify({ content: 'x'.repeat(150_000) })), // over the 100 kB limit
  fc.constant(JSON.stringify({ title: 'a'.repeat(20_001), content: 'b', type: 'FEEDBACK' })),
);
const who = fc.constantFrom(null, 'canbo.snnmt@hoason.gov.test', 'chutich@hoason.gov.test', 'quantri@hoason.gov.test');
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded');

interface Operation { method: string; path: string }

describe('property-based fuzzing of every endpoint in the OpenAPI document', () => {
  it('answers malformed, oversized and hostile input without a 5xx, a crash or anything stored', async () => {
    const spec = (await (await fetch(`${sys.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations: Operation[] = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    expect(operations.length).toBeGreaterThan(50);
    const before = await stored(sys);
    const failures: string[] = [];
    let requests = 0;

    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(fc.array(text, { minLength: 3, maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 4 }), body, who, contentType,
          async (params, query, payload, user, type) => {
            let i = 0;
            const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++] ?? ''));
            const qs = new URLSearchParams(query).toString();
            const res = await fetch(`${sys.baseUrl}${path}${qs ? `?${qs}` : ''}`, {
              method: op.method,
              headers: { ...(user ? { cookie: cookies[user]! } : {}), ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { 'content-type': type }), 'idempotency-key': `fuzz-${requests}-key` },
              body: op.method === 'GET' || op.method === 'DELETE' ? undefined : payload,
            });
            requests += 1;
            const text = await res.text();
            if (res.status >= 500) failures.push(`${op.method} ${path} as ${user ?? 'anonymous'} → ${res.status} ${text.slice(0, 200)}`);
            return res.status < 500;
          }),
        { numRuns: 50, seed: 20261123 },
      ).catch(() => undefined); // collected in `failures`, reported all at once below
    }

    const health = await fetch(`${sys.baseUrl}/api/health`);
    const after = await stored(sys);
    reportFaults(`API fuzzing: ${requests} malformed, oversized or hostile requests over ${operations.length} operations`, { casesInFlight: 0, faultsInjected: requests, casesLost: 0, duplicateEmails: 0 });
    expect(failures).toEqual([]);
    expect(health.status).toBe(200);
    expect(after).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 300_000);
});
