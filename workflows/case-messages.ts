import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { CASE_ACTION_NAMES, type CaseAction, type UpdateInput } from '../domain/case-actions';
import type { CaseFile } from '../domain/case-state';

/**
 * The messages of the case and session workflows, apart from the workflows themselves: the API
 * and the tests import these without importing a workflow, and the two workflows do not import
 * each other.
 */

/** Who acts: the audit trail's actor, and a service account's API token when one acted. */
export interface Actor {
  actor: string;
  tokenId?: string;
}

/** What an update carries: the action's body (as the API turned it into the update's), and who acts. */
export type ActionPayload<A extends CaseAction> = UpdateInput<A> & Actor;

/** The action's own body, without who acts. */
export function actionBody(payload: Actor): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([k]) => k !== 'actor' && k !== 'tokenId'));
}

/** One update per case action, named as the action, derived from the registry (domain/case-actions.ts). */
export const caseUpdates = Object.fromEntries(CASE_ACTION_NAMES.map((name) => [name, defineUpdate(name)])) as {
  [A in CaseAction]: UpdateDefinition<CaseFile, [ActionPayload<A>], A>;
};

export const caseStateQuery = defineQuery<CaseFile>('caseState');

/** A session's case tells the session it is closed. */
export const opinionClosedSignal = defineSignal<[{ caseId: string; outcome: string | null }]>('opinionClosed');
