import { ApplicationFailure } from '@temporalio/common';
import { pickAgency } from '../domain/routing';
import type { ActivityDeps } from './deps';
import { writeCaseEvent } from './record-event';

async function unitChain(db: ActivityDeps['db'], unitId: string): Promise<string[]> {
  const chain: string[] = [];
  for (let id: string | null = unitId; id && !chain.includes(id); ) {
    chain.push(id);
    const unit: { parentId: string | null } | null = await db.unit.findUnique({ where: { id }, select: { parentId: true } });
    id = unit?.parentId ?? null;
  }
  return chain;
}

/** Picks the responsible agency from the routing rules in the database; null leaves it to reception. */
export function routeCase({ db }: ActivityDeps) {
  return async function routeCase({ caseId }: { caseId: string }): Promise<{ agencyId: string | null }> {
    const c = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    if (c.agencyId) return { agencyId: c.agencyId };
    const chain = await unitChain(db, c.unitId);
    const rules = await db.routingRule.findMany({ where: { categoryId: c.categoryId, unitId: { in: chain } } });
    const agencyId = pickAgency(rules, chain, c.type);
    await writeCaseEvent(db, {
      caseId,
      eventKey: `${caseId}:routed`,
      type: agencyId ? 'assigned' : 'unrouted',
      actor: 'system',
      reason: agencyId ? 'Phân công theo quy tắc định tuyến / routed by rule' : 'Không có quy tắc phù hợp / no matching rule',
      data: { agencyId },
      status: agencyId ? 'ASSIGNED' : 'UNROUTED',
      caseFields: agencyId ? { agency: { connect: { id: agencyId } } } : {},
    });
    return { agencyId };
  };
}

/** A reception officer routes a case by hand. */
export function assignCase({ db }: ActivityDeps) {
  return async function assignCase(input: { caseId: string; agencyId: string; actor: string; eventKey: string }): Promise<void> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.agencyId);
    const agency = isUuid ? await db.organisation.findUnique({ where: { id: input.agencyId } }) : null;
    if (!agency) throw ApplicationFailure.nonRetryable(`Agency ${input.agencyId} does not exist`, 'AgencyNotFound');
    await writeCaseEvent(db, {
      caseId: input.caseId,
      eventKey: input.eventKey,
      type: 'assigned',
      actor: input.actor,
      reason: 'Phân công thủ công / assigned by hand',
      data: { agencyId: input.agencyId },
      status: 'ASSIGNED',
      caseFields: { agency: { connect: { id: input.agencyId } } },
    });
  };
}
