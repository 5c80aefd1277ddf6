import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  defineQuery,
  defineUpdate,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { OpinionInput, SessionInput } from '../activities/sessions';
import type { Deadline, LadderStep } from '../domain/legal-clock';
import { noticesAt } from '../domain/notice-ladder';
import { historyTooLong, ladderKey, nextLadderStep, waitForLadderStep } from './deadline-ladder';
import { opinionClosedSignal } from './case-messages';
import { caseWorkflowId } from './ids';
import type { petitionWorkflow } from './petition.workflow';
import { CaseStatusKey, CaseUnitKey } from './search-attributes';
import { HEARTBEAT_TIMEOUT_MS } from './activity-heartbeat';

export interface SessionState {
  sessionId: string;
  unitCode: string;
  noticeDue: Deadline | null;
  concluded: boolean;
  caseIds: string[];
  closedCaseIds: string[];
  escalations: string[];
}

export interface DialogueSessionInput {
  session: SessionInput;
  resume?: SessionState;
  historyLimit?: number;
}

/** Each opinion's case tells its session when it closes. */
/** `tokenId`: the API token a service account added them with, recorded on each new case's first event. */
export const addOpinionsUpdate = defineUpdate<SessionState, [{ actor: string; tokenId?: string; opinions: OpinionInput[] }]>('addOpinions');
/** The head's written notice (thông báo kết luận): the opinions are accepted or transferred. */
export const concludeUpdate = defineUpdate<SessionState, [{ actor: string; conclusion: string }]>('conclude');
export const sessionStateQuery = defineQuery<SessionState>('sessionState');

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const MAX_OPINIONS_PER_CALL = 200;

/**
 * A dialogue session: its opinions become linked cases with their own workflows; the head's notice
 * has its own deadline and ladder; when the notice is out and every case is closed, the roll-up
 * goes to the Front and the session closes.
 */
export async function dialogueSessionWorkflow(input: DialogueSessionInput): Promise<SessionState> {
  const { sessionId } = input.session;
  const state: SessionState = input.resume ?? {
    sessionId,
    unitCode: input.session.unitCode,
    noticeDue: null,
    concluded: false,
    caseIds: [],
    closedCaseIds: [],
    escalations: [],
  };
  const publish = (status: string) =>
    upsertSearchAttributes([
      { key: CaseStatusKey, value: `SESSION_${status}` },
      { key: CaseUnitKey, value: state.unitCode },
    ]);

  setHandler(sessionStateQuery, () => state);
  setHandler(opinionClosedSignal, ({ caseId }) => {
    if (!state.closedCaseIds.includes(caseId)) state.closedCaseIds.push(caseId);
  });
  setHandler(
    addOpinionsUpdate,
    async ({ actor, tokenId, opinions }) => {
      const batchKey = `${sessionId}:opinions:${currentUpdateInfo()?.id}`;
      const ids = await acts.createOpinionCases({ sessionId, batchKey, actor, tokenId, opinions });
      for (const caseId of ids.filter((id) => !state.caseIds.includes(id))) {
        state.caseIds.push(caseId);
        await startChild<typeof petitionWorkflow>('petitionWorkflow', {
          workflowId: caseWorkflowId(caseId),
          args: [{ caseId }],
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      }
      return state;
    },
    {
      validator: ({ opinions }) => {
        if (state.concluded) throw new Error('Buổi đối thoại đã có thông báo kết luận / the session is already concluded');
        if (!opinions?.length || opinions.length > MAX_OPINIONS_PER_CALL) throw new Error(`Cần 1–${MAX_OPINIONS_PER_CALL} ý kiến / 1 to ${MAX_OPINIONS_PER_CALL} opinions`);
        if (opinions.some((o: OpinionInput) => !o.title?.trim() || !o.content?.trim() || !o.categoryCode?.trim())) {
          throw new Error('Mỗi ý kiến cần lĩnh vực, tiêu đề và nội dung / each opinion needs a category, a title and content');
        }
      },
    },
  );
  setHandler(
    concludeUpdate,
    async ({ conclusion }) => {
      state.concluded = true;
      publish('CONCLUDED');
      try {
        await acts.concludeSession({ sessionId, conclusion, at: new Date().toISOString() });
      } catch (err) {
        // Not stored (its data refused): the session is not concluded and its ladder runs on.
        state.concluded = false;
        publish('OPEN');
        throw err;
      }
      return state;
    },
    {
      validator: ({ conclusion }) => {
        if (state.concluded) throw new Error('Đã có thông báo kết luận / the session is already concluded');
        if (!conclusion?.trim()) throw new Error('Cần nội dung kết luận / the conclusion is required');
      },
    },
  );

  async function escalate(dl: Deadline, step: LadderStep): Promise<void> {
    state.escalations.push(ladderKey(dl, step));
    await acts.sendSessionNotices({ sessionId, eventKey: `${sessionId}:${ladderKey(dl, step)}`, to: noticesAt('session', step.kind) });
  }

  if (!input.resume) {
    const opened = await acts.openSession(input.session);
    state.unitCode = opened.unitCode;
    state.noticeDue = opened.noticeDue;
  }
  publish(state.concluded ? 'CONCLUDED' : 'OPEN');

  const allClosed = () => state.caseIds.every((id) => state.closedCaseIds.includes(id));
  do {
    while (!state.concluded) {
      if (historyTooLong(workflowInfo(), input.historyLimit)) {
        await condition(allHandlersFinished);
        return continueAsNew<typeof dialogueSessionWorkflow>({ ...input, resume: state });
      }
      const step = nextLadderStep(state.noticeDue, state.escalations);
      if (await waitForLadderStep(step, () => state.concluded)) await escalate(state.noticeDue!, step!);
    }
    // A conclusion that failed to store takes the session back to waiting for one.
    await condition(() => !state.concluded || (allClosed() && allHandlersFinished()));
  } while (!state.concluded);
  await acts.sendSessionNotices({ sessionId, eventKey: `${sessionId}:rollup`, to: noticesAt('session', 'closed') });
  await acts.closeSession({ sessionId, at: new Date().toISOString() });
  publish('CLOSED');
  return state;
}
