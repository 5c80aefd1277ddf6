import {
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { assertAllowed, type CaseSnapshot, type CaseStatus } from '../domain/case-state';
import type { DeadlineStep } from '../domain/notice-templates';
import { CaseAgencyKey, CaseDueAtKey, CaseOverdueKey, CaseStatusKey, CaseTypeKey, CaseUnitKey } from './search-attributes';

export interface PetitionInput {
  caseId: string;
}

export interface OfficerAction {
  actor: string;
  note?: string;
}
export interface AnswerAction extends OfficerAction {
  answer: string;
}
export interface AssignAction extends OfficerAction {
  agencyId: string;
}

export const caseStateQuery = defineQuery<CaseSnapshot>('caseState');
/** thụ lý: the agency formally accepts the case. */
export const acceptUpdate = defineUpdate<CaseSnapshot, [OfficerAction]>('accept');
export const answerUpdate = defineUpdate<CaseSnapshot, [AnswerAction]>('answer');
/** Reception routes by hand a case that no rule matched. */
export const assignUpdate = defineUpdate<CaseSnapshot, [AssignAction]>('assign');

const { loadCase, computeDeadline, routeCase, assignCase, recordEvent } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { sendNotices } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** One case from intake to its answer: route, notify, and escalate each deadline that passes. */
export async function petitionWorkflow({ caseId }: PetitionInput): Promise<CaseSnapshot> {
  const facts = await loadCase({ caseId });
  const snap: CaseSnapshot = {
    caseId,
    type: facts.type,
    status: 'RECEIVED',
    agencyId: null,
    receivedAt: facts.receivedAt,
    firstStepDueAt: '',
    resolutionDueAt: null,
    overdue: false,
    escalations: [],
  };
  const publish = () =>
    upsertSearchAttributes([
      { key: CaseStatusKey, value: snap.status },
      { key: CaseTypeKey, value: snap.type },
      { key: CaseUnitKey, value: facts.unitCode },
      { key: CaseAgencyKey, value: snap.agencyId },
      { key: CaseDueAtKey, value: dueAt() },
      { key: CaseOverdueKey, value: snap.overdue },
    ]);
  const dueAt = () => {
    const due = snap.resolutionDueAt ?? snap.firstStepDueAt;
    return due ? new Date(due) : null;
  };
  const moveTo = (status: CaseStatus) => {
    snap.status = status;
    publish();
  };
  const eventKey = () => `${caseId}:update:${currentUpdateInfo()?.id ?? 'none'}`;

  setHandler(caseStateQuery, () => snap);
  setHandler(
    acceptUpdate,
    async ({ actor, note }) => {
      moveTo('ACCEPTED'); // before awaiting, so a concurrent duplicate fails validation
      const acceptedAt = new Date().toISOString();
      await recordEvent({ caseId, eventKey: eventKey(), type: 'accepted', actor, reason: note, status: 'ACCEPTED', caseFields: { acceptedAt } });
      snap.resolutionDueAt = (await computeDeadline({ caseId, step: 'resolution', from: acceptedAt })).dueAt;
      publish();
      return snap;
    },
    { validator: (_action: OfficerAction) => assertAllowed('accept', snap.status) },
  );
  setHandler(
    answerUpdate,
    async ({ actor, note, answer }) => {
      moveTo('ANSWERED');
      const answeredAt = new Date().toISOString();
      await recordEvent({ caseId, eventKey: eventKey(), type: 'answered', actor, reason: note, status: 'ANSWERED', caseFields: { answeredAt, answer } });
      return snap;
    },
    {
      validator: ({ answer }) => {
        assertAllowed('answer', snap.status);
        if (!answer?.trim()) throw new Error('Nội dung trả lời không được để trống / the answer must not be empty');
      },
    },
  );
  setHandler(
    assignUpdate,
    async ({ actor, agencyId }) => {
      // The activity checks the agency exists; only then does the case change.
      await assignCase({ caseId, agencyId, actor, eventKey: eventKey() });
      snap.agencyId = agencyId;
      moveTo('ASSIGNED');
      await sendNotices({ caseId, eventKey: eventKey(), audience: 'assigned_agency' });
      return snap;
    },
    { validator: (_action: AssignAction) => assertAllowed('assign', snap.status) },
  );

  snap.firstStepDueAt = (await computeDeadline({ caseId, step: 'first_step', from: facts.receivedAt })).dueAt;
  const { agencyId } = await routeCase({ caseId });
  snap.agencyId = agencyId;
  moveTo(agencyId ? 'ASSIGNED' : 'UNROUTED');
  if (agencyId) await sendNotices({ caseId, eventKey: `${caseId}:routed`, audience: 'assigned_agency' });

  const accepted = () => snap.status === 'ACCEPTED' || snap.status === 'ANSWERED';
  await watchDeadline(accepted, snap.firstStepDueAt, 'first_step');
  await condition(() => snap.resolutionDueAt !== null);
  await watchDeadline(() => snap.status === 'ANSWERED', snap.resolutionDueAt!, 'resolution');
  await condition(allHandlersFinished);
  return snap;

  /** Waits for `done`; if the deadline passes first, the unit's head and Front are told by name. */
  async function watchDeadline(done: () => boolean, dueAt: string, step: DeadlineStep): Promise<void> {
    const msLeft = Math.max(1, new Date(dueAt).getTime() - Date.now());
    if (await condition(done, msLeft)) return;
    snap.overdue = true;
    snap.escalations.push(step);
    publish();
    await recordEvent({ caseId, eventKey: `${caseId}:overdue:${step}`, type: 'overdue', actor: 'system', data: { step, dueAt } });
    await sendNotices({ caseId, eventKey: `${caseId}:overdue:${step}`, audience: 'unit_leaders', step, dueAt });
    await condition(done);
    snap.overdue = false;
    publish();
  }
}
