import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Database } from '../../infra/database';
import { caseWorkflowId } from '../../workflows/ids';
import { AppError } from '../errors';
import { petitionWorkflow } from '../../workflows/petition.workflow';

/**
 * Starts the case's workflow, or finds it already started: the id derives from the case id and an
 * existing run is reused, so calling this again after any failure is safe.
 */
export async function startCaseWorkflow(db: Database, temporal: Client, taskQueue: string, caseId: string): Promise<void> {
  try {
    await temporal.workflow.start(petitionWorkflow, {
      workflowId: caseWorkflowId(caseId),
      taskQueue,
      args: [{ caseId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    // A run that already finished holds the id: that case has its workflow.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
      console.error(`starting the workflow of case ${caseId} failed`, err);
      throw new AppError(
        'temporarily_unavailable',
        'Đơn đã được lưu nhưng chưa khởi động được quy trình xử lý; hãy gửi lại với cùng Idempotency-Key / ' +
          'the petition is stored but its workflow could not start yet; retry with the same Idempotency-Key',
      );
    }
  }
  await db.case.updateMany({ where: { id: caseId, workflowStartedAt: null }, data: { workflowStartedAt: new Date() } });
}
