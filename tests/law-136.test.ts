import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAW_136_COMPLAINT_PROCEDURE } from '../domain/complaint-procedure';
import type { Deadline } from '../domain/legal-clock';
import { policyByVersion, policyEffectiveAt, storePolicy } from '../infra/clock-config';
import { DEMO_PASSWORD } from '../prisma/demo-province';
import { caseUpdates } from '../workflows/case-messages';
import { caseRow, eventTypes, mailsFor, submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

/** Limits in seconds, so a due date can be checked to the millisecond; the version in force before Law 136. */
const before = testPolicy('test-before-law-136', { rules: { COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 600, 600) } });
const officer = { actor: 'canbo@hoason.gov.test' };
const complaint = { type: 'COMPLAINT_FIRST', categoryCode: 'xay-dung', unitCode: 'HS-P-HOASON' };
const forwarder = { name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh Hòa Sơn', email: 'vanphong.dbqh@hoason.gov.test' };

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: before });
});
afterAll(async () => {
  await sys?.stop();
});

describe('whoever forwarded a complaint (Complaints Law 2011 art. 27)', () => {
  it('is recorded at intake and told of the acceptance, with the due date, by mail', async () => {
    const { id, trackingCode, handle } = await submitCase(sys, { ...complaint, forwardedBy: forwarder });
    expect(await caseRow(sys, id)).toMatchObject({ forwarderName: forwarder.name, forwarderEmail: forwarder.email });
    const accepted = await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await eventually(() => expect(mailsFor(sys, trackingCode, forwarder.email)).toHaveLength(1));
    const [told] = mailsFor(sys, trackingCode, forwarder.email);
    expect(told!.subject).toBe(`[${trackingCode}] Thông báo thụ lý khiếu nại lần đầu: Đường liên xóm xuống cấp`);
    expect(told!.text).toContain('do quý cơ quan, tổ chức chuyển đến đã được thụ lý giải quyết');
    expect(told!.text).toContain('Thời hạn giải quyết:');
    expect(accepted.resolution?.dueAt).toBeTruthy();
    // Nothing about the complainant, and no way into the console.
    expect(told!.text).not.toContain('Nguyễn Thị Hoa');
    expect(told!.text).not.toContain('/cases/');
  });

  it('is told of a refusal with its reason; a complaint nobody forwarded tells no one else', async () => {
    const forwarded = await submitCase(sys, { ...complaint, forwardedBy: forwarder });
    await forwarded.handle.executeUpdate(caseUpdates.refuse, { args: [{ ...officer, reason: 'Quá thời hiệu khiếu nại' }] });
    await eventually(() => expect(mailsFor(sys, forwarded.trackingCode, forwarder.email).map((m) => m.subject)).toEqual([expect.stringContaining('Thông báo không thụ lý khiếu nại lần đầu')]));
    expect(mailsFor(sys, forwarded.trackingCode, forwarder.email)[0]!.text).toContain('Lý do: Quá thời hiệu khiếu nại');

    const direct = await submitCase(sys, complaint);
    await direct.handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    expect(await sys.db.notification.count({ where: { caseId: direct.id, template: 'forwarder_notice' } })).toBe(0);
  });

  it('refuses a forwarder without a name (422), and stores nothing', async () => {
    const res = await fetch(`${sys.baseUrl}/api/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...complaint, title: 't', content: 'c', petitioner: { fullName: 'A', address: 'B' }, forwardedBy: { email: forwarder.email } }),
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('forwardedBy.name');
  });
});

describe('the legal-clock versions: Law 136/2025/QH15 from 1 Jul 2026', () => {
  it('gives a case received before 1 Jul 2026 the 2025 version, and one received from then the 2026 version with its procedure', async () => {
    expect((await policyEffectiveAt(sys.db, new Date('2026-06-30T23:59:59+07:00'))).version).toBe('2025-07-01');
    expect((await policyEffectiveAt(sys.db, new Date('2026-07-01T00:00:00+07:00'))).version).toBe('2026-07-01');
    expect((await policyByVersion(sys.db, '2026-07-01')).complaintProcedure).toEqual(LAW_136_COMPLAINT_PROCEDURE);
    expect((await policyByVersion(sys.db, '2025-07-01')).complaintProcedure).toBeUndefined();
    // A version an administrator stores later supersedes both from its own date.
    expect((await policyEffectiveAt(sys.db, new Date())).version).toBe('test-before-law-136');
  });
});

describe('the complaint procedure as amended by Law 136/2025/QH15', () => {
  const officerEmail = 'canbo.snnmt@hoason.gov.test';
  const landComplaint = { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS' }; // Sở NN&MT
  const respondent = { fullName: 'Trưởng phòng Quản lý đất đai', email: 'phong.qldd@hoason.gov.test' };
  const citizen = 'hoa@example.test';
  const suspension = { decisionNumber: '12/QĐ-STNMT', decisionDate: '2026-12-01', reason: 'Chờ kết quả giám định của Viện Địa chính' };
  let cookie = '';
  let earlier: Awaited<ReturnType<typeof submitCase>>;

  beforeAll(async () => {
    const login = await fetch(`${sys.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: officerEmail, password: DEMO_PASSWORD }) });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    earlier = await submitCase(sys, landComplaint);
    // The amended law takes effect now: cases received from here take this version, the one above keeps its own.
    await storePolicy(sys.db, { ...testPolicy('test-law-136', { rules: before.rules, complaintProcedure: LAW_136_COMPLAINT_PROCEDURE }), effectiveFrom: new Date().toISOString() }, 'Luật 136/2025/QH15');
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = Record<string, any>;
  const act = async (id: string, action: string, body: unknown = {}): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${sys.baseUrl}/api/cases/${id}/actions/${action}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const acceptedComplaint = async () => {
    const submitted = await submitCase(sys, { ...landComplaint, respondent });
    expect((await act(submitted.id, 'accept')).status).toBe(200);
    return submitted;
  };

  it('keeps a complaint received before under its version, without the new actions (409 with the reason)', async () => {
    expect((await caseRow(sys, earlier.id)).policyVersion).toBe('test-before-law-136');
    const accepted = await act(earlier.id, 'accept');
    expect(accepted.body.allowedActions).not.toContain('suspend');
    const refused = await act(earlier.id, 'suspend', suspension);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('trước Luật 136/2025/QH15');
    expect((await caseRow(sys, earlier.id)).status).toBe('ACCEPTED');
  });

  it('suspends a complaint by a decision, stops its clock, tells both parties, and on resumption adds exactly the suspended time', async () => {
    const { id, trackingCode } = await acceptedComplaint();
    const accepted = await caseRow(sys, id);
    expect(accepted.policyVersion).toBe('test-law-136');
    const offered = (await act(id, 'note', { note: 'Xem hồ sơ' })).body;
    expect(offered.allowedActions).toEqual(expect.arrayContaining(['suspend', 'terminate', 'withdrawPart', 'recordDialogue']));
    expect(offered.actionForms.suspend).toMatchObject({ required: ['decisionNumber', 'decisionDate', 'reason'], properties: { decisionDate: { format: 'date' } } });

    const suspended = await act(id, 'suspend', suspension);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', resolutionDueAt: null, allowedActions: expect.arrayContaining(['resumeResolution', 'terminate']) });
    expect(suspended.body.allowedActions).not.toContain('suspend');
    await eventually(() => {
      expect(mailsFor(sys, trackingCode, citizen).map((m) => m.subject)).toContainEqual(expect.stringContaining('bị tạm đình chỉ giải quyết'));
      expect(mailsFor(sys, '', respondent.email).filter((m) => m.subject.includes('Sở Nông nghiệp và Môi trường'))).toHaveLength(1);
    });
    const told = mailsFor(sys, trackingCode, citizen).find((m) => m.subject.includes('tạm đình chỉ'))!;
    expect(told.text).toContain('Quyết định số 12/QĐ-STNMT ngày 01/12/2026');
    expect(told.text).toContain('Chờ kết quả giám định của Viện Địa chính');
    const tracked = await (await fetch(`${sys.baseUrl}/api/track/${trackingCode}`)).json();
    expect(tracked).toMatchObject({ status: 'SUSPENDED', suspension: { decision: expect.stringContaining('12/QĐ-STNMT') } });

    const resumed = await act(id, 'resumeResolution', { decisionNumber: '15/QĐ-STNMT', decisionDate: '2026-12-01' });
    expect(resumed.body.status).toBe('ACCEPTED');
    const dl = (await caseRow(sys, id)).deadlines as unknown as { resolution: Deadline };
    const [span] = dl.resolution.pauses!;
    const suspendedMs = Date.parse(span!.to) - Date.parse(span!.from);
    expect(span!.suspension).toMatchObject({ decision: { number: '12/QĐ-STNMT', date: '2026-12-01' }, resumedBy: { number: '15/QĐ-STNMT' }, basis: LAW_136_COMPLAINT_PROCEDURE.suspension.basis });
    // 600 s from acceptance, plus the suspended time, to the millisecond.
    expect(dl.resolution.dueAt).toBe(new Date(Date.parse(dl.resolution.startedAt) + 600_000 + suspendedMs).toISOString());
    expect((await caseRow(sys, id)).resolutionDueAt?.toISOString()).toBe(dl.resolution.dueAt);
    expect(dl.resolution.history.map((h) => h.kind)).toEqual(['computed', 'suspended', 'resumed']);
    expect(dl.resolution.history.at(-1)!.note).toContain('Tiếp tục giải quyết lúc');
    expect(dl.resolution.history.at(-1)!.note).toContain('tạm đình chỉ giải quyết theo Quyết định số 12/QĐ-STNMT ngày 01/12/2026');
    expect(dl.resolution.history.at(-1)!.note).toContain('resolution suspended by decision no. 12/QĐ-STNMT of 01/12/2026');
    await eventually(() => expect(mailsFor(sys, trackingCode, citizen).map((m) => m.subject)).toContainEqual(expect.stringContaining('được tiếp tục giải quyết')));
    expect(await eventTypes(sys, id)).toEqual(expect.arrayContaining(['suspended', 'deadline_pause', 'resolution_resumed', 'deadline_resume']));
  });

  it('terminates a suspended complaint on its ground: the case closes as TERMINATED and both parties are told', async () => {
    const { id, trackingCode, handle } = await acceptedComplaint();
    await act(id, 'suspend', suspension);
    const bad = await act(id, 'terminate', { ...suspension, ground: 'TIRED' });
    expect(bad.status).toBe(422);
    const terminated = await act(id, 'terminate', { ...suspension, decisionNumber: '20/QĐ-STNMT', ground: 'COMPLAINANT_DIED' });
    expect(terminated.body).toMatchObject({ status: 'CLOSED', outcome: 'TERMINATED', terminationGround: 'COMPLAINANT_DIED', allowedActions: [] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'TERMINATED' });
    expect(await caseRow(sys, id)).toMatchObject({ outcome: 'TERMINATED', terminationGround: 'COMPLAINANT_DIED', closedAt: expect.any(Date) });
    await eventually(() => {
      expect(mailsFor(sys, trackingCode, citizen).map((m) => m.subject)).toContainEqual(expect.stringContaining('bị đình chỉ giải quyết'));
      expect(mailsFor(sys, '', respondent.email).some((m) => m.text.includes('Người khiếu nại chết mà không có người thừa kế'))).toBe(true);
    });
    const tracked = await (await fetch(`${sys.baseUrl}/api/track/${trackingCode}`)).json();
    expect(tracked).toMatchObject({ status: 'CLOSED', outcome: 'TERMINATED', terminationGround: 'COMPLAINANT_DIED', suspension: null });
  });

  it('continues on the rest after a partial withdrawal and after a dialogue the complainant did not come to', async () => {
    const { id, trackingCode } = await acceptedComplaint();
    const due = (await caseRow(sys, id)).resolutionDueAt;
    expect((await act(id, 'withdrawPart', { parts: 'Yêu cầu bồi thường cây cối trên đất' })).body.status).toBe('ACCEPTED');
    expect((await act(id, 'recordDialogue', { complainantAttended: false, note: 'Đã mời đối thoại hai lần bằng văn bản' })).body.status).toBe('ACCEPTED');
    expect((await caseRow(sys, id)).resolutionDueAt).toEqual(due);
    const events = await sys.db.caseEvent.findMany({ where: { caseId: id, type: { in: ['partly_withdrawn', 'dialogue_absent'] } }, orderBy: { at: 'asc' } });
    expect(events.map((e) => [e.type, e.reason])).toEqual([
      ['partly_withdrawn', 'Yêu cầu bồi thường cây cối trên đất'],
      ['dialogue_absent', 'Người khiếu nại không đến đối thoại; việc giải quyết vẫn tiếp tục / the complainant did not come to the dialogue; the resolution continues. Đã mời đối thoại hai lần bằng văn bản'],
    ]);
    await eventually(() => expect(mailsFor(sys, trackingCode, citizen).map((m) => m.subject)).toContainEqual(expect.stringContaining('được rút một phần')));
    expect((await act(id, 'answer', { answer: 'Giữ nguyên quyết định đối với phần còn lại.' })).body.status).toBe('ANSWERED');
  });
});
