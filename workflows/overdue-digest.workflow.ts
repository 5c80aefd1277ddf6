import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { HEARTBEAT_TIMEOUT_MS } from './activity-heartbeat';

const { sendOverdueDigests } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export const DIGEST_SCHEDULE_ID = 'overdue-digest';

/** One run of the periodic overdue digest (started by the `overdue-digest` schedule). */
export async function overdueDigestWorkflow(): Promise<{ mails: number; overdueCases: number }> {
  // The schedule gives each run its own workflow id: the run's key for the outbox.
  return sendOverdueDigests({ runKey: workflowInfo().workflowId, at: new Date().toISOString() });
}
