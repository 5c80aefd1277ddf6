import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../infra/passwords';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { caseRow, submitCase } from './support/cases';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

const policy = testPolicy('test-api', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 600, 600), COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 1, 600) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(600) },
  ratingWindow: seconds(600),
});

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
  // A second agency's officer, for cross-agency attempts.
  const agency = await sys.db.organisation.findUniqueOrThrow({ where: { code: 'HS-SXD' } });
  await sys.db.user.create({ data: { email: 'canbo.sxd@hoason.gov.test', fullName: 'Lý Văn Tâm', role: 'AGENCY_OFFICER', unitId: agency.unitId, organisationId: agency.id, passwordHash: await hashPassword(DEMO_PASSWORD) } });
});
afterAll(async () => {
  await sys?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

async function call(method: string, path: string, opts: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${sys.baseUrl}${path}`, {
    method,
    headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

const sessions = new Map<string, string>();
async function as(email: string): Promise<string> {
  if (!sessions.has(email)) {
    const res = await call('POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
    expect(res.status).toBe(200);
    sessions.set(email, res.headers.get('set-cookie')!.split(';')[0]!);
  }
  return sessions.get(email)!;
}

const officer = 'canbo.snnmt@hoason.gov.test';
const otherOfficer = 'canbo.sxd@hoason.gov.test';
const head = 'chutich@hoason.gov.test';
const front = 'mttq@hoason.gov.test';
const reception = 'tiepnhan@hoason.gov.test';
const admin = 'quantri@hoason.gov.test';
const land = { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS' };

describe('staff login', () => {
  it('sets an HttpOnly session cookie, knows who is logged in, and logs out', async () => {
    const res = await call('POST', '/api/auth/login', { body: { email: head, password: DEMO_PASSWORD } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sid=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const sid = cookie.split(';')[0]!;
    expect((await call('GET', '/api/auth/me', { cookie: sid })).body.user).toMatchObject({ email: head, role: 'HEAD_OF_GOVERNMENT', fullName: 'Nguyễn Văn Thành' });
    expect((await call('POST', '/api/auth/logout', { cookie: sid })).status).toBe(204);
    expect((await call('GET', '/api/auth/me', { cookie: sid })).status).toBe(401);
  });

  it('refuses a wrong password, and never locks the account (failures are throttled per address: api-login-security)', async () => {
    await sys.db.user.create({ data: { email: 'khoa@hoason.gov.test', fullName: 'Thử Khóa', role: 'RECEPTION_OFFICER', passwordHash: await hashPassword('dung-mat-khau') } });
    const attempt = (password: string) => call('POST', '/api/auth/login', { body: { email: 'khoa@hoason.gov.test', password } });
    for (let i = 0; i < 6; i += 1) expect((await attempt('sai')).body.code).toBe('invalid_credentials');
    expect((await attempt('dung-mat-khau')).status).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const res = await call('POST', '/api/auth/login', { body: { email: 'khong-co@hoason.gov.test', password: 'x' } });
    expect(res).toMatchObject({ status: 401, body: { code: 'invalid_credentials' } });
  });
});

describe('case actions over HTTP', () => {
  it('lets the assigned agency act, with 409 and the reason for a wrong state and 422 for bad input', async () => {
    const { id } = await submitCase(sys, land);
    const path = (action: string) => `/api/cases/${id}/actions/${action}`;
    const early = await call('POST', path('answer'), { cookie: await as(officer), body: { answer: 'Đã xử lý' } });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'action_not_allowed' });
    expect(early.body.detail).toMatch(/not allowed in status ASSIGNED/);

    const bad = await call('POST', path('accept'), { cookie: await as(officer), body: { complexity: 'VERY' } });
    expect(bad.status).toBe(422);
    expect(bad.body.fields.map((f: Json) => f.field)).toEqual(['complexity']);
    expect((await caseRow(sys, id)).status).toBe('ASSIGNED');

    const accepted = await call('POST', path('accept'), { cookie: await as(officer), body: {} });
    expect(accepted).toMatchObject({ status: 200, body: { status: 'ACCEPTED' } });
    await call('POST', path('requestExtension'), { cookie: await as(officer), body: { reason: 'Chờ đo đạc' } });
    expect((await call('POST', path('decideExtension'), { cookie: await as(officer), body: { approved: true } })).status).toBe(403);
    const decided = await call('POST', path('decideExtension'), { cookie: await as(head), body: { approved: true, note: 'Đồng ý' } });
    expect(decided.status).toBe(200);
    expect(decided.body.deadlines.resolution.history.map((h: Json) => h.kind)).toEqual(['computed', 'extended']);
    const answered = await call('POST', path('answer'), { cookie: await as(officer), body: { answer: 'Đã xử lý.', documents: [{ name: 'kl.pdf', url: 'https://files.example/kl.pdf' }] } });
    expect(answered.body.status).toBe('ANSWERED');
  });

  it('hides another agency’s case, forbids the Front and administrators to act, and requires a login', async () => {
    const { id } = await submitCase(sys, land);
    const accept = (cookie?: string) => call('POST', `/api/cases/${id}/actions/accept`, { cookie, body: {} });
    expect((await accept()).status).toBe(401);
    expect((await accept(await as(otherOfficer))).status).toBe(404);
    expect((await call('GET', `/api/cases/${id}`, { cookie: await as(otherOfficer) })).status).toBe(404);
    expect((await accept(await as(front))).status).toBe(403);
    expect((await accept(await as(admin))).status).toBe(403);
    expect((await accept(await as(reception))).status).toBe(403);
    expect((await call('GET', `/api/cases/${id}`, { cookie: await as(front) })).status).toBe(200);
    expect((await call('POST', `/api/cases/${id}/actions/fly`, { cookie: await as(officer), body: {} })).status).toBe(404);
    expect((await caseRow(sys, id)).status).toBe('ASSIGNED');
  });

  it('turns an invalid agency in a transfer into 422 on the field', async () => {
    const { id } = await submitCase(sys, land);
    const res = await call('POST', `/api/cases/${id}/actions/transfer`, { cookie: await as(officer), body: { agencyId: '00000000-0000-4000-8000-000000000000', reason: 'r' } });
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'agencyId' })]);
    expect((await caseRow(sys, id)).transfers).toBe(0);
  });

  it('merges only into an open case in the caller’s scope, named by its tracking code', async () => {
    const duplicate = await submitCase(sys, land);
    const original = await submitCase(sys, land);
    const elsewhere = await submitCase(sys, { ...land, categoryCode: 'xay-dung' }); // Sở Xây dựng's, outside the officer's scope
    const merge = async (body: unknown) => call('POST', `/api/cases/${duplicate.id}/actions/merge`, { cookie: await as(officer), body });
    // Notices may still be recorded by the system meanwhile; nobody else may write to that case.
    const stepsOf = async (id: string) => (await sys.db.caseEvent.findMany({ where: { caseId: id, actor: { not: 'system' } }, orderBy: { at: 'asc' } })).map((e) => e.type);
    const before = await stepsOf(elsewhere.id);

    for (const targetTrackingCode of [elsewhere.trackingCode, 'PA-KHONG-CO', duplicate.trackingCode]) {
      const refused = await merge({ targetTrackingCode, reason: 'Trùng nội dung' });
      expect(refused.status).toBe(422);
      expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'targetTrackingCode' })]);
    }
    expect((await merge({ targetCaseId: original.id, reason: 'Trùng nội dung' })).status).toBe(422);
    expect(await stepsOf(elsewhere.id)).toEqual(before);
    expect((await caseRow(sys, elsewhere.id)).status).toBe('ASSIGNED');
    expect((await caseRow(sys, duplicate.id)).status).toBe('ASSIGNED');

    const merged = await merge({ targetTrackingCode: original.trackingCode.toLowerCase(), reason: 'Trùng nội dung' });
    expect(merged).toMatchObject({ status: 200, body: { status: 'CLOSED', outcome: 'MERGED' } });
    expect((await caseRow(sys, duplicate.id)).mergedIntoId).toBe(original.id);
    expect((await sys.db.caseEvent.findMany({ where: { caseId: original.id } })).map((e) => e.type)).toContain('duplicate_merged');
  });
});

describe('agency inbox', () => {
  it('lists only my agency’s open cases, soonest due first, with time left, filtered and paginated', async () => {
    const feedback = await submitCase(sys, land);
    const complaint = await submitCase(sys, { ...land, type: 'COMPLAINT_FIRST', petitioner: { fullName: 'Lò Thị Mai', address: 'Xã Bằng Vân' } });
    const building = await submitCase(sys, { ...land, categoryCode: 'xay-dung' }); // goes to Sở Xây dựng
    await new Promise((r) => setTimeout(r, 1500)); // the complaint's acceptance deadline (1 s) passes

    const inbox = await call('GET', '/api/inbox?pageSize=100', { cookie: await as(officer) });
    expect(inbox.status).toBe(200);
    const ids = inbox.body.items.map((i: Json) => i.id);
    expect(ids).toEqual(expect.arrayContaining([feedback.id, complaint.id]));
    expect(ids).not.toContain(building.id);
    const dues = inbox.body.items.map((i: Json) => (i.dueAt ? Date.parse(i.dueAt) : Infinity));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(inbox.body.items[0]).toMatchObject({ id: complaint.id, overdue: true });
    expect(inbox.body.items[0].secondsLeft).toBeLessThan(0);

    const overdue = await call('GET', '/api/inbox?overdue=true', { cookie: await as(officer) });
    expect(overdue.body.items.every((i: Json) => i.overdue)).toBe(true);
    const complaints = await call('GET', '/api/inbox?type=COMPLAINT_FIRST', { cookie: await as(officer) });
    expect(complaints.body.items.map((i: Json) => i.type)).toEqual(complaints.body.items.map(() => 'COMPLAINT_FIRST'));
    const page = await call('GET', '/api/inbox?pageSize=1&page=2', { cookie: await as(officer) });
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: inbox.body.total });
    expect(page.body.items).toHaveLength(1);

    expect((await call('GET', '/api/inbox?pageSize=1000', { cookie: await as(officer) })).status).toBe(422);
    expect((await call('GET', '/api/inbox')).status).toBe(401);
    const other = await call('GET', '/api/inbox?pageSize=100', { cookie: await as(otherOfficer) });
    expect(other.body.items.map((i: Json) => i.id)).toContain(building.id);
    expect(other.body.items.map((i: Json) => i.id)).not.toContain(feedback.id);
  });
});

describe('petitioner identity', () => {
  it('is kept apart, given only to entitled roles, and every read is recorded', async () => {
    const feedback = await submitCase(sys, land);
    const read = (id: string, who: string) => as(who).then((cookie) => call('GET', `/api/cases/${id}/petitioner`, { cookie }));
    expect(JSON.stringify((await call('GET', `/api/cases/${feedback.id}`, { cookie: await as(officer) })).body)).not.toContain('Nguyễn Thị Hoa');
    expect((await read(feedback.id, officer)).body.petitioner).toMatchObject({ fullName: 'Nguyễn Thị Hoa', email: 'hoa@example.test' });
    expect((await read(feedback.id, front)).status).toBe(403);

    const denunciation = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'dat-dai', unitCode: 'HS' }); // assigned to the same agency
    expect((await read(denunciation.id, officer)).status).toBe(403);
    expect((await read(denunciation.id, front)).status).toBe(403);
    expect((await read(denunciation.id, head)).body.petitioner.fullName).toBe('Nguyễn Thị Hoa');
    expect((await read(denunciation.id, admin)).status).toBe(200);
    const reads = await sys.db.caseEvent.findMany({ where: { caseId: denunciation.id, type: 'identity_read' } });
    expect(reads.map((r) => r.actor).sort()).toEqual([admin, head].sort());
  });
});

describe('extension decisions', () => {
  it('refuse only with a reason (422 on note), and the request stays pending until decided', async () => {
    const { id } = await submitCase(sys, land);
    await call('POST', `/api/cases/${id}/actions/accept`, { cookie: await as(officer), body: {} });
    expect((await call('POST', `/api/cases/${id}/actions/requestExtension`, { cookie: await as(officer), body: { reason: 'Cần xác minh thêm' } })).status).toBe(200);
    const bare = await call('POST', `/api/cases/${id}/actions/decideExtension`, { cookie: await as(head), body: { approved: false } });
    expect(bare.status).toBe(422);
    expect(bare.body.fields).toEqual([expect.objectContaining({ field: 'note' })]);
    expect((await call('GET', `/api/cases/${id}`, { cookie: await as(head) })).body.allowedActions).toContain('decideExtension');
    const refused = await call('POST', `/api/cases/${id}/actions/decideExtension`, { cookie: await as(head), body: { approved: false, note: 'Không đủ căn cứ' } });
    expect(refused.status).toBe(200);
    expect(refused.body.allowedActions).not.toContain('decideExtension');
  });
});

describe('internal notes', () => {
  it('are on the staff timeline, by the officer, and never on the citizen’s tracking view', async () => {
    const { id, trackingCode } = await submitCase(sys, land);
    const noted = await call('POST', `/api/cases/${id}/actions/note`, { cookie: await as(officer), body: { note: 'Đã gọi điện cho UBND xã, chờ biên bản.' } });
    expect(noted.status).toBe(200);
    expect(noted.body.allowedActions).toContain('note');
    const timeline = await call('GET', `/api/cases/${id}/timeline`, { cookie: await as(officer) });
    expect(timeline.body.events).toContainEqual(expect.objectContaining({ type: 'note', actor: officer, reason: 'Đã gọi điện cho UBND xã, chờ biên bản.' }));
    expect(JSON.stringify((await call('GET', `/api/track/${trackingCode}`)).body)).not.toContain('Đã gọi điện');
    expect((await call('POST', `/api/cases/${id}/actions/note`, { cookie: await as(officer), body: { note: '' } })).status).toBe(422);
    expect((await call('POST', `/api/cases/${id}/actions/note`, { cookie: await as(front), body: { note: 'x' } })).status).toBe(403);
  });
});

describe('citizen tracking', () => {
  it('shows the case by tracking code without identity, and lets the citizen rate the answer', async () => {
    const { id, trackingCode, secret } = await submitCase(sys, land);
    const tracked = await call('GET', `/api/track/${trackingCode}`);
    expect(tracked).toMatchObject({ status: 200, body: { trackingCode, status: 'ASSIGNED', agency: 'Sở Nông nghiệp và Môi trường' } });
    expect(JSON.stringify(tracked.body)).not.toContain('Nguyễn Thị Hoa');
    expect((await call('GET', '/api/track/PA-0000000000000000')).status).toBe(404);
    expect((await call('POST', `/api/track/${trackingCode}/actions/accept`, { body: {} })).status).toBe(403);

    await call('POST', `/api/cases/${id}/actions/accept`, { cookie: await as(officer), body: {} });
    await call('POST', `/api/cases/${id}/actions/answer`, { cookie: await as(officer), body: { answer: 'Đã giải quyết.' } });
    const rated = await call('POST', `/api/track/${trackingCode}/actions/rate`, { body: { satisfied: true }, headers: { 'x-case-secret': secret } });
    expect(rated).toMatchObject({ status: 200, body: { status: 'CLOSED', outcome: 'RESOLVED' } });
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the request validators', async () => {
    const spec = (await call('GET', '/api/openapi.json')).body;
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/petitions', '/api/inbox', '/api/cases/{id}/actions/accept', '/api/cases/{id}/actions/merge', '/api/reports/dialogue', '/api/admin/clock-policies']));
    const submit = spec.paths['/api/petitions'].post.requestBody.content['application/json'].schema;
    expect(submit.required).toEqual(expect.arrayContaining(['type', 'categoryCode', 'unitCode', 'title', 'content']));
    expect(submit.additionalProperties).toBe(false);
    expect(submit.properties.type.enum).toEqual(['FEEDBACK', 'COMPLAINT_FIRST', 'COMPLAINT_SECOND', 'DENUNCIATION', 'SESSION_OPINION']);
    expect(spec.paths['/api/inbox'].get.parameters.find((p: Json) => p.name === 'pageSize').schema.maximum).toBe(100);
  });
});
