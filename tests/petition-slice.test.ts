import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondsRule, seconds, testPolicy } from './support/policies';
import { caseWorkflowId } from '../workflows/ids';
import { caseUpdates } from '../workflows/case-messages';
import { eventTypes, rejectionReason } from './support/cases';
import { eventually } from './support/eventually';
import { ADMIN, login } from './support/http';
import { startSystem, type TestSystem } from './support/system';

/** Feedback keeps long limits (no escalation during a test); first complaints escalate within seconds. */
const policy = testPolicy('test-slice', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 600, 600), COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 3, 3) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(600) },
  ratingWindow: seconds(600),
});

const landFeedback = {
  type: 'FEEDBACK',
  categoryCode: 'dat-dai',
  unitCode: 'HS',
  title: 'Lấn chiếm đất công tại tổ 5',
  content: 'Một hộ dân xây tường rào lấn chiếm đất hành lang đường đi chung của tổ 5 từ tháng 9.',
  petitioner: { fullName: 'Nguyễn Thị Hoa', email: 'hoa@example.test', phone: '0912 345 678', address: 'Tổ 5, phường Hòa Sơn' },
};

// Response bodies are asserted field by field; a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const json = (res: Response) => res.json() as Promise<Json>;

let sys: TestSystem;
let admin = '';
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
  admin = await login(sys, ADMIN);
});
afterAll(async () => {
  await sys?.stop();
});

