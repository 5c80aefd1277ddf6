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
import type { NoticeRequest } from '../activities/send-notices';
import type { UpdateDefinition } from '@temporalio/common';
import { assertAllowed, CASE_ACTION_NAMES, updateSchemaOf, type CaseAction } from '../domain/case-actions';
import { ratingWindowPassed, transition, type DueRef, type Step } from '../domain/case-transitions';
import { currentDeadline, type CaseFile } from '../domain/case-state';
import type { ClockOp, Deadline, LadderStep } from '../domain/legal-clock';
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

  /** Carries out an action's steps (domain/case-transitions.ts), in order. */
  async function carry(steps: Step[], actor: string, key: string): Promise<void> {
    let computed: Deadline | null = null;
    const dueOf = (ref: DueRef | undefined) =>
      ref === 'computed' ? computed?.dueAt : ref === 'current' ? currentDeadline(file)?.dueAt : ref === 'first_step' ? file.firstStep?.dueAt : ref === 'resolution' ? file.resolution?.dueAt : undefined;
    for (const s of steps) {
      const eventKey = 'key' in s && s.key ? `${key}${s.key}` : key;
      switch (s.do) {
        case 'set':
          Object.assign(file, s.changes);
          break;
        case 'assignAgency':
          await acts.assignAgency({ caseId, agencyId: s.agencyId, actor, tokenId: actionToken, eventKey, kind: s.kind, ...(s.reason !== undefined ? { reason: s.reason } : {}) });
          break;
        case 'record':
          if (s.status) {
            file.status = s.status;
            publish();
          }
          await acts.recordEvent({ caseId, eventKey, type: s.type, actor, tokenId: tokenOf(actor), reason: s.reason, ...(s.status ? { status: s.status } : {}), ...(s.fields ? { caseFields: s.fields } : {}) });
          break;
        case 'clock':
          computed = await runClock(s.op, eventKey, actor);
          break;
        case 'notify':
          await notify({ eventKey, audience: s.audience, template: s.template, citizenEvent: s.citizenEvent, step: s.step, dueAt: dueOf(s.due), note: s.note });
          break;
        case 'tellAccused':
          if (patched('accused-notice')) await tellTheAccused(eventKey, s.summary, computed?.dueAt ?? null);
          break;
        case 'appealCase': {
          const { caseId: appealId } = await acts.createAppealCase({ fromCaseId: caseId, eventKey, actor, tokenId: actionToken, reason: s.reason });
          await startChild<typeof petitionWorkflow>('petitionWorkflow', { workflowId: caseWorkflowId(appealId), args: [{ caseId: appealId }], parentClosePolicy: ParentClosePolicy.ABANDON });
          file.linkedCaseId = appealId;
          break;
        }
        case 'mergeInto':
          await acts.mergeCase({ caseId, targetCaseId: s.targetCaseId, actor, tokenId: actionToken, reason: s.reason, eventKey });
          break;
      }
    }
  }

  for (const name of CASE_ACTION_NAMES) action(name, (a, key) => carry(transition(file, name, a, now()), a.actor, key));

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
      await carry(ratingWindowPassed(now()), 'system', `${caseId}:rating-window:${window}`);
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
    // The citizen's receipt went from the API with the secret; this sends it (without) only where that did not.
    if (patched('citizen-receipt')) await notify({ eventKey: `${caseId}:receipt`, audience: 'citizen', template: 'citizen_receipt' });
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
