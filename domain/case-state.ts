import type { CaseType } from './case-types';
import type { ComplaintProcedure } from './complaint-procedure';
import { DUTY_STEPS, type Complexity, type Deadline, type DutyStep } from './legal-clock';
import type { FilingWindow } from './complaint-windows';

export const CASE_STATUSES = ['RECEIVED', 'UNROUTED', 'ASSIGNED', 'ACCEPTED', 'AWAITING_INFO', 'SUSPENDED', 'ANSWERED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = ['RESOLVED', 'GUIDED', 'REFUSED', 'WITHDRAWN', 'MERGED', 'APPEALED', 'TERMINATED', 'TOOK_EFFECT'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/**
 * Which deadline each status runs against: the acceptance deadline until an agency accepts, then the
 * resolution deadline. While the case waits for the citizen's information, or a complaint's
 * resolution is suspended by a decision (tạm đình chỉ), that clock is stopped.
 * A status with a deadline here is an open one.
 */
export const RUNNING_DEADLINE = {
  RECEIVED: 'first_step',
  UNROUTED: 'first_step',
  ASSIGNED: 'first_step',
  ACCEPTED: 'resolution',
  AWAITING_INFO: 'resolution',
  SUSPENDED: 'resolution',
  ANSWERED: null,
  CLOSED: null,
} as const satisfies Record<CaseStatus, 'first_step' | 'resolution' | null>;

/** Statuses in which the running deadline's clock is stopped (nothing is overdue). */
export const CLOCK_STOPPED: readonly CaseStatus[] = ['AWAITING_INFO', 'SUSPENDED'];

/** Statuses in which a case is still being handled. */
export const OPEN_STATUSES = CASE_STATUSES.filter((s) => RUNNING_DEADLINE[s] !== null);

/** Everything the rules and the outside world need to know about a case in flight. */
export interface CaseFile {
  caseId: string;
  type: CaseType;
  receivedAt: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  agencyId: string | null;
  unitCode: string;
  complexity: Complexity;
  remoteArea: boolean;
  transfers: number;
  extensionsUsed: number;
  /** How many extensions each complexity allows under the case's policy version. */
  extensionMax: Record<Complexity, number>;
  extensionPending: { requestedBy: string; reason: string } | null;
  rated: boolean;
  firstStep: Deadline | null;
  resolution: Deadline | null;
  /** When the citizen's window to rate the answer ends. */
  ratingDueAt: string | null;
  /** A first complaint's answer: when the window for a second complaint ends (absent for cases answered before it was kept). */
  appealDueAt?: string | null;
  /** A complaint's window to be lodged, when the complainant said when they learned of the decision. */
  filingWindow?: FilingWindow | null;
  overdue: boolean;
  /** Ladder steps already taken, keyed by deadline step, kind and due date (an extension re-arms the ladder). */
  escalations: string[];
  sessionId: string | null;
  linkedCaseId: string | null;
  /** The amended complaint procedure when the case's policy version has it (Law 136/2025/QH15). */
  complaintProcedure?: ComplaintProcedure;
  /** A body or the press forwarded it and is owed the result (Denunciations Law 2018 art. 26(2)). */
  forwarded?: boolean;
  /** Deadlines running beside the main one until an action meets them, each with its ladder. */
  duties?: Partial<Record<DutyStep, Deadline>>;
}

/** The duties still owed, from a case's stored deadlines (met ones are kept there for the record). */
export function pendingDuties(deadlines: Partial<Record<string, Deadline>> | null | undefined): Partial<Record<DutyStep, Deadline>> {
  const pending: Partial<Record<DutyStep, Deadline>> = {};
  for (const step of DUTY_STEPS) {
    const dl = deadlines?.[step];
    if (dl && !dl.metAt) pending[step] = dl;
  }
  return pending;
}

/** The deadline the case is running against now, if any. */
export function currentDeadline(file: CaseFile): Deadline | null {
  const step = RUNNING_DEADLINE[file.status];
  return step === 'first_step' ? file.firstStep : step === 'resolution' ? file.resolution : null;
}
