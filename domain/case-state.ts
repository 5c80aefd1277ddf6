import type { CaseType } from './case-types';

export const CASE_STATUSES = ['RECEIVED', 'ASSIGNED', 'UNROUTED', 'ACCEPTED', 'ANSWERED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type CaseAction = 'assign' | 'accept' | 'answer';

/** Which officer action each status allows; anything else is rejected with a reason. */
const ALLOWED: Record<CaseAction, readonly CaseStatus[]> = {
  assign: ['UNROUTED', 'ASSIGNED'],
  accept: ['ASSIGNED'],
  answer: ['ACCEPTED'],
};

export class InvalidTransition extends Error {
  constructor(
    readonly action: CaseAction,
    readonly status: CaseStatus,
  ) {
    super(`Không thể thực hiện "${action}" khi hồ sơ đang ở trạng thái ${status} / action "${action}" is not allowed in status ${status}`);
    this.name = 'InvalidTransition';
  }
}

export function assertAllowed(action: CaseAction, status: CaseStatus): void {
  if (!ALLOWED[action].includes(status)) throw new InvalidTransition(action, status);
}

/** What a case looks like to the outside: the workflow's query answer and the API's view. */
export interface CaseSnapshot {
  caseId: string;
  type: CaseType;
  status: CaseStatus;
  agencyId: string | null;
  receivedAt: string;
  firstStepDueAt: string;
  resolutionDueAt: string | null;
  overdue: boolean;
  escalations: string[];
}
