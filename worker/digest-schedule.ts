import { Client, Connection, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { DIGEST_SCHEDULE_ID, overdueDigestWorkflow } from '../workflows/overdue-digest.workflow';

/**
 * Creates the overdue-digest schedule when it does not exist yet (Temporal runs it; replicas
 * starting together are fine). Times are cron in Vietnam time; an existing schedule keeps its spec.
 */
export async function ensureDigestSchedule(address: string, namespace: string, taskQueue: string, cron: string): Promise<'created' | 'exists'> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    await client.schedule.create({
      scheduleId: DIGEST_SCHEDULE_ID,
      spec: { cronExpressions: [cron], timezone: 'Asia/Ho_Chi_Minh' },
      action: { type: 'startWorkflow', workflowType: overdueDigestWorkflow, taskQueue, workflowId: DIGEST_SCHEDULE_ID },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    });
    return 'created';
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return 'exists';
    throw err;
  } finally {
    await connection.close();
  }
}
