import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import { CASE_ACTION_NAMES } from '../domain/case-actions';
import type { CaseFile } from '../domain/case-state';
import { acts, CaseProcess } from './case-process';
import { caseStateQuery, opinionClosedSignal } from './case-messages';
import { historyTooLong } from './deadline-ladder';
import { sessionWorkflowId } from './ids';

export interface PetitionInput {
  caseId: string;
  /** State carried over by continue-as-new. */
  resume?: CaseFile;
  /** History length that triggers continue-as-new (tests lower it). */
  historyLimit?: number;
}

/**
 * One case from intake to closure: the first deadline and routing, then every action as it comes
 * (workflows/case-process.ts carries out what domain/case-transitions.ts says each one does) and the
 * escalation ladder of whichever deadline is running, until the case is closed.
 */
export async function petitionWorkflow(input: PetitionInput): Promise<CaseFile> {
  const process = new CaseProcess(input.resume ?? (await acts.loadCase({ caseId: input.caseId })), Boolean(input.resume));
  setHandler(caseStateQuery, () => process.file);
  for (const name of CASE_ACTION_NAMES) process.handle(name);
  // Notices go after the action that asked for them has answered, in order, whatever the relay does.
  void process.sendNotices();

  if (!input.resume) await process.intake();

  do {
    while (process.open) {
      if (historyTooLong(workflowInfo(), input.historyLimit)) {
        await condition(() => process.idle && allHandlersFinished() && process.noticesSent);
        if (process.open) return continueAsNew<typeof petitionWorkflow>({ ...input, resume: process.file });
        continue; // an action closed it meanwhile: there is no next step to wait for
      }
      await process.next();
    }
    // A closing action that failed to store reopens the case it had closed in memory.
    await condition(allHandlersFinished);
  } while (process.open);
  // Nothing the case's actions asked to tell is dropped: a closed case ends once its notices are out.
  await condition(() => process.noticesSent);

  const { file } = process;
  if (file.sessionId) {
    await getExternalWorkflowHandle(sessionWorkflowId(file.sessionId)).signal(opinionClosedSignal, { caseId: file.caseId, outcome: file.outcome });
  }
  return file;
}
