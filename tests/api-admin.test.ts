import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_POLICY } from '../domain/legal-clock';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: testPolicy('test-admin', {}) });
});
afterAll(async () => {
  await sys?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const sessions = new Map<string, string>();
async function login(email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
async function call(method: string, path: string, who?: string, body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
  if (who && !sessions.has(who)) sessions.set(who, await login(who));
  const res = await fetch(`${sys.baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(who ? { cookie: sessions.get(who)! } : {}), ...extra },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}
const admin = 'quantri@hoason.gov.test';

describe('administration', () => {
  it('is for administrators only', async () => {
    expect((await call('GET', '/api/admin/units')).status).toBe(401);
    expect((await call('GET', '/api/admin/units', 'chutich@hoason.gov.test')).status).toBe(403);
    expect((await call('GET', '/api/admin/units', admin)).body.map((u: Json) => u.code)).toContain('HS-X-BANGVAN');
  });

  it('adds a commune, its agency, a category and a rule, and a new petition follows them', async () => {
    const unit = { code: 'HS-X-LAMSON', name: 'Xã Lâm Sơn', level: 'COMMUNE', parentCode: 'HS', remoteArea: true };
    expect((await call('POST', '/api/admin/units', admin, unit)).status).toBe(201);
    expect((await call('POST', '/api/admin/units', admin, unit)).status).toBe(409);
    expect((await call('POST', '/api/admin/units', admin, { ...unit, code: 'HS-X-KHAC', parentCode: 'NOPE' })).body.fields[0].field).toBe('parentCode');
    for (const [code, kind, name] of [['HS-X-LAMSON-UBND', 'PEOPLES_COMMITTEE', 'UBND xã Lâm Sơn'], ['HS-X-LAMSON-MTTQ', 'FRONT_COMMITTEE', 'Ủy ban MTTQ xã Lâm Sơn'], ['HS-X-LAMSON-PKT', 'SECTOR_AGENCY', 'Phòng Kinh tế xã Lâm Sơn']] as const) {
      const created = await call('POST', '/api/admin/organisations', admin, { code, unitCode: 'HS-X-LAMSON', kind, name, email: `${code.toLowerCase()}@hoason.gov.test`, headName: 'Hoàng Văn A', headTitle: 'Chủ tịch', headEmail: `truong.${code.toLowerCase()}@hoason.gov.test` });
      expect(created.status).toBe(201);
    }
    expect((await call('POST', '/api/admin/categories', admin, { code: 'thuy-loi', nameVi: 'Thủy lợi', nameEn: 'Irrigation' })).status).toBe(201);
    const rule = await call('POST', '/api/admin/routing-rules', admin, { categoryCode: 'thuy-loi', unitCode: 'HS-X-LAMSON', agencyCode: 'HS-X-LAMSON-PKT' });
    expect(rule.status).toBe(201);

    const { id } = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'thuy-loi', unitCode: 'HS-X-LAMSON' });
    await eventually(async () => expect((await sys.db.case.findUniqueOrThrow({ where: { id }, include: { agency: true } })).agency?.code).toBe('HS-X-LAMSON-PKT'));
    expect((await call('DELETE', `/api/admin/routing-rules/${rule.body.id}`, admin)).status).toBe(204);
    expect((await call('DELETE', `/api/admin/routing-rules/${rule.body.id}`, admin)).status).toBe(404);
  });

  it('edits the calendar and adds a legal-clock policy version that new cases take', async () => {
    expect((await call('PUT', '/api/admin/calendar-overrides/2026-12-24', admin, { dayOff: true, reason: 'Nghỉ bù theo thông báo' })).status).toBe(200);
    expect((await call('GET', '/api/admin/calendar-overrides', admin)).body).toContainEqual({ date: '2026-12-24', dayOff: true, reason: 'Nghỉ bù theo thông báo' });
    expect((await call('PUT', '/api/admin/calendar-overrides/24-12-2026', admin, { dayOff: true, reason: 'x' })).status).toBe(422);
    expect((await call('DELETE', '/api/admin/calendar-overrides/2026-12-24', admin)).status).toBe(204);

    const version = { ...DEFAULT_CLOCK_POLICY, version: '2026-admin-test', effectiveFrom: new Date(Date.now() - 1000).toISOString(), note: 'Rút ngắn thời hạn phản ánh' };
    version.rules = { ...version.rules, FEEDBACK: { ...version.rules.FEEDBACK, firstStep: { amount: 5, unit: 'working_days' } } };
    expect((await call('POST', '/api/admin/clock-policies', admin, version)).status).toBe(201);
    expect((await call('POST', '/api/admin/clock-policies', admin, version)).status).toBe(409);
    expect((await call('POST', '/api/admin/clock-policies', admin, { ...version, version: 'bad', ladder: {} })).status).toBe(422);
    const { id } = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS' });
    const created = await sys.db.case.findUniqueOrThrow({ where: { id } });
    expect(created.policyVersion).toBe('2026-admin-test');
  });

  it('manages users, ends their sessions on a role change, and unlocks them', async () => {
    const created = await call('POST', '/api/admin/users', admin, { email: 'CanBo.LamSon@hoason.gov.test', fullName: 'Đàm Văn Quý', role: 'AGENCY_OFFICER', unitCode: 'HS-X-LAMSON', organisationCode: 'HS-X-LAMSON-PKT', password: 'mat-khau-rat-dai' });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    expect(created.body.email).toBe('canbo.lamson@hoason.gov.test');
    expect((await call('POST', '/api/admin/users', admin, { email: 'x@hoason.gov.test', fullName: 'X', role: 'AGENCY_OFFICER', password: 'short' })).body.fields[0].field).toBe('password');
    const cookie = await login('canbo.lamson@hoason.gov.test', 'mat-khau-rat-dai');
    expect((await call('GET', '/api/auth/me', undefined, undefined, { cookie })).status).toBe(200);
    expect((await call('PATCH', `/api/admin/users/${created.body.id}`, admin, { role: 'RECEPTION_OFFICER' })).body.role).toBe('RECEPTION_OFFICER');
    expect((await call('GET', '/api/auth/me', undefined, undefined, { cookie })).status).toBe(401);
    expect((await call('PATCH', `/api/admin/users/${created.body.id}`, admin, { unlock: true })).status).toBe(200);
  });

  it('logs every accepted change with who, what and when, and never a password or a token', async () => {
    const officer = (await call('GET', '/api/admin/users', admin)).body.find((u: Json) => u.email === 'canbo.lamson@hoason.gov.test');
    expect((await call('PATCH', `/api/admin/users/${officer.id}`, admin, { password: 'mat-khau-moi-rat-dai' })).status).toBe(200);
    const log = await call('GET', '/api/admin/changes?limit=200', admin);
    expect(log.status).toBe(200);
    // Newest first; the refused attempts above (a duplicate unit, bad input) left nothing.
    expect(log.body.items.map((c: Json) => c.action)).toEqual([
      'user.changed',
      'user.changed', 'user.changed', 'user.created',
      'clock_policy.created', 'calendar_override.removed', 'calendar_override.set',
      'routing_rule.removed', 'routing_rule.created', 'category.created',
      'organisation.created', 'organisation.created', 'organisation.created', 'unit.created',
    ]);
    expect(new Set(log.body.items.map((c: Json) => c.actor))).toEqual(new Set([admin]));
    expect(log.body.items.at(-1)).toMatchObject({ target: 'HS-X-LAMSON', data: { name: 'Xã Lâm Sơn', parentCode: 'HS', remoteArea: true } });
    expect(log.body.items.find((c: Json) => c.action === 'routing_rule.removed')).toMatchObject({ target: 'HS-X-LAMSON/thuy-loi', data: { agencyCode: 'HS-X-LAMSON-PKT' } });
    expect(log.body.items.find((c: Json) => c.action === 'user.created').data).toEqual({ email: 'canbo.lamson@hoason.gov.test', fullName: 'Đàm Văn Quý', role: 'AGENCY_OFFICER', unitCode: 'HS-X-LAMSON', organisationCode: 'HS-X-LAMSON-PKT' });
    expect(log.body.items[0].data).toEqual({ passwordChanged: true });
    expect(JSON.stringify(log.body)).not.toMatch(/mat-khau|pat_|passwordHash/);

    const ofUser = await call('GET', '/api/admin/changes?target=canbo.lamson@hoason.gov.test', admin);
    expect(ofUser.body.items.map((c: Json) => c.action)).toEqual(['user.changed', 'user.changed', 'user.changed', 'user.created']);
    const first = await call('GET', '/api/admin/changes?limit=4', admin);
    const second = await call('GET', `/api/admin/changes?limit=4&after=${first.body.next}`, admin);
    expect([...first.body.items, ...second.body.items].map((c: Json) => c.id)).toEqual(log.body.items.slice(0, 8).map((c: Json) => c.id));
    expect((await call('GET', '/api/admin/changes?limit=0', admin)).status).toBe(422);
    expect((await call('GET', '/api/admin/changes', 'chutich@hoason.gov.test')).status).toBe(403);
  });
});

describe('service accounts and their API tokens', () => {
  const account = { email: 'cong-dvc@hoason.gov.test', name: 'Cổng dịch vụ công tỉnh', role: 'AGENCY_OFFICER', unitCode: 'HS', organisationCode: 'HS-SNNMT' };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const asToken = (token: string, method: string, path: string, body?: unknown) => call(method, path, undefined, body, bearer(token));
  let accountId = '';

  it('creates a service account that cannot log in, and issues tokens to service accounts only, with an expiry', async () => {
    const created = await call('POST', '/api/admin/service-accounts', admin, account);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: account.email, name: account.name, role: 'AGENCY_OFFICER', tokens: [] });
    expect(created.body).not.toHaveProperty('passwordHash');
    accountId = created.body.id;
    expect((await call('POST', '/api/admin/service-accounts', admin, account)).status).toBe(409);
    expect((await call('POST', '/api/admin/service-accounts', admin, { ...account, email: 'x@hoason.gov.test', role: 'ADMINISTRATOR' })).body.fields[0].field).toBe('role');
    expect((await call('GET', '/api/admin/service-accounts', admin)).body.map((a: Json) => a.email)).toContain(account.email);
    expect((await call('GET', '/api/admin/users', admin)).body.map((u: Json) => u.email)).not.toContain(account.email);
    // No password works, and the answer is the ordinary one.
    for (const password of ['', 'x', DEMO_PASSWORD]) {
      const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password }) });
      expect([401, 422]).toContain(res.status);
    }
    const wrong = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: DEMO_PASSWORD }) });
    expect(await wrong.json()).toMatchObject({ code: 'invalid_credentials' });
    // Nor can an administrator give it one through the users' endpoint.
    expect((await call('PATCH', `/api/admin/users/${accountId}`, admin, { password: 'mot-mat-khau-rat-dai' })).status).toBe(404);

    const person = (await call('GET', '/api/admin/users', admin)).body.find((u: Json) => u.email === 'canbo.snnmt@hoason.gov.test');
    const forPerson = await call('POST', '/api/admin/api-tokens', admin, { name: 'Thử', serviceAccountId: person.id });
    expect(forPerson.status).toBe(422);
    expect(forPerson.body.fields[0].field).toBe('serviceAccountId');
    const tooLong = new Date(Date.now() + 400 * 86_400_000).toISOString();
    expect((await call('POST', '/api/admin/api-tokens', admin, { name: 'Thử', serviceAccountId: accountId, expiresAt: tooLong })).body.fields[0].field).toBe('expiresAt');
    expect((await call('POST', '/api/admin/api-tokens', admin, { name: 'Thử', serviceAccountId: accountId, expiresAt: new Date(Date.now() - 1000).toISOString() })).status).toBe(422);

    const issued = await call('POST', '/api/admin/api-tokens', admin, { name: 'Kết nối cổng DVC', serviceAccountId: accountId });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^pat_[\w-]{40,}$/);
    const days = (new Date(issued.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThanOrEqual(90);
    const listed = await call('GET', '/api/admin/api-tokens', admin);
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);
    expect(listed.body[0]).toMatchObject({ id: issued.body.id, name: 'Kết nối cổng DVC', serviceAccount: account.email, createdBy: admin, revokedAt: null, expiresAt: issued.body.expiresAt });
  });

  it('acts with the account’s own role and scope, and records the token on every case event it causes', async () => {
    const { body: { id: tokenId, token } } = await call('POST', '/api/admin/api-tokens', admin, { name: 'Đồng bộ hồ sơ', serviceAccountId: accountId });
    expect((await asToken(token, 'GET', '/api/auth/me')).body.user).toMatchObject({ email: account.email, role: 'AGENCY_OFFICER' });
    expect((await asToken(token, 'GET', '/api/admin/users')).status).toBe(403);
    const { id } = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS' });
    expect((await asToken(token, 'POST', `/api/cases/${id}/actions/accept`, {})).body.status).toBe('ACCEPTED');
    expect((await asToken(token, 'POST', `/api/cases/${id}/actions/requestInfo`, { reason: 'Cần sổ đỏ' })).body.status).toBe('AWAITING_INFO');
    const events = await sys.db.caseEvent.findMany({ where: { caseId: id }, orderBy: { at: 'asc' } });
    const byToken = events.filter((e) => e.tokenId === tokenId);
    expect(byToken.map((e) => e.type).sort()).toEqual(['accepted', 'deadline_pause', 'deadline_start', 'info_requested']);
    expect(byToken.every((e) => e.actor === account.email)).toBe(true);
    expect(events.filter((e) => e.actor === account.email && e.tokenId !== tokenId)).toEqual([]);
    expect(events.find((e) => e.type === 'received')?.tokenId).toBeNull();
  });

  it('refuses an expired or revoked token, and a token whose owner is a person', async () => {
    const issue = async () => (await call('POST', '/api/admin/api-tokens', admin, { name: 'Tạm', serviceAccountId: accountId })).body as { id: string; token: string };
    const expired = await issue();
    expect((await asToken(expired.token, 'GET', '/api/inbox')).status).toBe(200);
    await sys.db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await asToken(expired.token, 'GET', '/api/inbox')).status).toBe(401);

    const revoked = await issue();
    expect((await call('DELETE', `/api/admin/api-tokens/${revoked.id}`, admin)).status).toBe(204);
    expect((await call('DELETE', `/api/admin/api-tokens/${revoked.id}`, admin)).status).toBe(404);
    expect((await asToken(revoked.token, 'GET', '/api/inbox')).status).toBe(401);

    // A token issued to a person before service accounts existed acts as nobody.
    const person = await sys.db.user.findUniqueOrThrow({ where: { email: 'canbo.snnmt@hoason.gov.test' } });
    const legacy = 'pat_legacy-token-of-a-person-0123456789abcdef';
    await sys.db.apiToken.create({ data: { name: 'Cũ', userId: person.id, createdBy: admin, tokenHash: createHash('sha256').update(legacy).digest('hex'), expiresAt: new Date(Date.now() + 86_400_000) } });
    expect((await asToken(legacy, 'GET', '/api/inbox')).status).toBe(401);
  });

  it('revokes an account’s tokens when its role changes, and a person’s on a password or role change', async () => {
    const { body: { token } } = await call('POST', '/api/admin/api-tokens', admin, { name: 'Trước khi đổi vai trò', serviceAccountId: accountId });
    expect((await asToken(token, 'GET', '/api/inbox')).status).toBe(200);
    const renamed = await call('PATCH', `/api/admin/service-accounts/${accountId}`, admin, { name: 'Cổng DVC (mới)' });
    expect(renamed.body.name).toBe('Cổng DVC (mới)');
    expect((await asToken(token, 'GET', '/api/inbox')).status).toBe(200);
    const changed = await call('PATCH', `/api/admin/service-accounts/${accountId}`, admin, { role: 'RECEPTION_OFFICER' });
    expect(changed.body.role).toBe('RECEPTION_OFFICER');
    expect((await asToken(token, 'GET', '/api/inbox')).status).toBe(401);
    expect((await sys.db.apiToken.findMany({ where: { userId: accountId, revokedAt: null } }))).toEqual([]);
    const fresh = (await call('POST', '/api/admin/api-tokens', admin, { name: 'Sau khi đổi vai trò', serviceAccountId: accountId })).body.token as string;
    const me = (await asToken(fresh, 'GET', '/api/auth/me')).body.user;
    expect(me.role).toBe('RECEPTION_OFFICER');
    // As reception now, it records a session's opinions: each new case's first event carries the token.
    const session = await asToken(fresh, 'POST', '/api/sessions', { unitCode: 'HS', heldOn: '2026-11-20T08:00:00+07:00', kind: 'PERIODIC', chairName: 'Đinh Văn Bình', chairTitle: 'Chủ tịch UBND', chairedByHead: true, attendees: 40 });
    expect(session.status).toBe(201);
    const added = await asToken(fresh, 'POST', `/api/sessions/${session.body.id}/opinions`, { opinions: [{ categoryCode: 'giao-duc', title: 'Trường học xuống cấp', content: 'Phòng học dột nát.' }] });
    expect(added.status).toBe(201);
    expect((await sys.db.caseEvent.findFirstOrThrow({ where: { caseId: added.body.caseIds[0], type: 'received' } })).tokenId).toBe(me.tokenId);

    const person = await sys.db.user.findUniqueOrThrow({ where: { email: 'canbo.lamson@hoason.gov.test' } });
    const legacy = () => sys.db.apiToken.create({ data: { name: 'Cũ', userId: person.id, createdBy: admin, tokenHash: `h-${Math.random()}`, expiresAt: new Date(Date.now() + 86_400_000) } });
    const first = await legacy();
    expect((await call('PATCH', `/api/admin/users/${person.id}`, admin, { password: 'mot-mat-khau-khac-rat-dai' })).status).toBe(200);
    expect((await sys.db.apiToken.findUniqueOrThrow({ where: { id: first.id } })).revokedAt).not.toBeNull();
    const second = await legacy();
    expect((await call('PATCH', `/api/admin/users/${person.id}`, admin, { role: 'AGENCY_OFFICER' })).status).toBe(200);
    expect((await sys.db.apiToken.findUniqueOrThrow({ where: { id: second.id } })).revokedAt).not.toBeNull();
  });

  it('logs every accepted change to accounts and tokens, never the token', async () => {
    const log = await call('GET', `/api/admin/changes?target=${account.email}`, admin);
    expect(log.body.items.map((c: Json) => c.action)).toEqual([
      'api_token.issued', 'service_account.changed', 'service_account.changed', 'api_token.issued',
      'api_token.revoked', 'api_token.issued', 'api_token.issued', 'api_token.issued', 'api_token.issued', 'service_account.created',
    ]);
    expect(log.body.items.find((c: Json) => c.action === 'service_account.changed').data).toEqual({ role: 'RECEPTION_OFFICER', tokensRevoked: 4 });
    expect(JSON.stringify(log.body)).not.toMatch(/pat_|tokenHash|passwordHash/);
  });
});

describe('remaining endpoints, happy paths', () => {
  it('lists and edits reference data, lists policies, and reports readiness', async () => {
    const orgs = await call('GET', '/api/admin/organisations', admin);
    expect(orgs.body.find((o: Json) => o.code === 'HS-UBND')).toMatchObject({ kind: 'PEOPLES_COMMITTEE', headName: 'Nguyễn Văn Thành' });
    expect((await call('PATCH', '/api/admin/organisations/HS-SYT', admin, { headName: 'Bùi Thị Ngọc Anh' })).body.headName).toBe('Bùi Thị Ngọc Anh');
    expect((await call('GET', '/api/admin/categories', admin)).body.map((c: Json) => c.code)).toContain('dat-dai');
    expect((await call('PATCH', '/api/admin/categories/khac', admin, { nameEn: 'Other matters' })).body.nameEn).toBe('Other matters');
    expect((await call('PATCH', '/api/admin/units/HS-X-YENPHONG', admin, { remoteArea: true })).body.remoteArea).toBe(true);
    expect((await call('PATCH', '/api/admin/units/NOPE', admin, { remoteArea: true })).status).toBe(404);
    const rules = await call('GET', '/api/admin/routing-rules', admin);
    expect(rules.body).toContainEqual(expect.objectContaining({ categoryCode: 'can-bo', unitCode: 'HS', caseType: 'DENUNCIATION', agencyCode: 'HS-TT' }));
    const policies = await call('GET', '/api/admin/clock-policies', admin);
    expect(policies.body.builtIn.map((v: Json) => [v.version, Boolean(v.complaintProcedure)])).toEqual([['2025-07-01', false], ['2026-07-01', true]]);
    expect(policies.body.versions.map((v: Json) => v.version)).toContain('test-admin');
    expect((await call('GET', '/api/admin/users', admin)).body.every((u: Json) => !('passwordHash' in u))).toBe(true);
    const ready = await call('GET', '/api/ready');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ready', database: 'ok', temporal: 'ok' } });
    expect((await call('GET', '/api/health')).body).toEqual({ status: 'ok' });
  });
});
