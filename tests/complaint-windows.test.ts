import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_POLICY } from '../domain/legal-clock';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { caseUpdates } from '../workflows/case-messages';
import { caseRow, mailsFor, petitioner, submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

// The appeal window in seconds; the rating window shorter still, to show it no longer closes a first complaint.
const policy = testPolicy('test-complaint-windows', {
  rules: { COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 600, 600) },
  ratingWindow: seconds(1),
  complaintWindows: { ...DEFAULT_CLOCK_POLICY.complaintWindows!, appeal: { limit: seconds(4), remoteLimit: seconds(4), basis: 'Luật Khiếu nại 2011, Điều 33 và Điều 44' } },
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
let cookie = '';
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sys.baseUrl}${path}`, { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Json };
}
/** As the demo officer of Sở NN&MT, to which a province's land complaints go. */
async function asOfficer(method: string, path: string, body?: unknown) {
  if (!cookie) {
    const res = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'canbo.snnmt@hoason.gov.test', password: DEMO_PASSWORD }) });
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  }
  return call(method, path, body, { cookie });
}
const officer = { actor: 'canbo.snnmt@hoason.gov.test' };
const landComplaint = { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS' };
/** A Vietnam date `days` from today, YYYY-MM-DD. */
const vnDate = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('the window to appeal a first decision (Complaints Law 2011 art. 33, 44)', () => {
  it('closes an unappealed first complaint as taken effect, tells the complainant, and refuses a late appeal with the date', async () => {
    const { handle, id, trackingCode, secret } = await submitCase(sys, landComplaint);
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    const answered = await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Giữ nguyên quyết định thu hồi đất.' }] });
    expect(answered.appealDueAt).toEqual(expect.any(String));

    // Whom to appeal to and until when, on the citizen's page.
    const tracked = await call('GET', `/api/track/${trackingCode}`);
    expect(tracked.body).toMatchObject({ appealDueAt: answered.appealDueAt, secondComplaint: { to: 'Chủ tịch UBND tỉnh Hòa Sơn', basis: 'Luật Khiếu nại 2011, Điều 21 khoản 2' } });
    const staffView = await asOfficer('GET', `/api/cases/${id}`);
    expect(staffView.body.deadlines.appeal_window).toMatchObject({ legalBasis: 'Luật Khiếu nại 2011, Điều 33 và Điều 44', dueAt: answered.appealDueAt });

    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'TOOK_EFFECT' });
    const closed = await sys.db.caseEvent.findFirstOrThrow({ where: { caseId: id, type: 'closed' } });
    expect(closed.reason).toMatch(/quyết định giải quyết khiếu nại lần đầu có hiệu lực pháp luật \(Luật Khiếu nại 2011, Điều 44\)/);
    await eventually(() => expect(mailsFor(sys, trackingCode, petitioner.email).map((m) => m.text).join('\n')).toContain('Điều 44'));

    const late = await call('POST', `/api/track/${trackingCode}/actions/appeal`, { reason: 'Không đồng ý.' }, { 'x-case-secret': secret });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'appeal_window_closed', detail: expect.stringMatching(/^Đã hết thời hạn khiếu nại lần hai lúc \d\d\/\d\d\/\d{4} \d\d:\d\d .*Điều 44\) \/ the time for a second complaint ended/) });
    expect(await sys.db.case.count({ where: { linkedFromId: id } })).toBe(0);
    expect((await caseRow(sys, id)).outcome).toBe('TOOK_EFFECT');
  });
});

describe('the window to lodge a complaint (Complaints Law 2011 art. 9)', () => {
  it('records when the complainant learned of the decision and lets the agency refuse a late complaint with the dates', async () => {
    const late = await submitCase(sys, { ...landComplaint, learnedOfDecisionOn: vnDate(-200), obstacle: { days: 20, reason: 'Điều trị tại bệnh viện tỉnh' } });
    const view = await asOfficer('GET', `/api/cases/${late.id}`);
    expect(view.body.filingWindow).toMatchObject({ learnedOn: vnDate(-200), obstacleDays: 20, limitDays: 90, late: true, explanation: { vi: expect.stringContaining('cộng 20 ngày (Điều trị tại bệnh viện tỉnh)') } });
    expect(view.body.actionForms.refuse.properties.refusalGround).toMatchObject({ enum: ['FILING_WINDOW_PASSED'] });
    // The tracking page (the code alone opens it) shows the dates, not what the obstacle was.
    const tracked = await call('GET', `/api/track/${late.trackingCode}`);
    expect(tracked.body.filingWindow).toEqual({ learnedOn: vnDate(-200), obstacleDays: 20, limitDays: 90, endsAt: view.body.filingWindow.endsAt, late: true });

    const refused = await asOfficer('POST', `/api/cases/${late.id}/actions/refuse`, { refusalGround: 'FILING_WINDOW_PASSED' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'CLOSED', outcome: 'REFUSED' });
    const reason = (await sys.db.caseEvent.findFirstOrThrow({ where: { caseId: late.id, type: 'closed' } })).reason!;
    expect(reason).toMatch(/^Không thụ lý vì đã hết thời hiệu khiếu nại \(Luật Khiếu nại 2011, Điều 11\): biết quyết định .+, thời hiệu 90 ngày cộng 20 ngày trở ngại khách quan hết lúc \d\d\/\d\d\/\d{4} 23:59, đơn nhận lúc/);
    await eventually(() => expect(mailsFor(sys, late.trackingCode, petitioner.email).map((m) => m.text).join('\n')).toContain('hết thời hiệu khiếu nại'));
  });

  it('does not let the agency refuse a complaint lodged in time on that ground', async () => {
    const inTime = await submitCase(sys, { ...landComplaint, learnedOfDecisionOn: vnDate(-1) });
    const refused = await asOfficer('POST', `/api/cases/${inTime.id}/actions/refuse`, { refusalGround: 'FILING_WINDOW_PASSED' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'action_not_allowed', detail: expect.stringMatching(/Đơn được gửi trong thời hiệu \(hết lúc .+\) \/ the complaint was lodged in time/) } });
    expect((await caseRow(sys, inTime.id)).status).toBe('ASSIGNED');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a day in the future', { ...landComplaint, learnedOfDecisionOn: vnDate(1) }, 'learnedOfDecisionOn'],
    ['a day that does not exist', { ...landComplaint, learnedOfDecisionOn: '2026-02-30' }, 'learnedOfDecisionOn'],
    ['an obstacle without the day it delays', { ...landComplaint, obstacle: { days: 5, reason: 'Lũ lụt' } }, 'learnedOfDecisionOn'],
    ['a feedback, which has no such window', { type: 'FEEDBACK', categoryCode: 'dat-dai', unitCode: 'HS', learnedOfDecisionOn: vnDate(-3) }, 'learnedOfDecisionOn'],
  ])('refuses %s (422 on the field), storing nothing', async (_what, body, field) => {
    const before = await sys.db.case.count();
    const res = await call('POST', '/api/petitions', { title: 'Khiếu nại', content: 'Nội dung', petitioner, ...body });
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await sys.db.case.count()).toBe(before);
  });
});
