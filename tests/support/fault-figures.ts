import { expect } from 'vitest';
import { eventually } from './eventually';
import type { TestSystem } from './system';

export interface FaultFigures {
  casesInFlight: number;
  faultsInjected: number;
  casesLost: number;
  duplicateEmails: number;
}

/** One line per failure test in the output, so the figures show in every CI log. */
export function reportFaults(test: string, f: FaultFigures): void {
  console.log(
    `[fault figures] ${test}: cases in flight ${f.casesInFlight} · faults injected ${f.faultsInjected} · cases lost ${f.casesLost} · duplicate emails ${f.duplicateEmails}`,
  );
}

/** Mails whose Message-ID arrived more than once. */
export const duplicateCount = (messages: Array<{ messageId: string }>): number => messages.length - new Set(messages.map((m) => m.messageId)).size;

/**
 * After a fault: waits until every case has been escalated and every notice sent, then reads how
 * many cases ended right (routed, ASSIGNED, escalated exactly once) and the mail that arrived for
 * them, matched to the outbox by Message-ID.
 */
export async function escalationOutcome(sys: TestSystem, ids: string[]) {
  await eventually(async () => {
    const escalated = await sys.db.caseEvent.groupBy({ by: ['caseId'], where: { caseId: { in: ids }, type: 'overdue' }, _count: true });
    expect(escalated).toHaveLength(ids.length);
    expect(await sys.db.notification.count({ where: { caseId: { in: ids }, status: { not: 'SENT' } } })).toBe(0);
  }, 90_000, 500);
  const cases = await sys.db.case.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, agencyId: true } });
  const overdue = await sys.db.caseEvent.groupBy({ by: ['caseId'], where: { caseId: { in: ids }, type: 'overdue' }, _count: true });
  const settled = cases.filter((c) => c.status === 'ASSIGNED' && c.agencyId !== null && overdue.some((g) => g.caseId === c.id && g._count === 1));
  const notices = await sys.db.notification.findMany({ where: { caseId: { in: ids } }, select: { id: true, caseId: true } });
  const ours = new Set(notices.map((n) => `<${n.id}@petitions.local>`));
  const mails = sys.smtp.messages.filter((m) => ours.has(m.messageId));
  return { casesLost: ids.length - settled.length, notices, distinctMails: new Set(mails.map((m) => m.messageId)).size, duplicates: duplicateCount(mails) };
}
