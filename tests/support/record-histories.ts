/**
 * Records the workflow histories that `tests/replay.test.ts` replays in every `npm test` (README,
 * "Changing workflow code safely"). It drives cases, a dialogue session and supervision
 * recommendations through every action and branch of the workflow code in this checkout, on the
 * real test system, and writes each workflow's history to
 * `tests/histories/<version>/<scenario>.json.gz` (Temporal's JSON history format, gzipped: a case
 * through every action is some 350 KB of JSON, 30 KB gzipped), `<version>` being this checkout's
 * short commit (with `-modified` when `workflows/` has uncommitted changes).
 *
 *   npm run histories:record
 *   HISTORIES_DIR=<another checkout>/tests/histories npm run histories:record   # from a worktree of the deployed commit
 *   HISTORIES_LABEL=<folder name> …                                            # instead of the commit
 *
 * Not part of `npm test`: only `tests/support/record-histories.config.ts` includes it. Updates go
 * straight through the Temporal client, so this file runs unchanged in an older checkout.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { WorkflowHandle } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAW_136_COMPLAINT_PROCEDURE } from '../../domain/complaint-procedure';
import { storePolicy } from '../../infra/clock-config';
import { newTrackingCode } from '../../infra/tracking-code';
import { addOpinionsUpdate, concludeUpdate, dialogueSessionWorkflow, sessionStateQuery } from '../../workflows/dialogue-session.workflow';
import { caseWorkflowId, recommendationWorkflowId, sessionWorkflowId } from '../../workflows/ids';
import { caseStateQuery, caseUpdates } from '../../workflows/case-messages';
import { petitionWorkflow } from '../../workflows/petition.workflow';
import { recommendationStateQuery, recommendationWorkflow, respondUpdate } from '../../workflows/recommendation.workflow';
import { rejectionReason, submitCase } from './cases';
import { eventually } from './eventually';
import { historyToJSON } from './history-json';
import { seconds, secondsRule, testPolicy } from './policies';
import { startSystem, type TestSystem } from './system';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function versionLabel(): string {
  if (process.env.HISTORIES_LABEL) return process.env.HISTORIES_LABEL;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'workflows') ? '-modified' : ''}`;
}
const OUT = join(resolve(process.env.HISTORIES_DIR ?? join(ROOT, 'tests/histories')), versionLabel());

// Actions first, with limits no timer reaches; then deadlines in seconds, which pass during the run.
// A case keeps the policy in force at its receipt, so storing the second one leaves the first cases alone.
const long = 600;
const actionsPolicy = testPolicy('record-histories-actions', {
  rules: {
    FEEDBACK: secondsRule('FEEDBACK', long, long),
    COMPLAINT_FIRST: secondsRule('COMPLAINT_FIRST', long, long),
    COMPLAINT_SECOND: secondsRule('COMPLAINT_SECOND', long, long),
    DENUNCIATION: secondsRule('DENUNCIATION', long, long),
    SESSION_OPINION: secondsRule('SESSION_OPINION', long, long),
  },
  ladder: { reminderBefore: seconds(60), graceAfterDue: seconds(60) },
  ratingWindow: seconds(long),
  // Where the recorded code has it, the complaint procedure of Law 136/2025/QH15 (an older checkout ignores it).
  complaintProcedure: LAW_136_COMPLAINT_PROCEDURE,
});
const deadlinesPolicy = () =>
  testPolicy('record-histories-deadlines', {
    rules: { FEEDBACK: secondsRule('FEEDBACK', 3, 3), SESSION_OPINION: secondsRule('SESSION_OPINION', long, long) },
    ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(1) },
    ratingWindow: seconds(2),
    sessionNotice: { limit: seconds(3), basis: 'Quy định 11-QĐi/TW' },
    recommendationResponse: { limit: seconds(3), basis: 'Quy định 124-QĐ/TW' },
    // Where the recorded code has them, the complainant's windows, the appeal window in seconds.
    complaintWindows: { lodge: { limit: { amount: 90, unit: 'calendar_days' }, basis: 'Luật Khiếu nại 2011, Điều 9' }, appeal: { limit: seconds(3), remoteLimit: seconds(3), basis: 'Luật Khiếu nại 2011, Điều 33 và Điều 44' } },
    // Where the recorded code has them, a denunciation's own limits, the written notice to the accused in seconds.
    denunciation: {
      severalPlaces: { limit: seconds(long), basis: 'Luật Tố cáo 2018, Điều 24 khoản 1', basisEn: 'Denunciations Law 2018 art. 24(1)' },
      transfer: { limit: seconds(long), basis: 'Luật Tố cáo 2018, Điều 24 khoản 2', basisEn: 'Denunciations Law 2018 art. 24(2)' },
      forwarderResult: { limit: seconds(long), basis: 'Luật Tố cáo 2018, Điều 26 khoản 2', basisEn: 'Denunciations Law 2018 art. 26(2)' },
      accusedNotice: { limit: seconds(3), basis: 'Luật Tố cáo 2018, Điều 29', basisEn: 'Denunciations Law 2018 art. 29' },
    },
  });

const officer = { actor: 'canbo@hoason.gov.test' };
const head = { actor: 'chutich@hoason.gov.test' };
const reception = { actor: 'tiepnhan@hoason.gov.test' };
const citizen = { actor: 'citizen' };
const roadFeedback = { type: 'FEEDBACK', categoryCode: 'giao-thong', unitCode: 'HS-X-NAMCUONG' };

let sys: TestSystem;
beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  sys = await startSystem({ clockPolicy: actionsPolicy });
});
afterAll(async () => {
  await sys?.stop();
});

const orgId = async (code: string) => (await sys.db.organisation.findUniqueOrThrow({ where: { code } })).id;

/** Writes one run's history as `<scenario>.json.gz`; the run must be closed or past what it is recorded for. */
async function save(scenario: string, workflowId: string, runId?: string): Promise<History> {
  const history = await sys.client.workflow.getHandle(workflowId, runId).fetchHistory();
  writeFileSync(join(OUT, `${scenario}.json.gz`), gzipSync(`${historyToJSON(history)}\n`, { level: 9 }));
  return history;
}

