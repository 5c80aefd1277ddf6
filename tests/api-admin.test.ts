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
    await sys.db.user.update({ where: { id: created.body.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    expect((await call('PATCH', `/api/admin/users/${created.body.id}`, admin, { unlock: true })).body.lockedUntil).toBeNull();
  });

  it('issues API tokens that act as their user, shown once, and revokes them', async () => {
    const issued = await call('POST', '/api/admin/api-tokens', admin, { name: 'Cổng dịch vụ công', userEmail: 'canbo.snnmt@hoason.gov.test' });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^pat_[\w-]{40,}$/);
    const bearer = { authorization: `Bearer ${issued.body.token}` };
    expect((await call('GET', '/api/inbox', undefined, undefined, bearer)).status).toBe(200);
    const listed = await call('GET', '/api/admin/api-tokens', admin);
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);
    expect(listed.body[0]).toMatchObject({ name: 'Cổng dịch vụ công', user: 'canbo.snnmt@hoason.gov.test', createdBy: admin });
    expect((await call('DELETE', `/api/admin/api-tokens/${issued.body.id}`, admin)).status).toBe(204);
    expect((await call('GET', '/api/inbox', undefined, undefined, bearer)).status).toBe(401);
  });

  it('logs every accepted change with who, what and when, and never a password or a token', async () => {
    const officer = (await call('GET', '/api/admin/users', admin)).body.find((u: Json) => u.email === 'canbo.lamson@hoason.gov.test');
    expect((await call('PATCH', `/api/admin/users/${officer.id}`, admin, { password: 'mat-khau-moi-rat-dai' })).status).toBe(200);
    const log = await call('GET', '/api/admin/changes?limit=200', admin);
    expect(log.status).toBe(200);
    // Newest first; the refused attempts above (a duplicate unit, bad input) left nothing.
    expect(log.body.items.map((c: Json) => c.action)).toEqual([
      'user.changed',
      'api_token.revoked', 'api_token.issued',
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
    expect(policies.body.builtIn.version).toBe('2025-07-01');
    expect(policies.body.versions.map((v: Json) => v.version)).toContain('test-admin');
    expect((await call('GET', '/api/admin/users', admin)).body.every((u: Json) => !('passwordHash' in u))).toBe(true);
    const ready = await call('GET', '/api/ready');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ready', database: 'ok', temporal: 'ok' } });
    expect((await call('GET', '/api/health')).body).toEqual({ status: 'ok' });
  });
});
