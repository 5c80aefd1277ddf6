import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowId } from '../workflows/ids';
import { caseStateQuery, caseUpdates } from '../workflows/case-messages';
import { caseRow, eventTypes, mailsFor, rejectionReason, sleep, submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

const policy = testPolicy('test-lifecycle', {
  rules: {
    FEEDBACK: secondsRule('FEEDBACK', 4, 4, 4),
    COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', 60, 60),
    COMPLAINT_SECOND: secondsRule('COMPLAINT_SECOND', 60, 60),
    DENUNCIATION: secondsRule('DENUNCIATION', 60, 60, 30),
  },
  ladder: { reminderBefore: seconds(2), graceAfterDue: seconds(2) },
  ratingWindow: seconds(3),
});

const mail = {
  agency: 'hs-x-namcuong-pkt@hoason.gov.test',
  head: 'truong.hs-x-namcuong-ubnd@hoason.gov.test',
  front: 'truong.hs-x-namcuong-mttq@hoason.gov.test',
  provinceHead: 'truong.hs-ubnd@hoason.gov.test',
  provinceFront: 'truong.hs-mttq@hoason.gov.test',
  citizen: 'hoa@example.test',
};
const roadFeedback = { type: 'FEEDBACK', categoryCode: 'giao-thong', unitCode: 'HS-X-NAMCUONG' };
const officer = { actor: 'canbo@hoason.gov.test' };

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
});
afterAll(async () => {
  await sys?.stop();
});

const orgId = async (code: string) => (await sys.db.organisation.findUniqueOrThrow({ where: { code } })).id;

describe('escalation ladder', () => {
  it('reminds the agency, then tells the unit’s head and Front, then the superior unit’s, once each', async () => {
    const { trackingCode, handle, id } = await submitCase(sys, roadFeedback);
    await eventually(() => {
      expect(mailsFor(sys, trackingCode, mail.agency).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('Nhắc hạn')]));
      expect(mailsFor(sys, trackingCode, mail.head)).toHaveLength(1);
      expect(mailsFor(sys, trackingCode, mail.front)).toHaveLength(1);
      expect(mailsFor(sys, trackingCode, mail.provinceHead)).toHaveLength(1);
      expect(mailsFor(sys, trackingCode, mail.provinceFront)).toHaveLength(1);
    }, 20_000);
    expect(mailsFor(sys, trackingCode, mail.provinceHead)[0]!.subject).toContain('báo cáo cấp trên');
    expect(mailsFor(sys, trackingCode, mail.head)[0]!.text).toContain('Chủ tịch UBND Bế Văn Toàn');
    expect(await eventTypes(sys, id)).toEqual(expect.arrayContaining(['overdue', 'escalated_to_superior']));
    await eventually(async () => expect((await sys.client.workflow.count(`WorkflowId = '${caseWorkflowId(id)}' AND CaseOverdue = true`)).count).toBe(1));

    // Accepting moves the case to its resolution deadline: the first-step ladder is over.
    const accepted = await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    expect(accepted.overdue).toBe(false);
    await sleep(1000);
    expect(mailsFor(sys, trackingCode, mail.head)).toHaveLength(1);
    expect(mailsFor(sys, trackingCode, mail.agency).filter((m) => m.subject.includes('Nhắc hạn'))).toHaveLength(1);
  });

  it('stops the ladder once the case is answered, and closes it when the rating window passes', async () => {
    const { trackingCode, handle, id } = await submitCase(sys, roadFeedback);
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã sửa chữa mặt đường.', documents: [{ name: 'bien-ban.pdf', url: 'https://files.example/bien-ban.pdf' }] }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });
    await sleep(5000); // past the resolution due date and the grace period
    expect(await eventTypes(sys, id)).not.toContain('overdue');
    expect(mailsFor(sys, trackingCode, mail.head)).toHaveLength(0);
    const citizen = mailsFor(sys, trackingCode, mail.citizen).map((m) => m.subject);
    expect(citizen).toEqual(expect.arrayContaining([expect.stringContaining('đã được thụ lý'), expect.stringContaining('đã có kết quả trả lời')]));
    expect((await caseRow(sys, id)).answerDocuments).toEqual([{ name: 'bien-ban.pdf', url: 'https://files.example/bien-ban.pdf' }]);
  });
});