const escalations = async (handle: WorkflowHandle<typeof petitionWorkflow>) => (await handle.query(caseStateQuery)).escalations;

describe('case actions', () => {
  it('case-every-officer-action: routed, reassigned, returned, assigned (once to no agency), accepted, paused, reclassified, extended, answered, reopened, resolved', async () => {
    const { handle } = await submitCase(sys, roadFeedback);
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Chưa thụ lý' }] }))).toMatch(/ASSIGNED/);
    await handle.executeUpdate(caseUpdates.reassign, { args: [{ ...head, agencyId: await orgId('HS-X-NAMCUONG-VP'), reason: 'Văn phòng xử lý' }] });
    await handle.executeUpdate(caseUpdates.return, { args: [{ ...officer, reason: 'Không thuộc thẩm quyền của văn phòng' }] });
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.assign, { args: [{ ...reception, agencyId: crypto.randomUUID() }] }))).toMatch(/no such agency/);
    await handle.executeUpdate(caseUpdates.assign, { args: [{ ...reception, agencyId: await orgId('HS-X-NAMCUONG-PKT') }] });
    await handle.executeUpdate(caseUpdates.accept, { args: [{ ...officer, note: 'Thụ lý', complexity: 'COMPLEX' }] });
    await handle.executeUpdate(caseUpdates.requestInfo, { args: [{ ...officer, reason: 'Đề nghị cung cấp ảnh hiện trường.' }] });
    await handle.executeUpdate(caseUpdates.provideInfo, { args: [{ ...citizen, note: 'Đã gửi ảnh.' }] });
    await handle.executeUpdate(caseUpdates.reclassify, { args: [{ ...officer, complexity: 'NORMAL', reason: 'Chỉ một đoạn đường' }] });
    await handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'Chờ khảo sát hiện trường.' }] });
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'lần nữa' }] }))).toMatch(/đang chờ/);
    await handle.executeUpdate(caseUpdates.decideExtension, { args: [{ ...head, approved: false, note: 'Không đủ căn cứ' }] });
    await handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'Đã có kết quả khảo sát, cần thêm thời gian thi công.' }] });
    await handle.executeUpdate(caseUpdates.decideExtension, { args: [{ ...head, approved: true, note: 'Đồng ý' }] });
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã sửa mặt đường.', documents: [{ name: 'bien-ban.pdf', url: 'https://files.example/bien-ban.pdf' }] }] });
    expect((await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: false, comment: 'Đường vẫn hỏng.' }] })).status).toBe('ACCEPTED');
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã làm lại mặt đường.' }] });
    await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true, comment: 'Cảm ơn.' }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED', extensionsUsed: 1 });
    await save('case-every-officer-action', handle.workflowId);
  });

  it('case-unrouted-assigned-guided: no routing rule, reception assigns, the agency guides the citizen elsewhere', async () => {
    const { handle } = await submitCase(sys, { type: 'FEEDBACK', categoryCode: 'khac', unitCode: 'HS' });
    expect((await handle.query(caseStateQuery)).status).toBe('UNROUTED');
    await handle.executeUpdate(caseUpdates.assign, { args: [{ ...reception, agencyId: await orgId('HS-VP') }] });
    await handle.executeUpdate(caseUpdates.guide, { args: [{ ...officer, reason: 'Đề nghị ông/bà liên hệ Công ty Điện lực.' }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'GUIDED' });
    await save('case-unrouted-assigned-guided', handle.workflowId);
  });

  it('case-merged and case-refused: a duplicate merged (after a bad target fails) into a case then refused', async () => {
    const original = await submitCase(sys, roadFeedback);
    const duplicate = await submitCase(sys, roadFeedback);
    const noCase = '00000000-0000-4000-8000-000000000000';
    expect(await rejectionReason(duplicate.handle.executeUpdate(caseUpdates.merge, { args: [{ ...officer, targetCaseId: noCase, reason: 'trùng' }] }))).toMatch(/target case/);
    await duplicate.handle.executeUpdate(caseUpdates.merge, { args: [{ ...officer, targetCaseId: original.id, reason: 'Trùng nội dung' }] });
    expect(await duplicate.handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'MERGED', linkedCaseId: original.id });
    expect(await rejectionReason(original.handle.executeUpdate(caseUpdates.refuse, { args: [{ ...officer, reason: '  ' }] }))).toMatch(/reason is required/);
    await original.handle.executeUpdate(caseUpdates.refuse, { args: [{ ...officer, reason: 'Nội dung đã được giải quyết dứt điểm.' }] });
    expect(await original.handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'REFUSED' });
    await save('case-merged', duplicate.handle.workflowId);
    await save('case-refused', original.handle.workflowId);
  });

  it('denunciation-transferred-accepted-withdrawn: transferred once, accepted as complex with what the accused is told, withdrawn', async () => {
    const accused = { fullName: 'Phạm Quốc Khánh', position: 'Cán bộ địa chính phường' }; // no email: the agency writes
    const { handle } = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'can-bo', unitCode: 'HS-P-DUCXUAN', accused });
    await handle.executeUpdate(caseUpdates.transfer, { args: [{ ...officer, agencyId: await orgId('HS-TT'), reason: 'Thuộc thẩm quyền Thanh tra tỉnh' }] });
    await handle.executeUpdate(caseUpdates.accept, { args: [{ ...officer, complexity: 'COMPLEX', accusedSummary: 'Nội dung tố cáo về việc cấp giấy chứng nhận quyền sử dụng đất.' }] });
    await handle.executeUpdate(caseUpdates.withdraw, { args: [{ ...citizen, reason: 'Người tố cáo rút đơn.' }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'WITHDRAWN', transfers: 1, complexity: 'COMPLEX' });
    await save('denunciation-transferred-accepted-withdrawn', handle.workflowId);
  });

  it('complaint-first-appealed and complaint-second-withdrawn: a dissatisfied first complaint appeals; its child second complaint is withdrawn', async () => {
    const { handle } = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'xay-dung', unitCode: 'HS-P-HOASON' });
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Giữ nguyên quyết định.' }] });
    expect((await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: false }] })).status).toBe('ANSWERED');
    const appealed = await handle.executeUpdate(caseUpdates.appeal, { args: [{ ...citizen, reason: 'Không đồng ý với quyết định giải quyết lần đầu.' }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'APPEALED' });

    const second = sys.client.workflow.getHandle<typeof petitionWorkflow>(caseWorkflowId(appealed.linkedCaseId!));
    await eventually(async () => expect((await second.query(caseStateQuery)).status).toBe('ASSIGNED'));
    await second.executeUpdate(caseUpdates.withdraw, { args: [{ ...citizen, reason: 'Đã được giải thích thỏa đáng.' }] });
    expect(await second.result()).toMatchObject({ status: 'CLOSED', outcome: 'WITHDRAWN', type: 'COMPLAINT_SECOND' });
    await save('complaint-first-appealed', handle.workflowId);
    await save('complaint-second-withdrawn', second.workflowId);
  });

  it('complaint-law-136: forwarded, accepted, withdrawn in part, a dialogue without the complainant, suspended and resumed, suspended and terminated', async () => {
    const forwardedBy = { name: 'Văn phòng Đoàn ĐBQH tỉnh Hòa Sơn', email: 'vanphong.dbqh@hoason.gov.test' };
    const respondent = { fullName: 'Trưởng phòng Quản lý đô thị', email: 'phong.qldt@hoason.gov.test' };
    const { handle } = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'xay-dung', unitCode: 'HS-P-HOASON', forwardedBy, respondent });
    const decision = (number: string) => ({ decisionNumber: number, decisionDate: '2026-12-01' });
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.withdrawPart, { args: [{ ...officer, parts: 'Yêu cầu bồi thường cây cối' }] });
    await handle.executeUpdate(caseUpdates.recordDialogue, { args: [{ ...officer, complainantAttended: false, note: 'Đã mời hai lần' }] });
    expect(await rejectionReason(handle.executeUpdate(caseUpdates.resumeResolution, { args: [{ ...officer, ...decision('1/QĐ') }] }))).toMatch(/ACCEPTED/);
    await handle.executeUpdate(caseUpdates.suspend, { args: [{ ...officer, ...decision('12/QĐ'), reason: 'Chờ giám định' }] });
    await handle.executeUpdate(caseUpdates.resumeResolution, { args: [{ ...officer, ...decision('15/QĐ') }] });
    await handle.executeUpdate(caseUpdates.suspend, { args: [{ ...officer, ...decision('18/QĐ'), reason: 'Chờ Tòa án' }] });
    await handle.executeUpdate(caseUpdates.terminate, { args: [{ ...officer, ...decision('20/QĐ'), ground: 'COURT_ACCEPTED', reason: 'Tòa án đã thụ lý vụ án hành chính' }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'TERMINATED' });
    await save('complaint-law-136', handle.workflowId);
  });

  it('case-continued-as-new.runN: a case that continues as new (small history limit) twice or more, then closes', async () => {
    const unit = await sys.db.unit.findUniqueOrThrow({ where: { code: 'HS-X-THUONGQUAN' } });
    const category = await sys.db.category.findUniqueOrThrow({ where: { code: 'an-sinh' } });
    const caseId = crypto.randomUUID();
    await sys.db.case.create({
      data: {
        id: caseId, trackingCode: newTrackingCode(), idempotencyKey: caseId, requestHash: 'record-histories', type: 'FEEDBACK', title: 'Chậm chi trả trợ cấp',
        content: 'Chưa nhận trợ cấp tháng 10.', categoryId: category.id, unitId: unit.id, receivedAt: new Date(), policyVersion: actionsPolicy.version,
        workflowId: caseWorkflowId(caseId), petitioner: { create: { fullName: 'Sầm Văn Dũng' } },
      },
    });
    const first = await sys.client.workflow.start(petitionWorkflow, { workflowId: caseWorkflowId(caseId), taskQueue: sys.taskQueue, args: [{ caseId, historyLimit: 60 }] });
    await eventually(async () => expect((await first.query(caseStateQuery)).status).toBe('ASSIGNED'));
    const latest = sys.client.workflow.getHandle<typeof petitionWorkflow>(caseWorkflowId(caseId));
    await latest.executeUpdate(caseUpdates.accept, { args: [officer] });
    for (let i = 0; i < 4; i += 1) {
      await latest.executeUpdate(caseUpdates.requestInfo, { args: [{ ...officer, reason: `Bổ sung giấy tờ ${i + 1}` }] });
      await latest.executeUpdate(caseUpdates.provideInfo, { args: [citizen] });
    }
    await latest.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã chi trả.' }] });
    await latest.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true }] });
    expect(await latest.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });

    let runId: string | null | undefined = first.firstExecutionRunId;
    let run = 0;
    while (runId) {
      run += 1;
      const history = await save(`case-continued-as-new.run${run}`, caseWorkflowId(caseId), runId);
      runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    }
    expect(run).toBeGreaterThanOrEqual(2);
  });
});

