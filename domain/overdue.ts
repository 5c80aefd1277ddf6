import { CLOCK_STOPPED, RUNNING_DEADLINE, type CaseStatus } from './case-state';
import type { DeadlineStep } from './legal-clock';

export interface OpenCase {
  status: CaseStatus;
  firstStepDueAt: Date | null;
  resolutionDueAt: Date | null;
}

/** The due date a case runs against now (RUNNING_DEADLINE), unless its clock is stopped. */
export function currentDue(c: OpenCase): { step: DeadlineStep; dueAt: Date } | null {
  const step = RUNNING_DEADLINE[c.status];
  if (!step || CLOCK_STOPPED.includes(c.status)) return null;
  const dueAt = step === 'first_step' ? c.firstStepDueAt : c.resolutionDueAt;
  return dueAt && { step, dueAt };
}

/** The current deadline, if it has passed at `now`. */
export function missedDeadline(c: OpenCase, now: Date): { step: DeadlineStep; dueAt: Date } | null {
  const due = currentDue(c);
  return due && due.dueAt.getTime() < now.getTime() ? due : null;
}

/** Whole days between a missed due date and now. */
export function daysOverdue(dueAt: Date, now: Date): number {
  return Math.floor((now.getTime() - dueAt.getTime()) / (24 * 60 * 60 * 1000));
}

/**
 * How long a case is past due, as people say it: days and hours from one day on, hours under a
 * day, minutes under an hour; never "0 days". Without the word "overdue": the sentence around it
 * says that once.
 */
export function describeOverdue(lateMs: number, lang: 'vi' | 'en'): string {
  const minutes = Math.floor(Math.max(0, lateMs) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const en = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days > 0) return lang === 'vi' ? `${days} ngày${hours ? ` ${hours} giờ` : ''}` : `${en(days, 'day')}${hours ? ` ${en(hours, 'hour')}` : ''}`;
  if (hours > 0) return lang === 'vi' ? `${hours} giờ` : en(hours, 'hour');
  if (minutes > 0) return lang === 'vi' ? `${minutes} phút` : en(minutes, 'minute');
  return lang === 'vi' ? 'chưa đến 1 phút' : 'less than a minute';
}
