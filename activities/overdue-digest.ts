import { CLOCK_STOPPED, OPEN_STATUSES } from '../domain/case-state';
import { renderNotice, type DigestLine } from '../domain/notice-templates';
import { missedDeadline } from '../domain/overdue';
import { unitAndDescendants } from '../domain/unit-tree';
import type { ActivityDeps } from './deps';
import { deliver } from './outbox';

/**
 * The periodic digest: one mail per head of government and per Front committee listing the overdue
 * cases of their unit and the units below it. Keyed by run, so a retried run sends nothing twice.
 */
export function sendOverdueDigests(deps: ActivityDeps) {
  return async function sendOverdueDigests(input: { runKey: string; at: string }): Promise<{ mails: number; overdueCases: number }> {
    const now = new Date(input.at);
    const open = await deps.db.case.findMany({
      where: { status: { in: OPEN_STATUSES.filter((s) => !CLOCK_STOPPED.includes(s)) } },
      include: { agency: true, unit: true },
    });
    const overdue = open
      .map((c) => ({ c, missed: missedDeadline(c, now) }))
      .filter((x): x is { c: (typeof open)[number]; missed: NonNullable<ReturnType<typeof missedDeadline>> } => x.missed !== null)
      .sort((a, b) => a.missed.dueAt.getTime() - b.missed.dueAt.getTime());
    const units = await deps.db.unit.findMany({ include: { organisations: true } });
    let mails = 0;
    for (const unit of units) {
      const scope = unitAndDescendants(units, unit.id);
      const lines: DigestLine[] = overdue
        .filter(({ c }) => scope.has(c.unitId))
        .map(({ c, missed }) => ({
          trackingCode: c.trackingCode, title: c.title, agencyName: c.agency?.name ?? null, unitName: c.unit.name,
          step: missed.step, dueAt: missed.dueAt, overdueMs: now.getTime() - missed.dueAt.getTime(),
        }));
      if (lines.length === 0) continue;
      for (const org of unit.organisations.filter((o) => o.kind === 'PEOPLES_COMMITTEE' || o.kind === 'FRONT_COMMITTEE')) {
        const recipient = { email: org.headEmail, name: `${org.headTitle} ${org.headName}` };
        const rendered = renderNotice('overdue_digest', deps.language, {
          subject: 'digest', recipientName: recipient.name, unitName: unit.name, lines, url: `${deps.publicUrl}/overdue?unit=${encodeURIComponent(unit.code)}`,
        });
        const outcome = await deliver(deps, { event: `digest:${input.runKey}:${org.id}`, caseId: null, template: 'overdue_digest', language: deps.language, recipient, rendered });
        if (outcome === 'sent') mails += 1;
      }
    }
    return { mails, overdueCases: overdue.length };
  };
}
