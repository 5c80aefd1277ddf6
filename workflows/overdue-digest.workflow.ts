import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { sendOverdueDigests } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '10 seconds', // worker/heartbeat-interceptor.ts: a dead worker's activity is retried after this
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export const DIGEST_SCHEDULE_ID = 'overdue-digest';

/** One run of the periodic overdue digest (started by the `overdue-digest` schedule). */
export async function overdueDigestWorkflow(): Promise<{ mails: number; overdueCases: number }> {
  // The schedule gives each run its own workflow id: the run's key for the outbox.
  return sendOverdueDigests({ runKey: workflowInfo().workflowId, at: new Date().toISOString() });
}