describe('the resolution clock', () => {
  it('stops while the agency waits for information and resumes with that time added', async () => {
    const { trackingCode, handle } = await submitCase(sys, roadFeedback);
    const accepted = await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    const paused = await handle.executeUpdate(caseUpdates.requestInfo, { args: [{ ...officer, reason: 'Đề nghị cung cấp ảnh hiện trường.' }] });
    expect(paused.status).toBe('AWAITING_INFO');
    expect(paused.resolution!.dueAt).toBeNull();
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'x' }] }))).toMatch(/AWAITING_INFO/);
    await sleep(2000);
    const resumed = await handle.executeUpdate(caseUpdates.provideInfo, { args: [{ actor: 'citizen', note: 'Đã gửi ảnh.' }] });
    const history = resumed.resolution!.history;
    expect(history.map((h) => h.kind)).toEqual(['computed', 'paused', 'resumed']);
    const pausedFor = new Date(history[2]!.at).getTime() - new Date(history[1]!.at).getTime();
    const shift = new Date(resumed.resolution!.dueAt!).getTime() - new Date(accepted.resolution!.dueAt!).getTime();
    expect(pausedFor).toBeGreaterThanOrEqual(2000);
    expect(shift).toBe(pausedFor); // a limit in seconds moves by exactly the paused time
    expect(mailsFor(sys, trackingCode, mail.citizen).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('cần bổ sung thông tin')]));
  });

  it('extends once when the head approves, and moves the ladder with it', async () => {
    const { trackingCode, handle, id } = await submitCase(sys, roadFeedback);
    const accepted = await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'Chờ kết quả khảo sát hiện trường.' }] });
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'again' }] }))).toMatch(/đang chờ/);
    await eventually(() => expect(mailsFor(sys, trackingCode, mail.head).map((m) => m.subject)).toEqual([expect.stringContaining('Đề nghị gia hạn')]));

    const extended = await handle.executeUpdate(caseUpdates.decideExtension, { args: [{ actor: 'chutich', approved: true }] });
    const originalDue = new Date(accepted.resolution!.dueAt!).getTime();
    expect(new Date(extended.resolution!.dueAt!).getTime() - originalDue).toBe(4000);
    expect(extended.resolution!.history.at(-1)!.kind).toBe('extended');
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'more' }] }))).toMatch(/hết 1 lần gia hạn/);
    expect((await caseRow(sys, id)).extensionsUsed).toBe(1);

    const overdue = await eventually(async () => {
      const e = await sys.db.caseEvent.findFirst({ where: { caseId: id, type: 'overdue' } });
      expect(e).not.toBeNull();
      return e!;
    }, 20_000);
    expect((overdue.data as { dueAt: string }).dueAt).toBe(extended.resolution!.dueAt);
    expect(mailsFor(sys, trackingCode, mail.citizen).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('gia hạn')]));
  });

  it('extends a denunciation only when complex, up to twice when especially complex', async () => {
    const { handle } = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'can-bo', unitCode: 'HS-P-DUCXUAN' });
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'r' }] }))).toMatch(/không được gia hạn/);
    const reclassified = await handle.executeUpdate(caseUpdates.reclassify, { args: [{ ...officer, complexity: 'ESPECIALLY_COMPLEX', reason: 'Nhiều người bị tố cáo' }] });
    expect(reclassified.resolution!.history.at(-1)).toMatchObject({ kind: 'reclassified' });
    for (let i = 0; i < 2; i += 1) {
      await handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: `lần ${i + 1}` }] });
      await handle.executeUpdate(caseUpdates.decideExtension, { args: [{ actor: 'chutich', approved: true, note: 'Đồng ý' }] });
    }
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'lần 3' }] }))).toMatch(/hết 2 lần gia hạn/);
    const state = await handle.query(caseStateQuery);
    expect(state.resolution!.extensions).toHaveLength(2);
  });

  it('records a refused extension without moving the deadline', async () => {
    const { handle, id } = await submitCase(sys, roadFeedback);
    const accepted = await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'r' }] });
    const refused = await handle.executeUpdate(caseUpdates.decideExtension, { args: [{ actor: 'chutich', approved: false, note: 'Không đủ căn cứ' }] });
    expect(refused.resolution!.dueAt).toBe(accepted.resolution!.dueAt);
    expect(refused.extensionPending).toBeNull();
    expect(await eventTypes(sys, id)).toContain('extension_refused');
  });
});

