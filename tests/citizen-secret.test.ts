import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../infra/passwords';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { caseRow, eventTypes, submitCase, petitioner } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

const policy = testPolicy('test-citizen-secret', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 600, 600), DENUNCIATION: secondsRule('DENUNCIATION', 600, 600), COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 600, 600) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(600) },
  ratingWindow: seconds(600),
});

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy, rateLimits: { citizenSecretFailuresPerCode: 5, citizenSecretFailuresPerAddress: 50 } });
});
afterAll(async () => {
  await sys?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const cookies = new Map<string, string>();
async function call(method: string, path: string, opts: { who?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  if (opts.who && !cookies.has(opts.who)) {
    const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: opts.who, password: DEMO_PASSWORD }) });
    cookies.set(opts.who, res.headers.get('set-cookie')!.split(';')[0]!);
  }
  const res = await fetch(`${sys.baseUrl}${path}`, {
    method,
    headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(opts.who ? { cookie: cookies.get(opts.who)! } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json, text };
}
const act = (code: string, action: string, body: unknown, secret?: string) =>
  call('POST', `/api/track/${code}/actions/${action}`, { body, headers: secret === undefined ? {} : { 'x-case-secret': secret } });

const officer = 'canbo.snnmt@hoason.gov.test';
const head = 'chutich@hoason.gov.test';
const land = { categoryCode: 'dat-dai', unitCode: 'HS' };

describe('a citizen action needs the secret only the citizen received', () => {
  it('refuses the tracking code alone or a wrong secret, changing nothing, and takes the right one', async () => {
    // The officer of the agency sees the code in his inbox; he is also the accused.
    const c = await submitCase(sys, { ...land, type: 'DENUNCIATION', accused: { fullName: 'Lê Văn Cán' } });
    expect(c.secret).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    const inbox = await call('GET', '/api/inbox', { who: officer });
    expect(inbox.text).toContain(c.trackingCode);
    const before = await eventTypes(sys, c.id);

    for (const action of ['withdraw', 'provideInfo', 'appeal']) {
      const body = action === 'provideInfo' ? { note: 'x' } : { reason: 'Tôi rút đơn' };
      expect(await act(c.trackingCode, action, body)).toMatchObject({ status: 401, body: { code: 'citizen_secret_required' } });
      expect(await act(c.trackingCode, action, body, 'AAAAA-BBBBB-CCCCC-DDDDD')).toMatchObject({ status: 403, body: { code: 'citizen_secret_invalid' } });
    }
    expect(await act(c.trackingCode, 'rate', { satisfied: true })).toMatchObject({ status: 401 });
    expect((await caseRow(sys, c.id)).status).toBe('ASSIGNED');
    expect((await eventTypes(sys, c.id)).filter((t) => !t.startsWith('notice_'))).toEqual(before.filter((t) => !t.startsWith('notice_')));

    const withdrawn = await act(c.trackingCode, 'withdraw', { reason: 'Tôi rút đơn' }, c.secret.toLowerCase().replace(/-/g, ' '));
    expect(withdrawn).toMatchObject({ status: 200, body: { status: 'CLOSED', outcome: 'WITHDRAWN' } });
  });

  it('is stored only as a hash and reaches no staff view, no mail or SMS but the citizen’s receipt, and not the audit trail', async () => {
    const c = await submitCase(sys, { ...land, type: 'FEEDBACK' });
    await call('POST', `/api/cases/${c.id}/actions/accept`, { who: officer, body: {} });
    await eventually(async () => expect(sys.smtp.messages.some((m) => m.subject.includes(c.trackingCode))).toBe(true));
    const bare = c.secret.replace(/-/g, '');
    const row = await caseRow(sys, c.id);
    expect(row.citizenSecretHash).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify([row, await sys.db.caseEvent.findMany({ where: { caseId: c.id } }), await sys.db.notification.findMany({ where: { caseId: c.id } })]);
    const views = [
      await call('GET', `/api/cases/${c.id}`, { who: officer }),
      await call('GET', `/api/cases/${c.id}/timeline`, { who: officer }),
      await call('GET', '/api/inbox', { who: officer }),
      await call('GET', `/api/cases/${c.id}/petitioner`, { who: head }),
      await call('GET', `/api/track/${c.trackingCode}`),
    ].map((v) => v.text);
    // The receipt to the citizen carries it (mail and SMS), and nothing else does.
    const receipt = `[${c.trackingCode}] Biên nhận đơn của ông/bà`;
    expect(sys.smtp.messages.filter((m) => m.text.includes(c.secret)).map((m) => [m.subject, m.to])).toEqual([[receipt, [petitioner.email]]]);
    expect(sys.smsc.messages.filter((m) => m.text.includes(c.secret)).map((m) => m.to)).toEqual(['84912345678']);
    const mails = sys.smtp.messages.filter((m) => m.subject !== receipt).map((m) => `${m.subject}\n${m.text}\n${m.html}`);
    const texts = sys.smsc.messages.filter((m) => !m.text.startsWith(`Da nhan don ${c.trackingCode}.`)).map((m) => m.text);
    for (const text of [stored, ...views, ...mails, ...texts]) {
      expect(text).not.toContain(c.secret);
      expect(text).not.toContain(bare);
    }
  });

  it('a lost secret: a new one goes to the email and phone on file, the old one stops working, and the answer never says whether there is one', async () => {
    const c = await submitCase(sys, { ...land, type: 'COMPLAINT_FIRST' });
    const reissued = await call('POST', `/api/track/${c.trackingCode}/secret`);
    expect(reissued.status).toBe(202);
    const mail = await eventually(async () => {
      const m = sys.smtp.messages.find((x) => x.to.includes(petitioner.email) && x.subject === `[${c.trackingCode}] Mã bí mật mới cho hồ sơ của ông/bà`);
      expect(m).toBeDefined();
      return m!;
    });
    const fresh = mail.text.match(/Mã bí mật: ([0-9A-Z-]{23})/)![1]!;
    expect(mail.subject).not.toContain(fresh);
    expect(mail.text).toContain(`/track/${c.trackingCode}`);
    expect(JSON.stringify(await sys.db.notification.findMany({ where: { caseId: c.id } }))).not.toContain(fresh);
    expect((await act(c.trackingCode, 'withdraw', { reason: 'Rút' }, c.secret)).status).toBe(403);
    expect(sys.smsc.messages.filter((m) => m.text.includes(fresh)).map((m) => m.to)).toEqual(['84912345678']);
    expect((await act(c.trackingCode, 'withdraw', { reason: 'Rút' }, fresh)).status).toBe(200);

    const anonymous = await submitCase(sys, { ...land, type: 'FEEDBACK', anonymous: true, petitioner: undefined });
    const sentBefore = sys.smtp.messages.length;
    expect(await call('POST', `/api/track/${anonymous.trackingCode}/secret`)).toMatchObject({ status: 202, body: { detail: reissued.body.detail } });
    expect((await act(anonymous.trackingCode, 'rate', { satisfied: true }, anonymous.secret)).status).not.toBe(403);
    expect(sys.smtp.messages.filter((m) => /Mã bí mật/.test(m.text)).length).toBe(sys.smtp.messages.slice(0, sentBefore).filter((m) => /Mã bí mật/.test(m.text)).length);
  });

  it('follows the complainant to the second complaint', async () => {
    // A commune office's first complaint: the commune chairman takes the second.
    const c = await submitCase(sys, { categoryCode: 'dat-dai', unitCode: 'HS-X-YENPHONG', type: 'COMPLAINT_FIRST' });
    const row = await caseRow(sys, c.id);
    const agency = await sys.db.organisation.findUniqueOrThrow({ where: { id: row.agencyId! } });
    const who = `canbo.${agency.code.toLowerCase()}@hoason.gov.test`;
    await sys.db.user.create({ data: { email: who, fullName: 'Phan Văn Lợi', role: 'AGENCY_OFFICER', unitId: agency.unitId, organisationId: agency.id, passwordHash: await hashPassword(DEMO_PASSWORD) } });
    expect((await call('POST', `/api/cases/${c.id}/actions/accept`, { who, body: {} })).status).toBe(200);
    expect((await call('POST', `/api/cases/${c.id}/actions/answer`, { who, body: { answer: 'Giữ nguyên quyết định.' } })).status).toBe(200);
    const appealed = await act(c.trackingCode, 'appeal', { reason: 'Không đồng ý' }, c.secret);
    expect(appealed).toMatchObject({ status: 200, body: { outcome: 'APPEALED' } });
    const second = await sys.db.case.findFirstOrThrow({ where: { linkedFromId: c.id } });
    expect(second.citizenSecretHash).toBe(row.citizenSecretHash);
  });
});

describe('guessing the secret', () => {
  it('is stopped after five wrong tries on a case: then even the right secret waits, with Retry-After', async () => {
    const c = await submitCase(sys, { ...land, type: 'COMPLAINT_FIRST' });
    for (let i = 0; i < 5; i += 1) expect((await act(c.trackingCode, 'withdraw', { reason: 'x' }, `WRONG-${i}`)).status).toBe(403);
    const refused = await call('POST', `/api/track/${c.trackingCode}/actions/withdraw`, { body: { reason: 'x' }, headers: { 'x-case-secret': c.secret } });
    expect(refused).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
    const other = await submitCase(sys, { ...land, type: 'COMPLAINT_FIRST' });
    expect((await act(other.trackingCode, 'withdraw', { reason: 'x' }, other.secret)).status).toBe(200);
    expect((await caseRow(sys, c.id)).status).toBe('ASSIGNED');
  });

  it('mails a new secret at most three times an hour per case', async () => {
    const c = await submitCase(sys, { ...land, type: 'COMPLAINT_FIRST' });
    for (let i = 0; i < 3; i += 1) expect((await call('POST', `/api/track/${c.trackingCode}/secret`)).status).toBe(202);
    const fourth = await fetch(`${sys.baseUrl}/api/track/${c.trackingCode}/secret`, { method: 'POST' });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('idempotency keys belong to their sender', () => {
  const body = { ...land, type: 'FEEDBACK', title: 'Đèn đường hỏng', content: 'Đèn đường thôn 3 hỏng đã lâu.', petitioner };
  const submit = (key: string, from: string) =>
    call('POST', '/api/petitions', { body, headers: { 'idempotency-key': key, 'x-forwarded-for': from } });

  it('the same key from the same client is the same case, with a fresh secret unless the receipt carried it; from another client it is another case', async () => {
    const first = await submit('demo-0001-abcdef', '198.51.100.7');
    expect(first.status).toBe(201);
    const again = await submit('demo-0001-abcdef', '198.51.100.7');
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id, trackingCode: first.body.trackingCode } });
    // The receipt went to the citizen's email and phone with the first secret: it stays the one.
    expect(again.body.secret).toBeNull();
    expect((await act(first.body.trackingCode, 'withdraw', { reason: 'x' }, first.body.secret)).status).not.toBe(403);

    // Without an email or phone no receipt carries it: the repeat shows a fresh one, the first stops working.
    const anonymous = { ...body, anonymous: true, petitioner: undefined };
    const once = await call('POST', '/api/petitions', { body: anonymous, headers: { 'idempotency-key': 'demo-0002-abcdef', 'x-forwarded-for': '198.51.100.7' } });
    const twice = await call('POST', '/api/petitions', { body: anonymous, headers: { 'idempotency-key': 'demo-0002-abcdef', 'x-forwarded-for': '198.51.100.7' } });
    expect(twice).toMatchObject({ status: 200, body: { id: once.body.id } });
    expect(twice.body.secret).toMatch(/^[0-9A-Z-]{23}$/);
    expect(twice.body.secret).not.toBe(once.body.secret);
    expect((await act(once.body.trackingCode, 'rate', { satisfied: true }, once.body.secret)).status).toBe(403);

    const someoneElse = await submit('demo-0001-abcdef', '203.0.113.9');
    expect(someoneElse.status).toBe(201);
    expect(someoneElse.body.id).not.toBe(first.body.id);
  });
});
