import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../infra/passwords';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { submitCase } from './support/cases';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

let sys: TestSystem;
let caseId = '';
let otherCommuneCaseId = '';
const cookies = new Map<string, string>();

const ROLES = {
  anonymous: '',
  officer: 'canbo.snnmt@hoason.gov.test',
  otherOfficer: 'canbo.sxd@hoason.gov.test',
  head: 'chutich@hoason.gov.test',
  communeHead: 'chutich.yenphong@hoason.gov.test',
  front: 'mttq@hoason.gov.test',
  reception: 'tiepnhan@hoason.gov.test',
  admin: 'quantri@hoason.gov.test',
} as const;
type Who = keyof typeof ROLES;

beforeAll(async () => {
  sys = await startSystem({ clockPolicy: testPolicy('test-matrix', { rules: { FEEDBACK: secondsRule('FEEDBACK', 600, 600) }, ratingWindow: seconds(600) }) });
  const sxd = await sys.db.organisation.findUniqueOrThrow({ where: { code: 'HS-SXD' } });
  const yenPhong = await sys.db.unit.findUniqueOrThrow({ where: { code: 'HS-X-YENPHONG' } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await sys.db.user.create({ data: { email: ROLES.otherOfficer, fullName: 'Lý Văn Tâm', role: 'AGENCY_OFFICER', unitId: sxd.unitId, organisationId: sxd.id, passwordHash } });
  await sys.db.user.create({ data: { email: ROLES.communeHead, fullName: 'Đinh Văn Bình', role: 'HEAD_OF_GOVERNMENT', unitId: yenPhong.id, passwordHash } });
  caseId = (await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS' })).id; // Sở NN&MT, province
  otherCommuneCaseId = (await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS-X-BANGVAN' })).id;
  for (const [who, email] of Object.entries(ROLES)) {
    if (!email) continue;
    const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    cookies.set(who, res.headers.get('set-cookie')!.split(';')[0]!);
  }
});
afterAll(async () => {
  await sys?.stop();
});

async function status(who: Who, method: string, path: string, body?: unknown): Promise<number> {
  const res = await fetch(`${sys.baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookies.has(who) ? { cookie: cookies.get(who)! } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Expected status per role; the action probes use a body the validator refuses, so they change nothing. */
const MATRIX: Array<[string, string, () => string, unknown, Record<Who, number>]> = [
  ['inbox', 'GET', () => '/api/inbox', undefined, { anonymous: 401, officer: 200, otherOfficer: 200, head: 200, communeHead: 200, front: 200, reception: 200, admin: 200 }],
  ['case', 'GET', () => `/api/cases/${caseId}`, undefined, { anonymous: 401, officer: 200, otherOfficer: 404, head: 200, communeHead: 404, front: 200, reception: 200, admin: 200 }],
  ['case in another commune', 'GET', () => `/api/cases/${otherCommuneCaseId}`, undefined, { anonymous: 401, officer: 404, otherOfficer: 404, head: 200, communeHead: 404, front: 200, reception: 200, admin: 200 }],
  ['agency action', 'POST', () => `/api/cases/${caseId}/actions/accept`, { complexity: 'bad' }, { anonymous: 401, officer: 422, otherOfficer: 404, head: 403, communeHead: 404, front: 403, reception: 403, admin: 403 }],
  ['head action', 'POST', () => `/api/cases/${caseId}/actions/decideExtension`, { approved: 'yes' }, { anonymous: 401, officer: 403, otherOfficer: 404, head: 422, communeHead: 404, front: 403, reception: 403, admin: 403 }],
  ['reception action', 'POST', () => `/api/cases/${caseId}/actions/assign`, { agencyId: 'x' }, { anonymous: 401, officer: 403, otherOfficer: 404, head: 403, communeHead: 404, front: 403, reception: 422, admin: 403 }],
  ['identity', 'GET', () => `/api/cases/${caseId}/petitioner`, undefined, { anonymous: 401, officer: 200, otherOfficer: 404, head: 200, communeHead: 404, front: 403, reception: 200, admin: 200 }],
  ['history', 'GET', () => `/api/cases/${caseId}/history`, undefined, { anonymous: 401, officer: 403, otherOfficer: 404, head: 403, communeHead: 404, front: 403, reception: 403, admin: 200 }],
  ['record a session', 'POST', () => '/api/sessions', { unitCode: 'HS' }, { anonymous: 401, officer: 403, otherOfficer: 403, head: 422, communeHead: 422, front: 403, reception: 422, admin: 403 }],
  ['escalations', 'GET', () => '/api/escalations', undefined, { anonymous: 401, officer: 403, otherOfficer: 403, head: 200, communeHead: 200, front: 403, reception: 403, admin: 200 }],
  ['supervision', 'GET', () => '/api/supervision', undefined, { anonymous: 401, officer: 403, otherOfficer: 403, head: 200, communeHead: 200, front: 200, reception: 403, admin: 200 }],
  ['supervision recommendation', 'POST', () => '/api/supervision/recommendations', {}, { anonymous: 401, officer: 403, otherOfficer: 403, head: 403, communeHead: 403, front: 422, reception: 403, admin: 403 }],
  ['recommendations list', 'GET', () => '/api/supervision/recommendations', undefined, { anonymous: 401, officer: 403, otherOfficer: 403, head: 200, communeHead: 200, front: 200, reception: 403, admin: 200 }],
  ['reports', 'GET', () => '/api/reports/overdue', undefined, { anonymous: 401, officer: 403, otherOfficer: 403, head: 200, communeHead: 200, front: 200, reception: 403, admin: 200 }],
  ['administration', 'GET', () => '/api/admin/users', undefined, { anonymous: 401, officer: 403, otherOfficer: 403, head: 403, communeHead: 403, front: 403, reception: 403, admin: 200 }],
];

describe('authorisation matrix', () => {
  it.each(MATRIX)('%s', async (_family, method, path, body, expected) => {
    const actual = Object.fromEntries(await Promise.all((Object.keys(ROLES) as Who[]).map(async (who) => [who, await status(who, method, path(), body)] as const)));
    expect(actual).toEqual(expected);
    expect((await sys.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('ASSIGNED');
  });
});

describe('hostile input', () => {
  const targets = [
    ['POST', '/api/petitions'],
    ['POST', '/api/auth/login'],
    ['POST', '/api/sessions'],
    ['POST', () => `/api/cases/${caseId}/actions/answer`],
    ['POST', '/api/admin/units'],
  ] as const;

  it.each(targets)('%s %s answers 4xx to malformed, oversized and odd input, never 5xx', async (method, target) => {
    const path = typeof target === 'function' ? target() : target;
    const send = async (raw: string, type = 'application/json') =>
      (await fetch(`${sys.baseUrl}${path}`, { method, headers: { 'content-type': type, cookie: cookies.get('admin')! }, body: raw })).status;
    const statuses = [
      await send('{"unterminated": '),
      await send(JSON.stringify({ x: 'y'.repeat(300_000) })),
      await send('[]'),
      await send('null'),
      await send(JSON.stringify({ title: { $gt: '' }, __proto__: { admin: true } })),
      await send('\u0000\u0001binary', 'application/octet-stream'),
    ];
    for (const s of statuses) expect(s).toBeGreaterThanOrEqual(400);
    for (const s of statuses) expect(s).toBeLessThan(500);
  });
});