describe('the agency’s first step', () => {
  it('transfers a denunciation once, with a new acceptance clock, and refuses a second transfer', async () => {
    const { handle, id, trackingCode } = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'can-bo', unitCode: 'HS-P-DUCXUAN' });
    const before = await handle.query(caseStateQuery);
    const inspectorate = await orgId('HS-TT');
    const moved = await handle.executeUpdate(caseUpdates.transfer, { args: [{ ...officer, agencyId: inspectorate, reason: 'Thuộc thẩm quyền Thanh tra tỉnh' }] });
    expect(moved).toMatchObject({ status: 'ASSIGNED', agencyId: inspectorate, transfers: 1 });
    expect(new Date(moved.firstStep!.dueAt!).getTime()).toBeGreaterThan(new Date(before.firstStep!.dueAt!).getTime());
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.transfer, { args: [{ ...officer, agencyId: await orgId('HS-VP'), reason: 'again' }] }))).toMatch(/chỉ được chuyển một lần/);
    expect((await caseRow(sys, id)).transfers).toBe(1);
    await eventually(() => expect(mailsFor(sys, trackingCode, 'hs-tt@hoason.gov.test')).toHaveLength(1));
  });

  it('returns a case to reception, which assigns it again; guides the citizen elsewhere', async () => {
    const { handle, id, trackingCode } = await submitCase(sys, roadFeedback);
    const returned = await handle.executeUpdate(caseUpdates.return, { args: [{ ...officer, reason: 'Không thuộc thẩm quyền của phòng' }] });
    expect(returned).toMatchObject({ status: 'UNROUTED', agencyId: null });
    expect((await caseRow(sys, id)).agencyId).toBeNull();
    await handle.executeUpdate(caseUpdates.assign, { args: [{ actor: 'tiepnhan', agencyId: await orgId('HS-X-NAMCUONG-VP') }] });
    const guided = await handle.executeUpdate(caseUpdates.guide, { args: [{ ...officer, reason: 'Đề nghị ông/bà liên hệ Công ty Điện lực.' }] });
    expect(guided).toMatchObject({ status: 'CLOSED', outcome: 'GUIDED' });
    await eventually(() => expect(mailsFor(sys, trackingCode, mail.citizen).map((m) => m.text).join()).toContain('Đề nghị ông/bà liên hệ Công ty Điện lực.'));
  });

  it('refuses with reasons and tells the citizen', async () => {
    const { handle, trackingCode } = await submitCase(sys, roadFeedback);
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.refuse, { args: [{ ...officer, reason: '  ' }] }))).toMatch(/reason is required/);
    const refused = await handle.executeUpdate(caseUpdates.refuse, { args: [{ ...officer, reason: 'Nội dung đã được giải quyết dứt điểm.' }] });
    expect(refused).toMatchObject({ status: 'CLOSED', outcome: 'REFUSED' });
    await eventually(() => expect(mailsFor(sys, trackingCode, mail.citizen).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('không được thụ lý')])));
  });
});

