import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

const policy = testPolicy('test-oversight', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 600, 600), COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 1, 600), SESSION_OPINION: secondsRule('SESSION_OPINION', 600, 600) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(600) },
  sessionNotice: { limit: seconds(600), basis: 'Quy định 11-QĐi/TW' },
  recommendationResponse: { limit: seconds(2), basis: 'test' },
  ratingWindow: seconds(600),
});

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
});
afterAll(async () => {
  await sys?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const cookies = new Map<string, string>();
async function call(method: string, path: string, who?: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
  if (who && !cookies.has(who)) {
    const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who, password: DEMO_PASSWORD }) });
    cookies.set(who, res.headers.get('set-cookie')!.split(';')[0]!);
  }
  const res = await fetch(`${sys.baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(who ? { cookie: cookies.get(who)! } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

const head = 'chutich@hoason.gov.test';
const reception = 'tiepnhan@hoason.gov.test';
const front = 'mttq@hoason.gov.test';
const officer = 'canbo.snnmt@hoason.gov.test';
const admin = 'quantri@hoason.gov.test';

describe('dialogue sessions over HTTP', () => {
  it('records a session once per key, takes its opinions, and lets only the head conclude', async () => {
    const session = { unitCode: 'HS-X-YENPHONG', heldOn: '2026-11-20T08:00:00+07:00', kind: 'PERIODIC', chairName: 'Đinh Văn Bình', chairTitle: 'Chủ tịch UBND xã', chairedByHead: true, attendees: 120 };
    const key = { 'idempotency-key': `session-${crypto.randomUUID()}` };
    const created = await call('POST', '/api/sessions', reception, session, key);
    expect(created.status).toBe(201);
    expect((await call('POST', '/api/sessions', reception, session, key)).body.id).toBe(created.body.id);
    expect((await call('POST', '/api/sessions', front, session)).status).toBe(403);
    expect((await call('POST', '/api/sessions', reception, { ...session, attendees: -1 })).status).toBe(422);
    const id = created.body.id as string;

    const unknown = await call('POST', `/api/sessions/${id}/opinions`, reception, { opinions: [{ categoryCode: 'khong-co', title: 't', content: 'c' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.fields[0].field).toBe('opinions.categoryCode');
    const added = await call('POST', `/api/sessions/${id}/opinions`, reception, {
      opinions: [
        { categoryCode: 'giao-duc', title: 'Trường học xuống cấp', content: 'Phòng học điểm trường Nà Pục dột nát.' },
        { categoryCode: 'y-te', title: 'Thiếu bác sĩ', content: 'Trạm y tế chỉ có một y sĩ.', citizenName: 'Hà Thị Lụa' },
      ],
    });
    expect(added.status).toBe(201);
    expect(added.body.caseIds).toHaveLength(2);

    expect((await call('POST', `/api/sessions/${id}/conclude`, reception, { conclusion: 'x' })).status).toBe(403);
    expect((await call('POST', `/api/sessions/${id}/conclude`, head, { conclusion: 'Giao UBND xã giải quyết trong 30 ngày.' })).status).toBe(200);
    const again = await call('POST', `/api/sessions/${id}/conclude`, head, { conclusion: 'lần nữa' });
    expect(again).toMatchObject({ status: 409, body: { code: 'action_not_allowed' } });

    const viewed = await call('GET', `/api/sessions/${id}`, front);
    expect(viewed.status).toBe(200);
    expect(viewed.body).toMatchObject({ status: 'CONCLUDED', attendees: 120, chairedByHead: true, kind: 'PERIODIC' });
    expect(viewed.body.cases).toHaveLength(2);
    expect(viewed.body.noticeDeadline.legalBasis).toBe('Quy định 11-QĐi/TW');
    expect((await call('GET', `/api/sessions/${id}`, officer)).status).toBe(403);
    expect((await call('GET', `/api/sessions/${crypto.randomUUID()}`, front)).status).toBe(404);
  });
});

describe('case history', () => {
  it('merges the audit trail with the Temporal history for administrators, with a Web UI link', async () => {
    const { id, handle } = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS' });
    await call('POST', `/api/cases/${id}/actions/accept`, officer, {});
    const history = await call('GET', `/api/cases/${id}/history`, admin);
    expect(history.status).toBe(200);
    const types = history.body.timeline.map((e: Json) => `${e.source}:${e.type}`);
    expect(types).toEqual(expect.arrayContaining(['audit:received', 'audit:assigned', 'audit:accepted', 'temporal:WORKFLOW_EXECUTION_STARTED', 'temporal:ACTIVITY_TASK_SCHEDULED', 'temporal:TIMER_STARTED', 'temporal:WORKFLOW_EXECUTION_UPDATE_ACCEPTED']));
    const ats = history.body.timeline.map((e: Json) => e.at);
    expect(ats).toEqual([...ats].sort());
    expect(history.body.timeline.find((e: Json) => e.type === 'ACTIVITY_TASK_SCHEDULED').detail).toMatch(/^activity /);
    expect(history.body.temporalUiUrl).toBe(`http://127.0.0.1:8233/namespaces/default/workflows/${handle.workflowId}`);
    expect(history.body.deadlines.resolution.legalBasis).toBeTruthy();
    expect((await call('GET', `/api/cases/${id}/history`, officer)).status).toBe(403);
    expect((await call('GET', `/api/cases/${id}/history`, front)).status).toBe(403);
  });
});