function post(body: unknown, key?: string) {
  return fetch(`${sys.baseUrl}/api/petitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function submit(body: unknown, key?: string): Promise<{ id: string; trackingCode: string }> {
  const res = await post(body, key);
  expect(res.status).toBe(201);
  return (await json(res)) as { id: string; trackingCode: string };
}

const getCase = async (id: string) => json(await fetch(`${sys.baseUrl}/api/petitions/${id}`, { headers: { cookie: admin } }));

describe('intake validation', () => {
  it.each([
    ['missing fields', {}, 422, 'validation_failed'],
    ['malformed JSON', '{"type": "FEEDBACK",', 400, 'invalid_json'],
    ['unknown category', { ...landFeedback, categoryCode: 'khong-co' }, 422, 'validation_failed'],
    ['anonymous complaint', { ...landFeedback, type: 'COMPLAINT_FIRST', anonymous: true, petitioner: undefined }, 422, 'validation_failed'],
    ['unknown field', { ...landFeedback, priority: 'urgent' }, 422, 'validation_failed'],
    ['an accused on feedback', { ...landFeedback, accused: { fullName: 'Phạm Quốc Khánh' } }, 422, 'validation_failed'],
    ['oversized body', { ...landFeedback, content: 'x'.repeat(200_000) }, 413, 'payload_too_large'],
  ])('rejects %s with a clear error and stores nothing', async (_name, body, status, code) => {
    const before = await sys.db.case.count();
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = await json(res);
    expect(problem.code).toBe(code);
    expect(problem.detail).toMatch(/ \/ /); // Vietnamese, then English
    expect(await sys.db.case.count()).toBe(before);
  });

  it('names each invalid field', async () => {
    const res = await post({ ...landFeedback, title: '', categoryCode: 'khong-co', petitioner: { ...landFeedback.petitioner, email: 'not-an-email' } });
    const fields = ((await json(res)).fields as Array<{ field: string }>).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'petitioner.email']));
  });

  it('answers 404 for a case that does not exist, and shows a case by id only to staff', async () => {
    const asAdmin = { headers: { cookie: admin } };
    expect((await fetch(`${sys.baseUrl}/api/petitions/not-a-uuid`, asAdmin)).status).toBe(404);
    expect((await fetch(`${sys.baseUrl}/api/petitions/00000000-0000-4000-8000-000000000000`, asAdmin)).status).toBe(404);
    const { id } = await submit(landFeedback);
    expect((await fetch(`${sys.baseUrl}/api/petitions/${id}`)).status).toBe(401); // the id alone is not enough
    expect((await fetch(`${sys.baseUrl}/api/petitions/${id}`, asAdmin)).status).toBe(200);
  });
});

describe('idempotent submission', () => {
  it('gives one case and one workflow for the same key', async () => {
    const key = `test-${crypto.randomUUID()}`;
    const first = await post(landFeedback, key);
    const second = await post(landFeedback, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const a = await json(first);
    const b = await json(second);
    expect(b.id).toBe(a.id);
    expect(b.trackingCode).toBe(a.trackingCode);
    expect(await sys.db.case.count({ where: { idempotencyKey: { endsWith: `:${key}` } } })).toBe(1);
    await eventually(async () => expect((await sys.client.workflow.count(`WorkflowId = '${caseWorkflowId(a.id)}'`)).count).toBe(1));
  });

  it('refuses a reused key with a different body', async () => {
    const key = `test-${crypto.randomUUID()}`;
    await submit(landFeedback, key);
    const res = await post({ ...landFeedback, title: 'Nội dung khác' }, key);
    expect(res.status).toBe(422);
    expect((await json(res)).code).toBe('idempotency_key_reused');
  });
});

describe('the case workflow', () => {
  it('routes by the rules, emails the agency, and moves through accept and answer', async () => {
    const { id, trackingCode } = await submit(landFeedback);
    const routed = await eventually(async () => {
      const c = await getCase(id);
      expect(c.status).toBe('ASSIGNED');
      return c;
    });
    expect(routed.agency.code).toBe('HS-SNNMT');
    expect(routed.firstStepDueAt).toBeTruthy();
    expect(routed.deadlines.first_step).toMatchObject({ legalBasis: 'Luật Tiếp công dân 2013, Điều 28', inputs: { caseType: 'FEEDBACK', policyVersion: 'test-slice' } });
    expect(routed.deadlines.first_step.history[0].note).toContain('600 giây');

    const [mail] = await eventually(() => {
      const got = sys.smtp.to('hs-snnmt@hoason.gov.test').filter((m) => m.subject.includes(trackingCode));
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail!.subject).toContain(trackingCode);
    expect(mail!.subject).toContain('Giao xử lý');
    expect(mail!.text).toContain('Sở Nông nghiệp và Môi trường được giao xử lý phản ánh, kiến nghị');
    expect(mail!.text).toContain(`http://console.test/cases/${id}`);
    expect(mail!.text).not.toContain('Nguyễn Thị Hoa');
    // The agency's officers get it too, by name.
    const [toOfficer] = await eventually(() => {
      const got = sys.smtp.to('canbo.snnmt@hoason.gov.test').filter((m) => m.subject.includes(trackingCode));
      expect(got).toHaveLength(1);
      return got;
    });
    expect(toOfficer!.text).toContain('Kính gửi Phan Văn Long');

    const handle = sys.client.workflow.getHandle(caseWorkflowId(id));
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.answer, { args: [{ actor: 'officer', answer: 'Đã xử lý' }] }))).toMatch(/not allowed in status ASSIGNED/);
    expect((await getCase(id)).status).toBe('ASSIGNED');

    const accepted = await handle.executeUpdate(caseUpdates.accept, { args: [{ actor: 'canbo.snnmt@hoason.gov.test' }] });
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.resolution?.dueAt).toBeTruthy();
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.accept, { args: [{ actor: 'again' }] }))).toMatch(/not allowed in status ACCEPTED/);

    const answered = await handle.executeUpdate(caseUpdates.answer, { args: [{ actor: 'canbo.snnmt@hoason.gov.test', answer: 'Đã kiểm tra, yêu cầu tháo dỡ tường rào.' }] });
    expect(answered.status).toBe('ANSWERED');
    await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });

    const final = await getCase(id);
    expect(final).toMatchObject({ status: 'CLOSED', answer: 'Đã kiểm tra, yêu cầu tháo dỡ tường rào.' });
    expect(await eventTypes(sys, id)).toEqual(expect.arrayContaining(['received', 'assigned', 'accepted', 'answered', 'notice_sent']));
    expect(sys.smtp.to('truong.hs-ubnd@hoason.gov.test')).toHaveLength(0);
  });

  it('routes to the commune agency when the commune has a rule', async () => {
    const { id } = await submit({ ...landFeedback, unitCode: 'HS-X-BANGVAN' });
    await eventually(async () => expect((await getCase(id)).agency?.code).toBe('HS-X-BANGVAN-PKT'));
  });

  it('emails the head of government and the Front of the unit by name when a deadline passes', async () => {
    const { id, trackingCode } = await submit({ ...landFeedback, type: 'COMPLAINT_FIRST', categoryCode: 'xay-dung', unitCode: 'HS-P-HOASON' });
    const head = 'truong.hs-p-hoason-ubnd@hoason.gov.test';
    const front = 'truong.hs-p-hoason-mttq@hoason.gov.test';
    const [toHead] = await eventually(() => {
      const got = sys.smtp.to(head);
      expect(got).toHaveLength(1);
      return got;
    });
    expect(toHead!.subject).toContain(trackingCode);
    expect(toHead!.text).toContain('Kính gửi đồng chí Chủ tịch UBND Trần Quốc Việt');
    expect(toHead!.text).toContain('quá thời hạn thụ lý');
    const [toFront] = await eventually(() => {
      const got = sys.smtp.to(front);
      expect(got).toHaveLength(1);
      return got;
    });
    expect(toFront!.text).toContain('Chủ tịch Ủy ban MTTQ Đặng Thị Hằng');
    expect(toFront!.text).not.toContain('Nguyễn Thị Hoa');
    await eventually(async () => {
      const overdue = await sys.client.workflow.count(`WorkflowId = '${caseWorkflowId(id)}' AND CaseOverdue = true`);
      expect(overdue.count).toBe(1);
    });

    // Accepting stops the first ladder; the resolution deadline then escalates on its own.
    const handle = sys.client.workflow.getHandle(caseWorkflowId(id));
    await handle.executeUpdate(caseUpdates.accept, { args: [{ actor: 'officer' }] });
    await eventually(() => expect(sys.smtp.to(head).map((m) => m.text).join()).toContain('quá thời hạn giải quyết'));
    await handle.executeUpdate(caseUpdates.answer, { args: [{ actor: 'officer', answer: 'Đã trả lời.' }] });
    await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true }] });
    await handle.result();
    expect(sys.smtp.to(head)).toHaveLength(2);
    expect(sys.smtp.to(front)).toHaveLength(2);
    expect(await eventTypes(sys, id)).toEqual(expect.arrayContaining(['overdue', 'accepted', 'answered']));
  });

  it('leaves a case no rule matches to reception, who assigns it by hand', async () => {
    const { id } = await submit({ ...landFeedback, categoryCode: 'khac' });
    await eventually(async () => expect((await getCase(id)).status).toBe('UNROUTED'));
    await eventually(() => expect(sys.smtp.to('tiepnhan@hoason.gov.test').map((m) => m.subject)).toEqual([expect.stringContaining('Cần phân công xử lý')]));
    const handle = sys.client.workflow.getHandle(caseWorkflowId(id));
    // The update's validator refuses a malformed body; a well-formed id of no agency fails in the activity.
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.assign, { args: [{ actor: 'tiepnhan', agencyId: 'no-such-agency' }] }))).toMatch(/agencyId: Mã cơ quan không hợp lệ/);
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.assign, { args: [{ actor: 'tiepnhan', agencyId: '00000000-0000-4000-8000-000000000000' }] }))).toMatch(/Activity task failed/);
    expect((await getCase(id)).status).toBe('UNROUTED');

    const office = await sys.db.organisation.findUniqueOrThrow({ where: { code: 'HS-VP' } });
    const assigned = await handle.executeUpdate(caseUpdates.assign, { args: [{ actor: 'tiepnhan', agencyId: office.id }] });
    expect(assigned).toMatchObject({ status: 'ASSIGNED', agencyId: office.id });
    expect((await getCase(id)).agency.code).toBe('HS-VP');
    await eventually(() => expect(sys.smtp.to('hs-vp@hoason.gov.test')).toHaveLength(1));
  });
});
