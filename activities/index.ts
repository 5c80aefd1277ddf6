import { computeDeadline } from './compute-deadline';
import type { ActivityDeps } from './deps';
import { loadCase } from './load-case';
import { recordEvent } from './record-event';
import { assignCase, routeCase } from './route-case';
import { sendNotices } from './send-notices';

export type { ActivityDeps } from './deps';

export function createActivities(deps: ActivityDeps) {
  return {
    loadCase: loadCase(deps),
    computeDeadline: computeDeadline(deps),
    routeCase: routeCase(deps),
    assignCase: assignCase(deps),
    recordEvent: recordEvent(deps),
    sendNotices: sendNotices(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
