import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ClockOp } from '../activities/clock';
import type { NoticeRequest } from '../activities/send-notices';
import type { UpdateDefinition } from '@temporalio/common';
import { assertAllowed, updateSchemaOf, type CaseAction } from '../domain/case-actions';
import { currentDeadline, type CaseFile, type CaseOutcome, type CaseStatus } from '../domain/case-state';
import type { Deadline, LadderStep } from '../domain/legal-clock';
import type { CitizenEvent } from '../domain/notice-templates';
import { historyTooLong, ladderKey, nextLadderStep, waitForLadderStep } from './deadline-ladder';
import { caseWorkflowId, sessionWorkflowId } from './ids';
import { CaseAgencyKey, CaseDueAtKey, CaseOverdueKey, CaseStatusKey, CaseTypeKey, CaseUnitKey } from './search-attributes';
import { actionBody, caseStateQuery, caseUpdates, opinionClosedSignal, type ActionPayload } from './case-messages';
import { HEARTBEAT_TIMEOUT_MS } from './activity-heartbeat';
import { isDataRejected } from './activity-failures';

export interface PetitionInput {
  caseId: string;
  /** State carried over by continue-as-new. */
  resume?: CaseFile;
  /** History length that triggers continue-as-new (tests lower it). */
  historyLimit?: number;
}

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** One case from intake to closure: routing, the legal clocks and their escalation ladders, every officer action. */
export async function petitionWorkflow(input: PetitionInput): Promise<CaseFile> {
  const { caseId } = input;
  const file: CaseFile = input.resume ?? (await acts.loadCase({ caseId }));
  let busy: CaseAction | null = null;
  // The running action's API token, if any (actions run one at a time); timers never carry one.
  let actionToken: string | undefined;
  const tokenOf = (actor: string) => (actor === 'system' ? undefined : actionToken);
  let clockVersion = 0;
  // Actions wait for intake (first clock, routing, first notice), which sets the status itself.
  let intakeDone = Boolean(input.resume);

  const now = () => new Date().toISOString();
  const updateKey = (what: string) => `${caseId}:${what}:${currentUpdateInfo()?.id}`;
  const notify = (req: Omit<NoticeRequest, 'caseId'>) => mail.sendNotices({ caseId, ...req });

  function publish(): void {
    const due = currentDeadline(file)?.dueAt;
    file.overdue = due ? Date.now() > new Date(due).getTime() : false;
    upsertSearchAttributes([
      { key: CaseStatusKey, value: file.status },
      { key: CaseTypeKey, value: file.type },
      { key: CaseUnitKey, value: file.unitCode },
      { key: CaseAgencyKey, value: file.agencyId },
      { key: CaseDueAtKey, value: due ? new Date(due) : null },
      { key: CaseOverdueKey, value: file.overdue },
    ]);
  }

  async function runClock(op: ClockOp, eventKey: string, actor: string): Promise<Deadline> {
    const dl = await acts.clock({ caseId, eventKey, at: now(), actor, tokenId: tokenOf(actor), op });
    if (dl.step === 'first_step') file.firstStep = dl;
    else if (dl.step === 'resolution') file.resolution = dl;
    else if (dl.step === 'rating') file.ratingDueAt = dl.dueAt;
    clockVersion += 1;
    publish();
    return dl;
  }

  async function move(status: CaseStatus, type: string, actor: string, reason: string | undefined, eventKey: string, caseFields = {}) {
    file.status = status;
    publish();
    await acts.recordEvent({ caseId, eventKey, type, actor, tokenId: tokenOf(actor), reason, status, caseFields });
  }

  async function close(outcome: CaseOutcome, actor: string, reason: string, eventKey: string, citizenEvent?: CitizenEvent) {
    file.outcome = outcome;
    await move('CLOSED', 'closed', actor, reason, eventKey, { outcome, closedAt: now() });
    if (citizenEvent) await notify({ eventKey, audience: 'citizen', citizenEvent, note: reason });
  }

  function restore(saved: CaseFile): void {
    for (const key of Object.keys(file)) if (!(key in saved)) delete (file as unknown as Record<string, unknown>)[key];
    Object.assign(file, saved);
  }

  /** The case says the action failed and why, instead of waiting on it for ever. */
  async function recordFailure(name: CaseAction, actor: string): Promise<void> {
    publish();
    const reason = `Thao tác "${name}" không thực hiện được: dữ liệu không lưu được / the "${name}" action failed: its data cannot be stored`;
    await acts.recordEvent({ caseId, eventKey: `${updateKey(name)}:failed`, type: 'action_failed', actor, tokenId: tokenOf(actor), reason });
  }

  /** Wires a case action: one at a time, allowed only in the right state and with a valid body, answering with the case. */
  function action<A extends CaseAction>(name: A, run: (a: ActionPayload<A>, key: string) => Promise<void>) {
    const update: UpdateDefinition<CaseFile, [ActionPayload<A>]> = caseUpdates[name];
    setHandler(
      update,
      async (a: ActionPayload<A>) => {
        busy = name;
        actionToken = a.tokenId;
        const before = JSON.stringify(file);
        try {
          await condition(() => intakeDone);
          await run(a, updateKey(name));
        } catch (err) {
          // A failed action leaves the case as it was (the database refused the same write).
          restore(JSON.parse(before) as CaseFile);
          if (isDataRejected(err)) await recordFailure(name, a.actor ?? 'citizen');
          throw err;
        } finally {
          busy = null;
          actionToken = undefined;
        }
        publish();
        return file;
      },
      {
        validator: (a: ActionPayload<A>) => {
          if (busy) throw new Error(`Đang thực hiện thao tác "${busy}", vui lòng thử lại / "${busy}" is in progress, retry shortly`);
          const body = actionBody(a);
          const parsed = updateSchemaOf(name).safeParse(body);
          if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          assertAllowed(file, name, body);
        },
      },
    );
  }

  setHandler(caseStateQuery, () => file);

  action('assign', async ({ actor, agencyId }, key) => {
    await acts.assignAgency({ caseId, agencyId, actor, tokenId: actionToken, eventKey: key, kind: 'assigned' });
    file.agencyId = agencyId;
    file.status = 'ASSIGNED';
    await notify({ eventKey: key, audience: 'assigned_agency', template: 'assignment', step: 'first_step', dueAt: file.firstStep?.dueAt });
  });

  action('reassign', async ({ actor, agencyId, reason }, key) => {
    await acts.assignAgency({ caseId, agencyId, actor, tokenId: actionToken, eventKey: key, kind: 'reassigned', reason });
    file.agencyId = agencyId;
    await notify({ eventKey: key, audience: 'assigned_agency', template: 'assignment', step: 'first_step', dueAt: currentDeadline(file)?.dueAt });
  });

  action('accept', async ({ actor, note, complexity, accusedSummary }, key) => {
    if (complexity) file.complexity = complexity;
    await move('ACCEPTED', 'accepted', actor, note, key, { acceptedAt: now(), complexity: file.complexity });
    const dl = await runClock({ kind: 'start', step: 'resolution', from: now() }, `${key}:clock`, actor);
    await notify({ eventKey: key, audience: 'citizen', citizenEvent: 'accepted', step: 'resolution', dueAt: dl.dueAt });
    // The same-level inspectorate must be told when a complaint is accepted.
    if (file.type === 'COMPLAINT_FIRST' || file.type === 'COMPLAINT_SECOND') {
      await notify({ eventKey: `${key}:inspectorate`, audience: 'inspectorate', step: 'resolution', dueAt: dl.dueAt });
    }
    if (file.type === 'DENUNCIATION' && patched('accused-notice')) await tellTheAccused(`${key}:accused`, accusedSummary, dl.dueAt);
  });

  /**
   * The accused is told of the acceptance within 5 working days (Denunciations Law 2018 art. 29): by
   * mail at once when the denunciation gave an address, otherwise the agency must write, and the
   * case says so.
   */
  async function tellTheAccused(eventKey: string, summary: string | undefined, dueAt: string | null) {
    const { recipients } = await notify({ eventKey, audience: 'accused', step: 'resolution', dueAt, note: summary });
    if (recipients === 0) {
      await acts.recordEvent({ caseId, eventKey: `${eventKey}:in-writing`, type: 'accused_notice_in_writing', actor: 'system', tokenId: actionToken, reason: 'Không có email của người bị tố cáo: cơ quan thông báo bằng văn bản trong 5 ngày làm việc (Luật Tố cáo 2018, Điều 29) / no email for the accused: the agency informs them in writing within 5 working days' });
    }
  }

  action('return', async ({ actor, reason }, key) => {
    file.agencyId = null;
    await move('UNROUTED', 'returned', actor, reason, key, { agency: { disconnect: true } });
    await notify({ eventKey: key, audience: 'reception', step: 'first_step', dueAt: file.firstStep?.dueAt, note: reason });
  });

  action('transfer', async ({ actor, agencyId, reason }, key) => {
    await acts.assignAgency({ caseId, agencyId, actor, tokenId: actionToken, eventKey: key, kind: 'transferred', reason });
    file.agencyId = agencyId;
    file.transfers += 1;
    file.status = 'ASSIGNED';
    const dl = await runClock({ kind: 'start', step: 'first_step', from: now() }, `${key}:clock`, actor);
    await notify({ eventKey: key, audience: 'assigned_agency', template: 'assignment', step: 'first_step', dueAt: dl.dueAt });
    await notify({ eventKey: key, audience: 'citizen', citizenEvent: 'transferred', note: reason });
  });

  action('guide', async ({ actor, reason }, key) => close('GUIDED', actor, reason, key, 'guided'));
  action('refuse', async ({ actor, reason }, key) => close('REFUSED', actor, reason, key, 'refused'));

  action('requestInfo', async ({ actor, reason }, key) => {
    await move('AWAITING_INFO', 'info_requested', actor, reason, key);
    await runClock({ kind: 'pause', reason }, `${key}:clock`, actor);
    await notify({ eventKey: key, audience: 'citizen', citizenEvent: 'info_requested', note: reason });
  });

  action('provideInfo', async ({ actor, note }, key) => {
    await move('ACCEPTED', 'info_provided', actor, note, key);
    await runClock({ kind: 'resume' }, `${key}:clock`, actor);
  });

  action('requestExtension', async ({ actor, reason }, key) => {
    file.extensionPending = { requestedBy: actor, reason };
    const pending = { extensionRequestedAt: now(), extensionRequestedBy: actor, extensionRequestReason: reason };
    await acts.recordEvent({ caseId, eventKey: key, type: 'extension_requested', actor, tokenId: actionToken, reason, caseFields: pending });
    await notify({ eventKey: key, audience: 'unit_head', template: 'extension_requested', step: 'resolution', dueAt: file.resolution?.dueAt, note: reason });
  });

  action('decideExtension', async ({ actor, approved, note }, key) => {
    file.extensionPending = null;
    const decided = { extensionRequestedAt: null, extensionRequestedBy: null, extensionRequestReason: null };
    await acts.recordEvent({ caseId, eventKey: key, type: approved ? 'extension_approved' : 'extension_refused', actor, tokenId: actionToken, reason: note, caseFields: decided });
    if (approved) {
      file.extensionsUsed += 1;
      await runClock({ kind: 'extend' }, `${key}:clock`, actor);
    }
    const decision = approved ? 'Chủ tịch UBND đồng ý gia hạn / the head approved the extension' : 'Chủ tịch UBND không đồng ý gia hạn / the head refused the extension';
    const message = note ? `${decision}. ${note}` : decision;
    await notify({ eventKey: key, audience: 'assigned_agency', template: 'extension_decided', step: 'resolution', dueAt: file.resolution?.dueAt, note: message });
    await notify({ eventKey: key, audience: 'citizen', citizenEvent: 'extension_decided', step: 'resolution', dueAt: file.resolution?.dueAt, note: message });
  });

  action('reclassify', async ({ actor, complexity, reason }, key) => {
    file.complexity = complexity;
    await runClock({ kind: 'reclassify', complexity, reason }, key, actor);
  });

  action('answer', async ({ actor, answer, documents }, key) => {
    await move('ANSWERED', 'answered', actor, undefined, key, { answeredAt: now(), answer, answerDocuments: documents ?? [] });
    await runClock({ kind: 'start', step: 'rating', from: now() }, `${key}:clock`, actor);
    await notify({ eventKey: key, audience: 'citizen', citizenEvent: 'answered', note: answer });
  });

  action('rate', async ({ satisfied, comment }, key) => {
    file.rated = true;
    await acts.recordEvent({ caseId, eventKey: key, type: satisfied ? 'rated_satisfied' : 'rated_dissatisfied', actor: 'citizen', reason: comment, caseFields: { satisfied, ratingComment: comment ?? null } });
    if (satisfied) return close('RESOLVED', 'citizen', 'Công dân hài lòng / the citizen is satisfied', `${key}:close`);
    // A dissatisfied complainant appeals (khiếu nại lần hai); any other case is looked at again.
    if (file.type === 'COMPLAINT_FIRST') return;
    file.rated = false;
    await move('ACCEPTED', 'reopened', 'citizen', comment, `${key}:reopen`);
    const dl = await runClock({ kind: 'start', step: 'resolution', from: now() }, `${key}:clock`, 'citizen');
    await notify({ eventKey: key, audience: 'assigned_agency', template: 'assignment', step: 'resolution', dueAt: dl.dueAt });
    await notify({ eventKey: key, audience: 'citizen', citizenEvent: 'reopened', step: 'resolution', dueAt: dl.dueAt });
  });

  action('appeal', async ({ actor, reason }, key) => {
    const { caseId: appealId } = await acts.createAppealCase({ fromCaseId: caseId, eventKey: key, actor, tokenId: actionToken, reason });
    await startChild<typeof petitionWorkflow>('petitionWorkflow', {
      workflowId: caseWorkflowId(appealId),
      args: [{ caseId: appealId }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    file.linkedCaseId = appealId;
    await close('APPEALED', actor, reason, key, 'appealed');
  });

  action('withdraw', async ({ actor, reason }, key) => close('WITHDRAWN', actor, reason, key, 'closed'));

  action('merge', async ({ actor, targetCaseId, reason }, key) => {
    await acts.mergeCase({ caseId, targetCaseId, actor, tokenId: actionToken, reason, eventKey: key });
    file.linkedCaseId = targetCaseId;
    await close('MERGED', actor, reason, `${key}:close`, 'closed');
  });

  action('note', async ({ actor, note }, key) => {
    await acts.recordEvent({ caseId, eventKey: key, type: 'note', actor, tokenId: actionToken, reason: note });
  });

  /** One rung of the escalation ladder: remind the agency, then the unit's head and Front, then the superior unit's. */
  async function escalate(dl: Deadline, step: LadderStep): Promise<void> {
    const eventKey = `${caseId}:${ladderKey(dl, step)}`;
    file.escalations.push(ladderKey(dl, step));
    publish();
    if (step.kind === 'reminder') {
      await notify({ eventKey, audience: 'assigned_agency', template: 'reminder', step: dl.step, dueAt: dl.dueAt });
      return;
    }
    await acts.recordEvent({ caseId, eventKey, type: step.kind === 'due' ? 'overdue' : 'escalated_to_superior', actor: 'system', data: { step: dl.step, dueAt: dl.dueAt } });
    await notify({ eventKey, audience: step.kind === 'due' ? 'unit_leaders' : 'superior_leaders', step: dl.step, dueAt: dl.dueAt });
  }

  /** Until the case moves on or its deadline changes, take the next ladder step when it comes due. */
  async function watchDeadline(): Promise<void> {
    const dl = currentDeadline(file);
    const [version, status] = [clockVersion, file.status];
    const step = nextLadderStep(dl, file.escalations);
    if (await waitForLadderStep(step, () => clockVersion !== version || file.status !== status)) await escalate(dl!, step!);
  }

  /** After the answer: the citizen rates it, or the window passes and the case closes. */
  async function awaitRating(): Promise<void> {
    const window = file.ratingDueAt;
    if (!window) {
      await condition(() => file.ratingDueAt !== null || file.status !== 'ANSWERED');
      return;
    }
    const ms = Math.max(1, new Date(window).getTime() - Date.now());
    if (await condition(() => file.status !== 'ANSWERED' || file.ratingDueAt !== window, ms)) return;
    await condition(() => busy === null);
    if (file.status === 'ANSWERED') {
      await close('RESOLVED', 'system', 'Hết thời hạn đánh giá / the rating window has passed', `${caseId}:rating-window:${window}`);
    }
  }

  if (!input.resume) {
    await runClock({ kind: 'start', step: 'first_step', from: file.receivedAt }, `${caseId}:clock:first_step`, 'system');
    const { agencyId } = await acts.routeCase({ caseId });
    file.agencyId = agencyId;
    file.status = agencyId ? 'ASSIGNED' : 'UNROUTED';
    publish();
    const audience = agencyId ? 'assigned_agency' : 'reception';
    await notify({ eventKey: `${caseId}:routed`, audience, template: agencyId ? 'assignment' : 'needs_routing', step: 'first_step', dueAt: file.firstStep?.dueAt });
    intakeDone = true;
  }

  const open = () => file.status !== 'CLOSED';
  do {
    while (open()) {
      if (historyTooLong(workflowInfo(), input.historyLimit)) {
        await condition(() => busy === null && allHandlersFinished());
        if (open()) return continueAsNew<typeof petitionWorkflow>({ ...input, resume: file });
      }
      if (file.status === 'ANSWERED') await awaitRating();
      else await watchDeadline();
    }
    // A closing action that failed to store reopens the case it had closed in memory.
    await condition(allHandlersFinished);
  } while (open());
  if (file.sessionId) {
    await getExternalWorkflowHandle(sessionWorkflowId(file.sessionId)).signal(opinionClosedSignal, { caseId, outcome: file.outcome });
  }
  return file;
}
