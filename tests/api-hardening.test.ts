import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app';
import { petitioner, submitCase } from './support/cases';
import { ADMIN, login } from './support/http';
import { testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

// Issue 12, finding 7: cross-site requests, non-JSON bodies, malformed requests, CSV formulas,
// unit cycles and impossible dates, security headers, and the Temporal UI's published port.

let sys: TestSystem;
let admin = '';
let https: { server: Server; baseUrl: string };
const PUBLIC_URL = 'https://pakn.hoason.gov.test';

beforeAll(async () => {
  sys = await startSystem({ clockPolicy: testPolicy('test-hardening', {}) });
  admin = await login(sys, ADMIN);
  // The same system as production sees it behind its HTTPS proxy: PUBLIC_URL is https.
  const server = createApp({ db: sys.db, temporal: sys.client, taskQueue: sys.taskQueue, rateLimits: sys.rateLimits, documents: sys.documents, secureCookies: true, publicUrl: PUBLIC_URL }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  https = { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});
afterAll(async () => {
  await new Promise((resolve) => https?.server.close(resolve));
  await sys?.stop();
});

interface Answer { status: number; code?: string; fields?: Array<{ field: string }>; headers: Headers; text: string }

async function send(path: string, init: RequestInit & { base?: string } = {}): Promise<Answer> {
  const res = await fetch(`${init.base ?? sys.baseUrl}${path}`, init);
  const text = await res.text();
  let parsed: { code?: string; fields?: Array<{ field: string }> } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // not JSON (a CSV, the console's page)
  }
  return { status: res.status, code: parsed.code, fields: parsed.fields, headers: res.headers, text };
}

const petition = (title = 'Đèn đường hỏng') => ({ type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS', title, content: 'Đèn đường ở tổ 5 hỏng đã một tháng.', petitioner });
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const caseCount = () => sys.db.case.count();

describe('cross-site requests are refused (CSRF)', () => {
  it('refuses a state-changing request from another origin, whatever its body', async () => {
    const before = await caseCount();
    const victim = await login(sys, ADMIN);
    const form = new URLSearchParams({ type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS', title: 'x', content: 'y' }).toString();
    const answers = [
      await send('/api/petitions', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: form }),
      await send('/api/petitions', json(petition(), { origin: 'https://evil.example' })),
      await send('/api/petitions', json(petition(), { 'sec-fetch-site': 'cross-site' })),
      await send('/api/petitions', json(petition(), { origin: 'null' })),
      await send('/api/auth/login', json({ email: ADMIN, password: 'x' }, { origin: 'http://127.0.0.1.evil.example' })),
      await send('/api/auth/logout', { method: 'POST', headers: { cookie: victim, origin: 'https://evil.example' } }),
      await send('/api/admin/categories/dat-dai', { method: 'PATCH', headers: { cookie: admin, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: '{"nameEn":"x"}' }),
      await send('/api/admin/routing-rules/00000000-0000-0000-0000-000000000000', { method: 'DELETE', headers: { cookie: admin, origin: 'https://evil.example' } }),
    ];
    expect(answers.map((a) => [a.status, a.code])).toEqual(answers.map(() => [403, 'cross_site_request']));
    expect(await caseCount()).toBe(before);
    expect((await send('/api/auth/me', { headers: { cookie: victim } })).status).toBe(200); // the cross-site logout did nothing
  });

  it('accepts the app itself, tools without Origin, and cross-site reads', async () => {
    expect((await send('/api/petitions', json(petition(), { origin: sys.baseUrl, 'sec-fetch-site': 'same-origin' }))).status).toBe(201);
    expect((await send('/api/petitions', json(petition()))).status).toBe(201); // curl, integrations
    expect((await send('/api/petitions', json(petition(), { 'sec-fetch-site': 'none' }))).status).toBe(201); // typed by the user
    expect((await send('/api/catalog', { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    // Behind the proxy the Host is the API's own; PUBLIC_URL names the origin the browser sees.
    expect((await send('/api/petitions', { ...json(petition(), { origin: PUBLIC_URL }), base: https.baseUrl })).status).toBe(201);
    expect((await send('/api/petitions', { ...json(petition(), { origin: 'https://evil.example' }), base: https.baseUrl })).code).toBe('cross_site_request');
  });

  it('refuses bodies that are not JSON with 415, and still takes a POST without a body', async () => {
    const before = await caseCount();
    const body = JSON.stringify(petition());
    const multipart = new FormData();
    multipart.set('title', 'x');
    const answers = [
      await send('/api/petitions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body }),
      await send('/api/petitions', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'title=x' }),
      await send('/api/petitions', { method: 'POST', body: multipart }),
      await send('/api/petitions', { method: 'POST', body: new Blob([body]) }), // a body without a type
      await send('/api/admin/categories/dat-dai', { method: 'PATCH', headers: { cookie: admin, 'content-type': 'text/plain' }, body: '{"nameEn":"x"}' }),
    ];
    expect(answers.map((a) => [a.status, a.code])).toEqual(answers.map(() => [415, 'unsupported_media_type']));
    expect(await caseCount()).toBe(before);
    const own = await login(sys, ADMIN);
    expect((await send('/api/auth/logout', { method: 'POST', headers: { cookie: own } })).status).toBe(204);
    expect((await send('/api/auth/me', { headers: { cookie: own } })).status).toBe(401);
  });
});

describe('malformed requests answer 4xx, never 500', () => {
  it('answers 400 to bad percent-encoding in a path', async () => {
    for (const path of ['/api/track/%E0%A4%A', '/api/cases/%ZZ', '/api/cases/%E0%A4%A/timeline', '/api/petitions/%', '/api/admin/units/%C0%AF']) {
      const a = await send(path, { headers: { cookie: admin } });
      expect([path, a.status, a.code]).toEqual([path, 400, 'invalid_request']);
    }
  });

  it('answers 400 to a corrupt compressed body and takes a sound one', async () => {
    const before = await caseCount();
    const garbage = Buffer.from('this is not compressed at all');
    const truncated = gzipSync(JSON.stringify(petition())).subarray(0, 20);
    for (const [encoding, body] of [['gzip', garbage], ['deflate', garbage], ['br', garbage], ['gzip', truncated]] as const) {
      const a = await send('/api/petitions', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body });
      expect([encoding, a.status, a.code]).toEqual([encoding, 400, 'invalid_request']);
    }
    expect(await caseCount()).toBe(before);
    for (const [encoding, compress] of [['gzip', gzipSync], ['deflate', deflateSync], ['br', brotliCompressSync]] as const) {
      const a = await send('/api/petitions', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body: compress(JSON.stringify(petition())) });
      expect([encoding, a.status]).toEqual([encoding, 201]);
    }
  });

  it('answers 404 to a missing console asset', async () => {
    expect((await send('/assets/styles.css')).status).toBe(200);
    for (const path of ['/assets/missing.css', '/assets/nested/missing.js', '/assets/%E0%A4%A', '/assets/']) {
      expect([path, (await send(path)).status]).toEqual([path, 404]);
    }
  });
});

describe('CSV exports neutralise spreadsheet formulas', () => {
  it('prefixes a name that starts with = + - @ in the overdue report', async () => {
    await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS' }); // open at Sở NN&MT, province HS
    const patch = (path: string, body: object) => send(path, { method: 'PATCH', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await patch('/api/admin/organisations/HS-SNNMT', { name: '=HYPERLINK("http://evil.example","Sở")' })).status).toBe(200);
    expect((await patch('/api/admin/units/HS', { name: '@SUM(1+1)' })).status).toBe(200);
    const csv = await send('/api/reports/overdue?format=csv', { headers: { cookie: admin } });
    expect(csv.status).toBe(200);
    const row = csv.text.split('\r\n').find((l) => l.includes('HYPERLINK'));
    expect(row).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""Sở""\)",'@SUM\(1\+1\),\d+,\d+$/);
    expect(csv.text).not.toMatch(/(^|[,\r\n])"?[=+\-@]/);
  });
});

describe('reference data: the unit tree and calendar dates', () => {
  const patchUnit = (code: string, body: object) => send(`/api/admin/units/${code}`, { method: 'PATCH', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('refuses to make a unit its own parent or the child of its own descendant', async () => {
    // Hòa Sơn (province) > Lâm Thượng (district) > Xã Mới (a new commune)
    const created = await send('/api/admin/units', json({ code: 'HS-X-MOI', name: 'Xã Mới', level: 'COMMUNE', parentCode: 'HS-LT' }, { cookie: admin }));
    expect(created.status).toBe(201);
    for (const [code, parentCode] of [['HS', 'HS'], ['HS', 'HS-LT'], ['HS', 'HS-X-MOI'], ['HS-LT', 'HS-X-MOI'], ['HS-X-MOI', 'HS-X-MOI']]) {
      const a = await patchUnit(code!, { parentCode });
      expect([code, parentCode, a.status, a.fields?.map((f) => f.field)]).toEqual([code, parentCode, 422, ['parentCode']]);
    }
    expect((await sys.db.unit.findUniqueOrThrow({ where: { code: 'HS' } })).parentId).toBeNull();
    expect((await sys.db.unit.findUniqueOrThrow({ where: { code: 'HS-LT' }, include: { parent: true } })).parent?.code).toBe('HS');
    // Moves that make no loop are still taken.
    expect((await patchUnit('HS-X-MOI', { parentCode: 'HS' })).status).toBe(200);
    expect((await patchUnit('HS-X-MOI', { parentCode: 'HS-NS' })).status).toBe(200);
    expect((await patchUnit('HS-X-MOI', { parentCode: null })).status).toBe(200);
  });

  it('refuses a calendar date that does not exist', async () => {
    const put = (date: string) => send(`/api/admin/calendar-overrides/${date}`, { method: 'PUT', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ dayOff: true, reason: 'Nghỉ bù' }) });
    for (const date of ['2099-13-45', '2027-02-29', '2026-04-31', '2026-00-10', '2026-1-05']) {
      const a = await put(date);
      expect([date, a.status, a.fields?.map((f) => f.field)]).toEqual([date, 422, ['date']]);
    }
    expect(await sys.db.calendarOverride.count({ where: { date: { in: ['2099-13-45', '2027-02-29', '2026-04-31'] } } })).toBe(0);
    expect((await put('2028-02-29')).status).toBe(200);
    const session = await send('/api/sessions', json({ unitCode: 'HS', heldOn: '2099-02-30T09:00:00+07:00', kind: 'PERIODIC', chairName: 'A', chairTitle: 'B', chairedByHead: true, attendees: 1 }, { cookie: await login(sys, 'chutich@hoason.gov.test') }));
    expect([session.status, session.fields?.map((f) => f.field)]).toEqual([422, ['heldOn']]);
    const unit = await patchUnit('HS-X-MOI', { dissolvedAt: '2099-13-45T00:00:00Z' });
    expect([unit.status, unit.fields?.map((f) => f.field)]).toEqual([422, ['dissolvedAt']]);
  });
});

describe('security headers', () => {
  it('sends nosniff everywhere, no-store on API answers, and HSTS only when PUBLIC_URL is https', async () => {
    for (const path of ['/api/health', '/api/catalog/agencies', '/api/auth/me', '/api/inbox', '/api/reports/overdue?format=csv', '/api/no-such-endpoint', '/api/catalog', '/', '/assets/styles.css']) {
      const a = await send(path, { headers: { cookie: admin } });
      expect([path, a.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, a.headers.get('strict-transport-security')]).toEqual([path, null]);
      // Every API answer is no-store, but the catalog: the same public lists for everyone.
      if (path.startsWith('/api/')) expect([path, a.headers.get('cache-control')]).toEqual([path, path === '/api/catalog' ? 'public, max-age=60' : 'no-store']);
    }
    const me = await send('/api/auth/me', { headers: { authorization: 'Bearer nope' } });
    expect([me.status, me.headers.get('cache-control')]).toEqual([401, 'no-store']);
    for (const path of ['/api/health', '/']) {
      const a = await send(path, { base: https.baseUrl });
      expect(a.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
      expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('keeps the console its own strict CSP and gives JSON none to run', async () => {
    const page = await send('/');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const api = await send('/api/health');
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('docker-compose.yml', () => {
  it('publishes the Temporal Web UI and the mail catcher on the loopback interface only', () => {
    const compose = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');
    const service = (name: string) => compose.split(/\n(?= {2}[a-z-]+:\n)/).find((block) => block.startsWith(`  ${name}:`)) ?? '';
    for (const name of ['temporal-ui', 'mail']) {
      expect(service(name)).toContain('image:');
      const ports = [...service(name).matchAll(/^\s+- "?([^"\s]+)"?$/gm)].map((m) => m[1]!).filter((p) => /^[\d.:-]+$/.test(p));
      expect([name, ports.filter((p) => !p.startsWith('127.0.0.1:'))]).toEqual([name, []]);
    }
  });
});