describe('escalations and supervision', () => {
  it('shows heads their overdue cases and pending extension requests, and the Front its board, without identities', async () => {
    const late = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS-X-BANGVAN', petitioner: { fullName: 'Nông Văn Kim', address: 'Bằng Vân' } });
    const slow = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS' });
    await call('POST', `/api/cases/${slow.id}/actions/accept`, officer, {});
    await call('POST', `/api/cases/${slow.id}/actions/requestExtension`, officer, { reason: 'Chờ trích đo địa chính' });

    const escalations = await eventually(async () => {
      const res = await call('GET', '/api/escalations', head);
      expect(res.body.overdue.map((c: Json) => c.id)).toContain(late.id);
      expect(res.body.recentEscalations.map((e: Json) => e.caseId)).toContain(late.id);
      return res.body;
    });
    expect(escalations.extensionRequests).toEqual([expect.objectContaining({ caseId: slow.id, reason: 'Chờ trích đo địa chính', requestedBy: officer })]);
    expect((await call('GET', '/api/escalations', officer)).status).toBe(403);

    const board = await call('GET', '/api/supervision', front);
    expect(board.status).toBe(200);
    expect(board.body.overdue.map((c: Json) => c.id)).toContain(late.id);
    expect(JSON.stringify(board.body)).not.toContain('Nông Văn Kim');
    expect((await call('GET', '/api/supervision', officer)).status).toBe(403);
    expect((await call('GET', '/api/supervision')).status).toBe(401);
  });
});

describe('supervision recommendations', () => {
  it('the Front records one on a case, it has its own clock and ladder, and the head answers it', async () => {
    const { id: caseId } = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS' });
    const content = 'Đề nghị UBND tỉnh chỉ đạo giải quyết dứt điểm vụ việc lấn chiếm đất công.';
    expect((await call('POST', '/api/supervision/recommendations', officer, { content })).status).toBe(403);
    expect((await call('POST', '/api/supervision/recommendations', head, { content })).status).toBe(403);
    expect((await call('POST', '/api/supervision/recommendations', front, { content, caseId: crypto.randomUUID() })).body.fields[0].field).toBe('caseId');
    const created = await call('POST', '/api/supervision/recommendations', front, { content, caseId });
    expect(created.status).toBe(201);

    const headMail = 'truong.hs-ubnd@hoason.gov.test';
    const frontMail = 'truong.hs-mttq@hoason.gov.test';
    const about = (to: string) => sys.smtp.to(to).filter((m) => m.text.includes('lấn chiếm đất công') || m.subject.includes('lấn chiếm đất công'));
    await eventually(() => {
      expect(about(headMail).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('Kiến nghị giám sát của Mặt trận'), expect.stringContaining('Quá hạn')]));
      expect(about(frontMail).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('Thông báo quá hạn')]));
    }, 15_000);
    const listed = await call('GET', '/api/supervision/recommendations', head);
    expect(listed.body.find((r: Json) => r.id === created.body.id)).toMatchObject({ status: 'OPEN', overdue: true, caseId });

    expect((await call('POST', `/api/supervision/recommendations/${created.body.id}/respond`, front, { response: 'x' })).status).toBe(403);
    const answered = await call('POST', `/api/supervision/recommendations/${created.body.id}/respond`, head, { response: 'Đã giao Sở NN&MT cưỡng chế tháo dỡ trong 15 ngày.' });
    expect(answered.status).toBe(200);
    expect((await call('POST', `/api/supervision/recommendations/${created.body.id}/respond`, head, { response: 'lần nữa' })).status).toBe(409);
    await eventually(() => expect(sys.smtp.to(frontMail).map((m) => m.text).join()).toContain('Đã giao Sở NN&MT cưỡng chế tháo dỡ trong 15 ngày.'));
    const row = await sys.db.supervisionRecommendation.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row).toMatchObject({ status: 'RESPONDED', respondedBy: head, createdBy: front });
  });
});
