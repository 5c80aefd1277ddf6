import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTrackingCode } from '../infra/tracking-code';
import { caseWorkflowId } from '../workflows/ids';
import { caseUpdates } from '../workflows/case-messages';
import { petitionWorkflow } from '../workflows/petition.workflow';
import { eventTypes, mailsFor, sleep, submitCase } from './support/cases';
import { eventually } from './support/eventually';
import { seconds, secondsRule, testPolicy } from './support/policies';
import { startSystem, type TestSystem } from './support/system';
import { duplicateCount, reportFaults } from './support/fault-figures';

const policy = testPolicy('test-durability', {
  rules: { FEEDBACK: secondsRule('FEEDBACK', 3, 120) },
  ladder: { reminderBefore: seconds(1), graceAfterDue: seconds(120) },
  ratingWindow: seconds(120),
});

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem({ clockPolicy: policy });
});
afterAll(async () => {
  await sys?.stop();
});

const feedback = { type: 'FEEDBACK', categoryCode: 'an-sinh', unitCode: 'HS-X-THUONGQUAN' };

describe('durability', () => {
  it('loses nothing when the worker stops mid-case and a deadline passes while it is down', async () => {
    const { id, trackingCode, handle } = await submitCase(sys, feedback);
    await sys.stopWorker();
    await sleep(4000); // the acceptance deadline passes with no worker running
    await sys.startWorker();
    const head = 'truong.hs-x-thuongquan-ubnd@hoason.gov.test';
    await eventually(() => expect(mailsFor(sys, trackingCode, head)).toHaveLength(1), 20_000);
    await handle.executeUpdate(caseUpdates.accept, { args: [{ actor: 'canbo' }] });
    await sys.stopWorker();
    await sys.startWorker();
    await handle.executeUpdate(caseUpdates.answer, { args: [{ actor: 'canbo', answer: 'Đã chi trả trợ cấp.' }] });
    await handle.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true }] });
    expect(await handle.result()).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });
    expect(mailsFor(sys, trackingCode, head)).toHaveLength(1);
    const events = await eventTypes(sys, id);
    expect(events.filter((e) => e === 'overdue')).toHaveLength(1);
    expect(events).toEqual(expect.arrayContaining(['received', 'assigned', 'overdue', 'accepted', 'answered', 'closed']));
    reportFaults('worker stopped twice, once across a deadline', { casesInFlight: 1, faultsInjected: 2, casesLost: 0, duplicateEmails: duplicateCount(mailsFor(sys, trackingCode)) });
  });

  it('continues as new before the history grows large, carrying the case over', async () => {
    const unit = await sys.db.unit.findUniqueOrThrow({ where: { code: 'HS-X-THUONGQUAN' } });
    const category = await sys.db.category.findUniqueOrThrow({ where: { code: 'an-sinh' } });
    const caseId = crypto.randomUUID();
    await sys.db.case.create({
      data: {
        id: caseId, trackingCode: newTrackingCode(), idempotencyKey: caseId, requestHash: 'test', type: 'FEEDBACK', title: 'Chậm chi trả trợ cấp',
        content: 'Chưa nhận trợ cấp tháng 10.', categoryId: category.id, unitId: unit.id, receivedAt: new Date(), policyVersion: policy.version,
        workflowId: caseWorkflowId(caseId), petitioner: { create: { fullName: 'Sầm Văn Dũng' } },
      },
    });
    const handle = await sys.client.workflow.start(petitionWorkflow, { workflowId: caseWorkflowId(caseId), taskQueue: sys.taskQueue, args: [{ caseId, historyLimit: 60 }] });
    const firstRun = handle.firstExecutionRunId;
    await eventually(async () => expect((await sys.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('ASSIGNED'));
    await sleep(500);
    const latest = sys.client.workflow.getHandle<typeof petitionWorkflow>(caseWorkflowId(caseId));
    await latest.executeUpdate(caseUpdates.accept, { args: [{ actor: 'canbo' }] });
    for (let i = 0; i < 6; i += 1) {
      await latest.executeUpdate(caseUpdates.requestInfo, { args: [{ actor: 'canbo', reason: `Bổ sung giấy tờ ${i + 1}` }] });
      await latest.executeUpdate(caseUpdates.provideInfo, { args: [{ actor: 'citizen' }] });
    }
    await latest.executeUpdate(caseUpdates.answer, { args: [{ actor: 'canbo', answer: 'Đã chi trả.' }] });
    await latest.executeUpdate(caseUpdates.rate, { args: [{ actor: 'citizen', satisfied: true }] });
    const result = await latest.result();
    expect((await latest.describe()).runId).not.toBe(firstRun);
    expect(result).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED' });
    expect(result.resolution!.history.filter((h) => h.kind === 'paused')).toHaveLength(6);
  });
});
