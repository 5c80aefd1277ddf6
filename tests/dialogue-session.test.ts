import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorkflowId, sessionWorkflowId } from '../workflows/ids';
import { addOpinionsUpdate, concludeUpdate, dialogueSessionWorkflow, sessionStateQuery } from '../workflows/dialogue-session.workflow';
import { caseStateQuery, caseUpdates } from '../workflows/case-messages';
import { type petitionWorkflow } from '../workflows/petition.workflow';
import { rejectionReason } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';

const policy = testPolicy('test-sessions', {
  rules: { SESSION_OPINION: secondsRule('SESSION_OPINION', 60, 60) },
  sessionNotice: { limit: seconds(3), basis: 'Quy định 11-QĐi/TW' },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(60) },
  ratingWindow: seconds(60),
});

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
});
afterAll(async () => {
  await sys?.stop();
});

const topic = 'Đối thoại về đường giao thông nông thôn';
const head = 'truong.hs-x-yenphong-ubnd@hoason.gov.test';
const front = 'truong.hs-x-yenphong-mttq@hoason.gov.test';
const aboutSession = (to: string) => sys.smtp.to(to).filter((m) => m.subject.includes(topic));

describe('a dialogue session', () => {
  it('turns each opinion into a linked case, runs the notice deadline, and rolls up to the Front when all close', async () => {
    const sessionId = crypto.randomUUID();
    const session = await sys.client.workflow.start(dialogueSessionWorkflow, {
      workflowId: sessionWorkflowId(sessionId),
      taskQueue: sys.taskQueue,
      args: [{ session: { sessionId, unitCode: 'HS-X-YENPHONG', heldOn: new Date().toISOString(), kind: 'THEMATIC', topic, chairName: 'Đinh Văn Bình', chairTitle: 'Chủ tịch UBND xã', chairedByHead: true, attendees: 86 } }],
    });
    expect(await rejectionReason(session.executeUpdate(addOpinionsUpdate, { args: [{ actor: 'thuky', opinions: [] }] }))).toMatch(/1 to 200 opinions/);

    const state = await session.executeUpdate(addOpinionsUpdate, {
      args: [{
        actor: 'thuky',
        opinions: [
          { categoryCode: 'dat-dai', title: 'Cấp giấy chứng nhận quyền sử dụng đất chậm', content: 'Hồ sơ nộp từ tháng 3 chưa có kết quả.', citizenName: 'Lò Văn Pấng', citizenEmail: 'pang@example.test' },
          { categoryCode: 'y-te', title: 'Trạm y tế thiếu thuốc', content: 'Trạm y tế xã thường xuyên thiếu thuốc thiết yếu.' },
          { categoryCode: 'thu-tuc-hanh-chinh', title: 'Thủ tục chứng thực kéo dài', content: 'Phải đi lại nhiều lần.' },
        ],
      }],
    });
    expect(state.caseIds).toHaveLength(3);
    const cases = await sys.db.case.findMany({ where: { sessionId }, include: { agency: true } });
    expect(cases.map((c) => c.type)).toEqual(['SESSION_OPINION', 'SESSION_OPINION', 'SESSION_OPINION']);
    const handles = state.caseIds.map((id) => sys.client.workflow.getHandle<typeof petitionWorkflow>(caseWorkflowId(id)));
    await eventually(async () => {
      const routed = await Promise.all(handles.map((h) => h.query(caseStateQuery)));
      expect(routed.map((c) => c.status)).toEqual(['ASSIGNED', 'ASSIGNED', 'ASSIGNED']);
    });
    const agencies = (await sys.db.case.findMany({ where: { sessionId }, include: { agency: true } })).map((c) => c.agency?.code).sort();
    expect(agencies).toEqual(['HS-X-YENPHONG-PKT', 'HS-X-YENPHONG-PVHXH', 'HS-X-YENPHONG-VP']);

    // No written notice within the limit: reminder to the head, then the head and the Front.
    await eventually(() => {
      expect(aboutSession(head).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('Nhắc hạn'), expect.stringContaining('Quá hạn')]));
      expect(aboutSession(front).map((m) => m.subject)).toEqual([expect.stringContaining('Thông báo quá hạn')]);
    }, 15_000);

    await session.executeUpdate(concludeUpdate, { args: [{ actor: 'chutich', conclusion: 'Giao các phòng chuyên môn giải quyết trong 30 ngày.' }] });
    expect(await rejectionReason(session.executeUpdate(addOpinionsUpdate, { args: [{ actor: 'thuky', opinions: [{ categoryCode: 'y-te', title: 't', content: 'c' }] }] }))).toMatch(/already concluded/);
    expect((await sys.db.dialogueSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe('CONCLUDED');

    const [first, second, third] = handles as [typeof handles[0], typeof handles[0], typeof handles[0]];
    await first.executeUpdate(caseUpdates.accept, { args: [{ actor: 'canbo' }] });
    await first.executeUpdate(caseUpdates.answer, { args: [{ actor: 'canbo', answer: 'Đã cấp giấy chứng nhận.' }] });
    await first.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true }] });
    await second.executeUpdate(caseUpdates.refuse, { args: [{ actor: 'canbo', reason: 'Đã có kế hoạch bổ sung thuốc của tỉnh.' }] });
    expect((await session.query(sessionStateQuery)).closedCaseIds.length).toBeLessThan(3);
    await third.executeUpdate(caseUpdates.guide, { args: [{ actor: 'canbo', reason: 'Liên hệ bộ phận một cửa.' }] });

    const final = await session.result();
    expect(final.closedCaseIds.sort()).toEqual([...state.caseIds].sort());
    const row = await sys.db.dialogueSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ status: 'CLOSED', attendees: 86, chairedByHead: true });
    const rollup = aboutSession(front).find((m) => m.subject.includes('Kết quả giải quyết ý kiến'));
    expect(rollup?.text).toContain('Số ý kiến: 3');
  });
});
