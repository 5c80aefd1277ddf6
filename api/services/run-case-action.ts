import { ActivityFailure, ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { CASE_ACTIONS, type CaseAction } from '../../domain/case-actions';
import type { CaseFile } from '../../domain/case-state';
import { DATA_REJECTED } from '../../workflows/activity-failures';
import { caseUpdates } from '../../workflows/case-messages';
import { caseWorkflowId } from '../../workflows/ids';
import { AppError } from '../errors';

/** A reference the activity found invalid (no such agency or target case) is the caller's input error. */
const INPUT_FAILURES: Record<string, string> = {
  AgencyNotFound: 'agencyId',
  MergeTargetInvalid: 'targetTrackingCode',
  NoSuperiorUnit: '(case)',
  CategoryNotFound: 'opinions.categoryCode',
  [DATA_REJECTED]: '(body)',
};

/** Who runs an action: the actor the case records, and for staff their API token and their scope. */
export interface ActionCaller {
  actor: string;
  /** Set when a service account acts through an API token; every event the action writes records it. */
  tokenId?: string;
  /** The id of the open case a tracking code names within the caller's scope (422 on the field otherwise). */
  findMergeTarget?: (trackingCode: string) => Promise<string>;
  /** Joins the uploaded documents an action names to the case (attach-documents.ts); returns how to give them back. */
  claimDocuments?: (ids: string[], action: CaseAction) => Promise<() => Promise<void>>;
}

/** `merge` names its target by tracking code; the workflow update takes the id it resolves to in the caller's scope. */
async function withCaseIds(input: object, caller: ActionCaller): Promise<object> {
  if (!('targetTrackingCode' in input)) return input;
  const { targetTrackingCode, ...rest } = input as { targetTrackingCode: string };
  if (!caller.findMergeTarget) throw new AppError('forbidden', 'Vai trò của bạn không được thực hiện thao tác này / your role may not do this');
  return { ...rest, targetCaseId: await caller.findMergeTarget(targetTrackingCode) };
}

/**
 * Validates the body and runs the action as a workflow update. A refusal by the workflow (wrong
 * state, caps, one action at a time) answers 409 with its reason; nothing changes either way.
 */
export async function runCaseAction(temporal: Client, caseId: string, action: CaseAction, body: unknown, by: string | ActionCaller): Promise<CaseFile> {
  const caller = typeof by === 'string' ? { actor: by } : by;
  const { documentIds, ...parsed } = CASE_ACTIONS[action].input.parse(body ?? {}) as { documentIds?: string[] };
  const input = await withCaseIds(parsed, caller);
  const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
  // The documents join the case before the action runs and leave it again when it was refused (not
  // when its outcome is unknown: a lost connection may come after the action ran).
  const giveBack = documentIds?.length ? await claim(caller, documentIds, action) : null;
  try {
    // Every update takes its action's body and who acts; the union of the definitions loses that link.
    const update = caseUpdates[action] as unknown as typeof caseUpdates.accept;
    return await handle.executeUpdate(update, { args: [{ ...input, actor: caller.actor, tokenId: caller.tokenId }] });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError) await giveBack?.();
    throw updateErrorToHttp(err);
  }
}

function claim(caller: ActionCaller, ids: string[], action: CaseAction) {
  if (!caller.claimDocuments) throw new AppError('forbidden', 'Không gửi được tài liệu theo cách này / documents cannot be sent this way');
  return caller.claimDocuments(ids, action);
}

/** Maps a failed workflow update to the API's answer: 404, 422 on the field, or 409 with the reason. */
export function updateErrorToHttp(err: unknown): unknown {
  if (err instanceof WorkflowNotFoundError) return new AppError('case_not_found', 'Không tìm thấy hồ sơ / case not found');
  if (!(err instanceof WorkflowUpdateFailedError)) return err;
  const cause = err.cause;
  const inner = cause instanceof ActivityFailure ? cause.cause : undefined;
  if (inner instanceof ApplicationFailure && inner.type && INPUT_FAILURES[inner.type]) {
    return new AppError('validation_failed', inner.message, [{ field: INPUT_FAILURES[inner.type]!, message: inner.message }]);
  }
  return new AppError('action_not_allowed', (inner ?? cause)?.message ?? 'Thao tác không được phép / action not allowed');
}
