import type { CaseStatus } from './case-state';
import type { DeadlineStep } from './legal-clock';

export interface OpenCase {
  status: CaseStatus;
  firstStepDueAt: Date | null;
  resolutionDueAt: Date | null;
}

/**
 * Which deadline a case has missed at `now`, if any: the acceptance deadline while it waits for an
 * agency, the resolution deadline once accepted. A case waiting for the citizen's information has
 * its clock stopped and is never overdue.
 */
export function missedDeadline(c: OpenCase, now: Date): { step: DeadlineStep; dueAt: Date } | null {
  const pick = (step: DeadlineStep, dueAt: Date | null) => (dueAt && dueAt.getTime() < now.getTime() ? { step, dueAt } : null);
  if (c.status === 'ASSIGNED' || c.status === 'UNROUTED' || c.status === 'RECEIVED') return pick('first_step', c.firstStepDueAt);
  if (c.status === 'ACCEPTED') return pick('resolution', c.resolutionDueAt);
  return null;
}

/** Whole days between a missed due date and now, for "overdue by N days". */
export function daysOverdue(dueAt: Date, now: Date): number {
  return Math.floor((now.getTime() - dueAt.getTime()) / (24 * 60 * 60 * 1000));
}
