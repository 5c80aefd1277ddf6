import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../infra/passwords';
import { newTrackingCode } from '../infra/tracking-code';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import type { CaseOutcome, CaseStatus } from '../prisma/generated/client';
import { testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

let sys: TestSystem;

type Opinion = { status: CaseStatus; outcome?: CaseOutcome; answered?: boolean };
const open: Opinion = { status: 'ACCEPTED' };
const answered: Opinion = { status: 'ANSWERED', answered: true };
const resolved: Opinion = { status: 'CLOSED', outcome: 'RESOLVED', answered: true };

/** A seeded scenario (2025) whose figures are worked out by hand below. */
const SESSIONS = [
  { unit: 'HS', heldOn: '2025-03-31T23:30:00+07:00', kind: 'PERIODIC', attendees: 500, opinions: [open] }, // Q1, by half an hour
  { unit: 'HS', heldOn: '2025-04-10T08:00:00+07:00', kind: 'PERIODIC', attendees: 150, opinions: [answered, answered, resolved, open] },
  { unit: 'HS', heldOn: '2025-05-20T08:00:00+07:00', kind: 'THEMATIC', attendees: 80, opinions: [resolved, resolved] },
  { unit: 'HS-LT', heldOn: '2025-06-05T08:00:00+07:00', kind: 'PERIODIC', attendees: 60, opinions: [{ status: 'CLOSED', outcome: 'GUIDED' }, { status: 'CLOSED', outcome: 'WITHDRAWN' }, open] },
  { unit: 'HS-X-BANGVAN', heldOn: '2025-04-01T00:30:00+07:00', kind: 'PERIODIC', attendees: 45, opinions: [answered, resolved] }, // Q2, by half an hour
  { unit: 'HS-X-BANGVAN', heldOn: '2025-07-15T08:00:00+07:00', kind: 'THEMATIC', attendees: 30, opinions: [open] },
] as const;

async function insertCase(data: { unitId: string; categoryId: string; sessionId?: string; status: CaseStatus; outcome?: CaseOutcome; answered?: boolean; agencyId?: string; firstStepDueAt?: Date }) {
  const id = crypto.randomUUID();
  await sys.db.case.create({
    data: {
      id, trackingCode: newTrackingCode(), idempotencyKey: id, requestHash: 'seed', type: data.sessionId ? 'SESSION_OPINION' : 'FEEDBACK', title: 'Ý kiến', content: 'Nội dung',
      categoryId: data.categoryId, unitId: data.unitId, sessionId: data.sessionId, agencyId: data.agencyId, status: data.status, outcome: data.outcome ?? null,
      answeredAt: data.answered ? new Date('2025-08-01T00:00:00Z') : null, firstStepDueAt: data.firstStepDueAt, receivedAt: new Date('2025-04-01T00:00:00Z'),
      policyVersion: '2025-07-01', workflowId: `case-${id}`, petitioner: { create: { fullName: 'Người dân' } },
    },
  });
}

beforeAll(async () => {
  sys = await startSystem({ clockPolicy: testPolicy('test-reports', {}) });
  const category = await sys.db.category.findUniqueOrThrow({ where: { code: 'dat-dai' } });
  for (const s of SESSIONS) {
    const unit = await sys.db.unit.findUniqueOrThrow({ where: { code: s.unit } });
    const id = crypto.randomUUID();
    await sys.db.dialogueSession.create({ data: { id, unitId: unit.id, heldOn: new Date(s.heldOn), kind: s.kind, chairName: 'Chủ tọa', chairTitle: 'Chủ tịch UBND', chairedByHead: true, attendees: s.attendees, workflowId: `session-${id}` } });
    for (const o of s.opinions) await insertCase({ unitId: unit.id, categoryId: category.id, sessionId: id, ...o });
  }
  const agency = await sys.db.organisation.findUniqueOrThrow({ where: { code: 'HS-SNNMT' } });
  const past = new Date(Date.now() - 86_400_000);
  const future = new Date(Date.now() + 86_400_000);
  for (const due of [past, past, future]) await insertCase({ unitId: agency.unitId, categoryId: category.id, status: 'ASSIGNED', agencyId: agency.id, firstStepDueAt: due });
  const commune = await sys.db.unit.findUniqueOrThrow({ where: { code: 'HS-X-BANGVAN' } });
  await sys.db.user.create({ data: { email: 'mttq.bangvan@hoason.gov.test', fullName: 'Lục Thị Nga', role: 'FRONT_SUPERVISOR', unitId: commune.id, passwordHash: await hashPassword(DEMO_PASSWORD) } });
});
afterAll(async () => {
  await sys?.stop();
});

async function get(path: string, email?: string) {
  const headers: Record<string, string> = {};
  if (email) {
    const login = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    headers.cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  }
  return fetch(`${sys.baseUrl}${path}`, { headers });
}

const figures = (rows: Array<Record<string, unknown>>) => rows.map((r) => [r.level, r.sessions, r.periodic, r.thematic, r.attendees, r.opinions, r.resolved, r.resolvedShare]);

describe('dialogue statistics', () => {
  it('counts the second quarter of 2025 by level, in Vietnam time', async () => {
    const res = await get('/api/reports/dialogue?year=2025&period=quarterly&index=2', 'chutich@hoason.gov.test');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { period: string; rows: Array<Record<string, unknown>> };
    expect(body.period).toBe('Quý II/2025');
    expect(figures(body.rows)).toEqual([
      ['PROVINCE', 2, 1, 1, 230, 6, 5, 0.8333],
      ['DISTRICT', 1, 1, 0, 60, 3, 1, 0.3333],
      ['COMMUNE', 1, 1, 0, 45, 2, 2, 1],
      ['TOTAL', 4, 3, 1, 335, 11, 8, 0.7273],
    ]);
  });

  it('accumulates the year, and gives the same figures as CSV', async () => {
    const res = await get('/api/reports/dialogue?year=2025&period=annual&format=csv', 'quantri@hoason.gov.test');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('doi-thoai-2025-annual-1.csv');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('level,label,sessions,periodic,thematic,attendees,opinions,resolved,resolvedShare');
    expect(lines).toContain('PROVINCE,Cấp tỉnh,3,2,1,730,7,5,0.7143');
    expect(lines).toContain('COMMUNE,Cấp xã,2,1,1,75,3,2,0.6667');
    expect(lines).toContain('TOTAL,Tổng cộng,6,4,2,865,13,8,0.6154');
  });

  it('limits a commune’s Front to its commune, and refuses agency officers and bad periods', async () => {
    const res = await get('/api/reports/dialogue?year=2025&period=6-month', 'mttq.bangvan@hoason.gov.test');
    const rows = ((await res.json()) as { rows: Array<Record<string, unknown>> }).rows;
    expect(figures(rows).at(-1)).toEqual(['TOTAL', 1, 1, 0, 45, 2, 2, 1]);
    expect((await get('/api/reports/dialogue?year=2025&period=annual', 'canbo.snnmt@hoason.gov.test')).status).toBe(403);
    expect((await get('/api/reports/dialogue?year=2025&period=quarterly&index=5', 'quantri@hoason.gov.test')).status).toBe(422);
    expect((await get('/api/reports/dialogue?year=2025&period=weekly', 'quantri@hoason.gov.test')).status).toBe(422);
    expect((await get('/api/reports/dialogue?year=2025&period=annual')).status).toBe(401);
  });
});

describe('overdue by agency', () => {
  it('counts open and overdue cases per agency, as JSON and CSV', async () => {
    const json = (await (await get('/api/reports/overdue', 'chutich@hoason.gov.test')).json()) as { rows: Array<Record<string, unknown>> };
    expect(json.rows).toContainEqual({ agency: 'Sở Nông nghiệp và Môi trường', unit: 'Tỉnh Hòa Sơn', open: 3, overdue: 2 });
    const csv = await (await get('/api/reports/overdue?format=csv', 'chutich@hoason.gov.test')).text();
    expect(csv).toContain('Sở Nông nghiệp và Môi trường,Tỉnh Hòa Sơn,3,2');
  });
});
