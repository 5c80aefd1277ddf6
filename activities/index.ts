import { clock } from './clock';
import type { ActivityDeps } from './deps';
import { createAppealCase, mergeCase } from './link-cases';
import { loadCase } from './load-case';
import { sendOverdueDigests } from './overdue-digest';
import { openRecommendation, recordRecommendationResponse, sendRecommendationNotices } from './recommendations';
import { recordEvent } from './record-event';
import { assignAgency, routeCase } from './route-case';
import { sendNotices } from './send-notices';
import { closeSession, concludeSession, createOpinionCases, openSession, sendSessionNotices } from './sessions';

export type { ActivityDeps } from './deps';

export function createActivities(deps: ActivityDeps) {
  return {
    loadCase: loadCase(deps),
    clock: clock(deps),
    routeCase: routeCase(deps),
    assignAgency: assignAgency(deps),
    recordEvent: recordEvent(deps),
    sendNotices: sendNotices(deps),
    createAppealCase: createAppealCase(deps),
    mergeCase: mergeCase(deps),
    openSession: openSession(deps),
    createOpinionCases: createOpinionCases(deps),
    concludeSession: concludeSession(deps),
    sendSessionNotices: sendSessionNotices(deps),
    closeSession: closeSession(deps),
    sendOverdueDigests: sendOverdueDigests(deps),
    openRecommendation: openRecommendation(deps),
    sendRecommendationNotices: sendRecommendationNotices(deps),
    recordRecommendationResponse: recordRecommendationResponse(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
