import { allHandlersFinished, condition, defineQuery, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Deadline, LadderStep } from '../domain/legal-clock';
import { noticesAt } from '../domain/notice-ladder';
import { ladderKey, nextLadderStep, waitForLadderStep } from './deadline-ladder';
import { HEARTBEAT_TIMEOUT_MS } from './activity-heartbeat';

export interface RecommendationState {
  recommendationId: string;
  deadline: Deadline | null;
  responded: boolean;
  escalations: string[];
}

export const respondUpdate = defineUpdate<RecommendationState, [{ actor: string; response: string }]>('respond');
export const recommendationStateQuery = defineQuery<RecommendationState>('recommendationState');

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** A Front committee's supervision recommendation: the head answers it before its deadline, or the ladder escalates. */
export async function recommendationWorkflow({ recommendationId }: { recommendationId: string }): Promise<RecommendationState> {
  const state: RecommendationState = { recommendationId, deadline: null, responded: false, escalations: [] };
  setHandler(recommendationStateQuery, () => state);
  setHandler(
    respondUpdate,
    async ({ actor, response }) => {
      state.responded = true;
      try {
        await acts.recordRecommendationResponse({ recommendationId, response, respondedBy: actor, at: new Date().toISOString() });
      } catch (err) {
        state.responded = false; // not stored: still awaiting an answer
        throw err;
      }
      await acts.sendRecommendationNotices({ recommendationId, eventKey: `recommendation:${recommendationId}:answered`, to: noticesAt('recommendation', 'answered') });
      return state;
    },
    {
      validator: ({ response }) => {
        if (state.responded) throw new Error('Kiến nghị đã được trả lời / the recommendation is already answered');
        if (!response?.trim()) throw new Error('Cần nội dung trả lời / the answer is required');
      },
    },
  );

  state.deadline = await acts.openRecommendation({ recommendationId });
  await acts.sendRecommendationNotices({ recommendationId, eventKey: `recommendation:${recommendationId}:received`, to: noticesAt('recommendation', 'received') });

  const escalate = async (dl: Deadline, step: LadderStep) => {
    state.escalations.push(ladderKey(dl, step));
    await acts.sendRecommendationNotices({ recommendationId, eventKey: `recommendation:${recommendationId}:${ladderKey(dl, step)}`, to: noticesAt('recommendation', step.kind) });
  };
  do {
    while (!state.responded) {
      const step = nextLadderStep(state.deadline, state.escalations);
      if (await waitForLadderStep(step, () => state.responded)) await escalate(state.deadline, step!);
    }
    await condition(() => !state.responded || allHandlersFinished());
  } while (!state.responded);
  return state;
}