describe('deadlines passing', () => {
  beforeAll(async () => {
    await storePolicy(sys.db, deadlinesPolicy(), 'record-histories: deadlines in seconds');
  });

  it('case-escalation-ladder-rating-window: reminder, due and superior on both deadlines, then the rating window closes the case', async () => {
    const { handle } = await submitCase(sys, roadFeedback);
    await eventually(async () => expect(await escalations(handle)).toHaveLength(3), 20_000);
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await eventually(async () => expect(await escalations(handle)).toHaveLength(6), 20_000);
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã xử lý.' }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED', rated: false });
    await save('case-escalation-ladder-rating-window', handle.workflowId);
  });

  it('complaint-first-took-effect: a late complaint the agency still accepts, answered with who signed the decision, unappealed: it takes effect when the appeal window passes', async () => {
    const { handle } = await submitCase(sys, { type: 'COMPLAINT_FIRST', categoryCode: 'dat-dai', unitCode: 'HS', learnedOfDecisionOn: '2025-01-02', obstacle: { days: 10, reason: 'Nằm viện' } });
    await handle.executeUpdate(caseUpdates.accept, { args: [officer] });
    await handle.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Giữ nguyên quyết định.', decidedBy: 'AGENCY_HEAD' }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'TOOK_EFFECT' });
    await save('complaint-first-took-effect', handle.workflowId);
  });

  it('denunciation-rules: forwarded, verified at several places, returned as not competent and transferred by reception, accepted without the accused’s email (the written notice’s ladder), extended, both letters recorded, withdrawn', async () => {
    const { handle } = await submitCase(sys, { type: 'DENUNCIATION', categoryCode: 'can-bo', unitCode: 'HS-P-DUCXUAN', forwardedBy: { name: 'Báo Hòa Sơn' }, accused: { fullName: 'Đỗ Văn Hùng' } });
    await handle.executeUpdate(caseUpdates.verifyAtSeveralPlaces, { args: [{ ...officer, reason: 'Xác minh tại ba xã' }] });
    await handle.executeUpdate(caseUpdates.return, { args: [{ ...officer, reason: 'Không thuộc thẩm quyền của phường' }] });
    await handle.executeUpdate(caseUpdates.assign, { args: [{ ...reception, agencyId: await orgId('HS-TT') }] });
    await handle.executeUpdate(caseUpdates.accept, { args: [{ ...officer, complexity: 'COMPLEX' }] });
    await eventually(async () => expect((await escalations(handle)).filter((k) => k.startsWith('accused_notice:'))).toHaveLength(3), 20_000);
    await handle.executeUpdate(caseUpdates.requestExtension, { args: [{ ...officer, reason: 'Cần giám định tài liệu' }] });
    await handle.executeUpdate(caseUpdates.decideExtension, { args: [{ ...head, approved: true }] });
    await handle.executeUpdate(caseUpdates.recordWrittenNotice, { args: [{ ...officer, to: 'accused', letter: 'Công văn số 15/TB-TTr' }] });
    await handle.executeUpdate(caseUpdates.recordWrittenNotice, { args: [{ ...officer, to: 'forwarder', letter: 'Công văn số 16/TB-TTr' }] });
    await handle.executeUpdate(caseUpdates.withdraw, { args: [{ ...citizen, reason: 'Người tố cáo rút đơn.' }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'WITHDRAWN', duties: {} });
    await save('denunciation-rules', handle.workflowId);
  });

  it('session-with-opinions and session-opinion-answered: opinions become cases, the notice ladder runs, the head concludes, the cases close, the roll-up goes out', async () => {
    const sessionId = crypto.randomUUID();
    const session = await sys.client.workflow.start(dialogueSessionWorkflow, {
      workflowId: sessionWorkflowId(sessionId),
      taskQueue: sys.taskQueue,
      args: [{ session: { sessionId, unitCode: 'HS-X-YENPHONG', heldOn: new Date().toISOString(), kind: 'THEMATIC', topic: 'Đường giao thông nông thôn', chairName: 'Đinh Văn Bình', chairTitle: 'Chủ tịch UBND xã', chairedByHead: true, attendees: 86 } }],
    });
    expect(await rejectionReason(session.executeUpdate(addOpinionsUpdate, { args: [{ actor: 'thuky', opinions: [] }] }))).toMatch(/1 to 200 opinions/);
    const state = await session.executeUpdate(addOpinionsUpdate, {
      args: [{
        actor: 'thuky',
        opinions: [
          { categoryCode: 'dat-dai', title: 'Cấp giấy chứng nhận quyền sử dụng đất chậm', content: 'Hồ sơ nộp từ tháng 3 chưa có kết quả.', citizenName: 'Lò Văn Pấng', citizenEmail: 'pang@example.test' },
          { categoryCode: 'y-te', title: 'Trạm y tế thiếu thuốc', content: 'Trạm y tế xã thường xuyên thiếu thuốc thiết yếu.' },
        ],
      }],
    });
    await eventually(async () => expect((await session.query(sessionStateQuery)).escalations).toHaveLength(3), 20_000);
    await session.executeUpdate(concludeUpdate, { args: [{ ...head, conclusion: 'Giao các phòng chuyên môn giải quyết trong 30 ngày.' }] });

    const [answered, refused] = state.caseIds.map((id) => sys.client.workflow.getHandle<typeof petitionWorkflow>(caseWorkflowId(id)));
    for (const h of [answered!, refused!]) await eventually(async () => expect((await h.query(caseStateQuery)).status).toBe('ASSIGNED'));
    await answered!.executeUpdate(caseUpdates.accept, { args: [officer] });
    await answered!.executeUpdate(caseUpdates.answer, { args: [{ ...officer, answer: 'Đã cấp giấy chứng nhận.' }] });
    await answered!.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true }] });
    await refused!.executeUpdate(caseUpdates.refuse, { args: [{ ...officer, reason: 'Đã có kế hoạch bổ sung thuốc của tỉnh.' }] });
    expect((await session.result()).closedCaseIds).toHaveLength(2);
    expect(await answered!.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });
    await save('session-with-opinions', session.workflowId);
    await save('session-opinion-answered', answered!.workflowId);
  });

  it('recommendation-answered and recommendation-escalated: one answered at once, one after its whole ladder', async () => {
    const unit = await sys.db.unit.findUniqueOrThrow({ where: { code: 'HS-X-YENPHONG' } });
    const recommend = async (content: string) => {
      const id = crypto.randomUUID();
      await sys.db.supervisionRecommendation.create({ data: { id, unitId: unit.id, content, createdBy: 'mttq@hoason.gov.test', workflowId: recommendationWorkflowId(id) } });
      return sys.client.workflow.start(recommendationWorkflow, { workflowId: recommendationWorkflowId(id), taskQueue: sys.taskQueue, args: [{ recommendationId: id }] });
    };
    const answered = await recommend('Đề nghị làm rõ việc chậm cấp giấy chứng nhận.');
    const escalated = await recommend('Đề nghị kiểm tra việc thiếu thuốc tại trạm y tế.');

    await eventually(async () => expect((await answered.query(recommendationStateQuery)).deadline).not.toBeNull());
    expect(await rejectionReason(answered.executeUpdate(respondUpdate, { args: [{ ...head, response: ' ' }] }))).toMatch(/answer is required/);
    await answered.executeUpdate(respondUpdate, { args: [{ ...head, response: 'Đã chỉ đạo cấp giấy trong tháng.' }] });
    expect(await answered.result()).toMatchObject({ responded: true, escalations: [] });

    await eventually(async () => expect((await escalated.query(recommendationStateQuery)).escalations).toHaveLength(3), 20_000);
    await escalated.executeUpdate(respondUpdate, { args: [{ ...head, response: 'Đã bổ sung thuốc.' }] });
    expect(await escalated.result()).toMatchObject({ responded: true });
    await save('recommendation-answered', answered.workflowId);
    await save('recommendation-escalated', escalated.workflowId);
  });
});
