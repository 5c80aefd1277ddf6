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

/** The same line for a test whose figures are others, e.g. `api fuzz: requests 3450 · 5xx 0 · cases frozen 0`. */
export function reportFigures(test: string, figures: Record<string, number>): void {
  console.log(`[fault figures] ${test}: ${Object.entries(figures).map(([name, n]) => `${name} ${n}`).join(' · ')}`);
}

/** Mails whose Message-ID arrived more than once. */
export const duplicateCount = (messages: Array<{ messageId: string }>): number => messages.length - new Set(messages.map((m) => m.messageId)).size;

/**
 * After a fault: waits until every case has been escalated and every notice sent, then reads how
 * many cases ended right (routed, ASSIGNED, escalated exactly once) and the mail that arrived for
 * them, matched to the outbox by Message-ID. Every case runs the same pipeline, so the wait also
 * needs the same number of notices for each: one activity writes its recipients' rows one after
 * another, and "none unsent" can hold between two of them.
 */
export async function escalationOutcome(sys: TestSystem, ids: string[]) {
  await eventually(async () => {
    const escalated = await sys.db.caseEvent.groupBy({ by: ['caseId'], where: { caseId: { in: ids }, type: 'overdue' }, _count: true });
    expect(escalated).toHaveLength(ids.length);
    expect(await sys.db.notification.count({ where: { caseId: { in: ids }, status: { not: 'SENT' } } })).toBe(0);
    const perCase = await sys.db.notification.groupBy({ by: ['caseId'], where: { caseId: { in: ids } }, _count: true });
    expect(perCase).toHaveLength(ids.length);
    expect(new Set(perCase.map((g) => g._count)).size).toBe(1);
  }, 90_000, 500);
  const cases = await sys.db.case.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, agencyId: true } });
  const overdue = await sys.db.caseEvent.groupBy({ by: ['caseId'], where: { caseId: { in: ids }, type: 'overdue' }, _count: true });
  const settled = cases.filter((c) => c.status === 'ASSIGNED' && c.agencyId !== null && overdue.some((g) => g.caseId === c.id && g._count === 1));
  // Mail only: SMS (the receipt to the citizen's phone) have no Message-ID to match.
  const notices = await sys.db.notification.findMany({ where: { caseId: { in: ids }, channel: 'EMAIL' }, select: { id: true, caseId: true } });
  const ours = new Set(notices.map((n) => `<${n.id}@petitions.local>`));
  const mails = sys.smtp.messages.filter((m) => ours.has(m.messageId));
  return { casesLost: ids.length - settled.length, notices, mails, distinctMails: new Set(mails.map((m) => m.messageId)).size, duplicates: duplicateCount(mails) };
}

/**
 * Repeats of a Message-ID that no kill explains. SMTP leaves one window open: the worker has written
 * the whole message, dies before the outbox records the server's 250, and the retry sends it again.
 * The server may finish reading the message just after the death, and the test sees the death a
 * little late, so a repeat is explained when a worker died within `windowMs` of the previous copy's
 * arrival, either side, and before the repeat.
 */
export function unexplainedRepeats(mails: Array<{ messageId: string; receivedAt: number }>, killedAt: number[], windowMs: number) {
  const byId = new Map<string, typeof mails>();
  for (const m of mails) byId.set(m.messageId, [...(byId.get(m.messageId) ?? []), m]);
  const explained = (previous: { receivedAt: number }, repeat: { receivedAt: number }) =>
    killedAt.some((k) => Math.abs(k - previous.receivedAt) <= windowMs && k < repeat.receivedAt);
  return [...byId.values()].flatMap((copies) => {
    const sorted = copies.toSorted((a, b) => a.receivedAt - b.receivedAt);
    return sorted.slice(1).filter((repeat, i) => !explained(sorted[i]!, repeat));
  });
}