describe('after the answer', () => {
  it('reopens feedback the citizen is not satisfied with', async () => {
    const { handle, id } = await submitCase(sys, roadFeedback);
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã xử lý.' }] });
    const reopened = await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: false, comment: 'Đường vẫn hỏng.' }] });
    expect(reopened.status).toBe('ACCEPTED');
    expect(reopened.resolution!.history).toHaveLength(1); // a fresh resolution clock
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã làm lại mặt đường.' }] });
    await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });
    expect(await eventTypes(sys, id)).toEqual(expect.arrayContaining(['rated_dissatisfied', 'reopened', 'rated_satisfied']));
  });

  it('turns a dissatisfied first complaint the commune chairman decided into a linked second complaint for the provincial chairman', async () => {
    const { handle, id, trackingCode } = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'xay-dung', unitCode: 'HS-P-HOASON' });
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await eventually(() => expect(mailsFor(sys, trackingCode, 'hs-tt@hoason.gov.test').map((m) => m.subject)).toEqual([expect.stringContaining('Thông báo thụ lý khiếu nại lần đầu')]));
    // The ward's office prepared it; the ward chairman signed the decision.
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Giữ nguyên quyết định.', decidedBy: 'PEOPLES_COMMITTEE_CHAIRMAN' }] });
    expect((await caseRow(sys, id)).decidedBy).toBe('PEOPLES_COMMITTEE_CHAIRMAN');
    const rated = await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: false }] });
    expect(rated.status).toBe('ANSWERED');
    const appealed = await handle.executeUpdate(caseUpdates.appeal, { args: [{ actor: 'citizen', reason: 'Không đồng ý với quyết định giải quyết lần đầu.' }] });
    expect(appealed).toMatchObject({ status: 'CLOSED', outcome: 'APPEALED' });

    const second = await sys.db.case.findFirstOrThrow({ where: { linkedFromId: id }, include: { unit: true, petitioner: true } });
    expect(second).toMatchObject({ type: 'COMPLAINT_SECOND', id: appealed.linkedCaseId });
    expect(second.unit.code).toBe('HS');
    expect(second.petitioner?.fullName).toBe('Nguyễn Thị Hoa');
    await eventually(async () => expect((await sys.db.case.findUniqueOrThrow({ where: { id: second.id }, include: { agency: true } })).agency?.code).toBe('HS-UBND'));
    // Created addressed to the committee; its intake records the assignment.
    await eventually(async () => expect(await eventTypes(sys, second.id)).toEqual(expect.arrayContaining(['received', 'assigned'])));
    expect((await sys.client.workflow.getHandle(caseWorkflowId(second.id)).describe()).status.name).toBe('RUNNING');
  });

  it('sends the appeal of a provincial department director’s decision to the Chairman of the provincial People’s Committee (Complaints Law 2011 art. 21)', async () => {
    const { handle, id } = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS' });
    expect((await caseRow(sys, id)).agencyId).toBe(await orgId('HS-SNNMT'));
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Giữ nguyên quyết định; nếu không đồng ý, ông (bà) có quyền khiếu nại đến Chủ tịch UBND tỉnh.' }] });
    const appealed = await handle.executeUpdate(caseUpdates.appeal, { args: [{ actor: 'citizen', reason: 'Không đồng ý với quyết định của Giám đốc Sở.' }] });
    expect(appealed).toMatchObject({ status: 'CLOSED', outcome: 'APPEALED' });
    const second = await sys.db.case.findFirstOrThrow({ where: { linkedFromId: id }, include: { unit: true } });
    expect(second).toMatchObject({ type: 'COMPLAINT_SECOND', id: appealed.linkedCaseId });
    expect(second.unit.code).toBe('HS');
    // The Chairman's People's Committee, never the department whose decision is complained of.
    await eventually(async () => expect((await caseRow(sys, second.id)).agencyId).toBe(await orgId('HS-UBND')));
  });

  it('guides a complainant whom the provincial chairman answered to the minister or the court, and keeps the case', async () => {
    const { handle, id } = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'xay-dung', unitCode: 'HS' });
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Giữ nguyên quyết định.', decidedBy: 'PEOPLES_COMMITTEE_CHAIRMAN' }] });
    await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: false }] });
    const reason = await rejectionReason(handle.executeUpdate(caseUpdates.appeal, { args: [{ actor: 'citizen', reason: 'Không đồng ý.' }] }));
    expect(reason).toMatch(/Bộ trưởng.*Tòa án/);
    expect(reason).toMatch(/minister.*court/);
    expect((await caseRow(sys, id)).status).toBe('ANSWERED');
    expect(await sys.db.case.count({ where: { linkedFromId: id } })).toBe(0);
  });

  it('cannot appeal feedback, nor record who signed its answer', async () => {
    const { handle } = await submitCase(sys, roadFeedback);
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã xử lý.', decidedBy: 'AGENCY_HEAD' }] }))).toMatch(/only a first complaint’s decision/);
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã xử lý.' }] });
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.appeal, { args: [{ actor: 'citizen', reason: 'x' }] }))).toMatch(/khiếu nại lần đầu/);
  });
});

describe('withdrawal and duplicates', () => {
  it('lets a complainant withdraw, but not a feedback', async () => {
    const complaint = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS-X-NAMCUONG' });
    const withdrawn = await complaint.handle.executeUpdate(caseUpdates.withdraw, { args: [{ actor: 'citizen', reason: 'Đã tự hòa giải.' }] });
    expect(withdrawn).toMatchObject({ status: 'CLOSED', outcome: 'WITHDRAWN' });
    const feedback = await submitCase(sys, roadFeedback);
    expect(await rejectionReason(feedback.handle.executeUpdate(caseUpdates.withdraw, { args: [{ actor: 'citizen', reason: 'x' }] }))).toMatch(/Chỉ khiếu nại, tố cáo/);
  });

  it('merges a duplicate into an open case and refuses a bad target without changing anything', async () => {
    const original = await submitCase(sys, roadFeedback);
    const duplicate = await submitCase(sys, roadFeedback);
    expect(await rejectionReason(duplicate.handle.executeUpdate(caseUpdates.merge, { args: [{ ...officer, targetCaseId: '00000000-0000-4000-8000-000000000000', reason: 'trùng' }] }))).toMatch(/target case/);
    expect((await caseRow(sys, duplicate.id)).status).toBe('ASSIGNED');
    const merged = await duplicate.handle.executeUpdate(caseUpdates.merge, { args: [{ ...officer, targetCaseId: original.id, reason: 'Trùng nội dung' }] });
    expect(merged).toMatchObject({ status: 'CLOSED', outcome: 'MERGED', linkedCaseId: original.id });
    expect((await caseRow(sys, duplicate.id)).mergedIntoId).toBe(original.id);
    expect(await eventTypes(sys, original.id)).toContain('duplicate_merged');
  });
});
