import { ApplicationFailure } from '@temporalio/common';
import type { CaseType } from '../domain/case-types';
import { pickAgency } from '../domain/routing';
import type { ActivityDeps } from './deps';
import { writeCaseEvent } from './record-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function unitChain(db: ActivityDeps['db'], unitId: string): Promise<string[]> {
  const chain: string[] = [];
  for (let id: string | null = unitId; id && !chain.includes(id); ) {
    chain.push(id);
    const unit: { parentId: string | null } | null = await db.unit.findUnique({ where: { id }, select: { parentId: true } });
    id = unit?.parentId ?? null;
  }
  return chain;
}

async function agencyByRule(db: ActivityDeps['db'], c: { categoryId: string; unitId: string; type: CaseType }): Promise<string | null> {
  const chain = await unitChain(db, c.unitId);
  return pickAgency(await db.routingRule.findMany({ where: { categoryId: c.categoryId, unitId: { in: chain } } }), chain, c.type);
}

/** Picks the responsible agency from the routing rules in the database; null leaves it to reception. */
export function routeCase({ db }: ActivityDeps) {
  return async function routeCase({ caseId }: { caseId: string }): Promise<{ agencyId: string | null }> {
    const c = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    // A second complaint comes addressed to the competent People's Committee (activities/link-cases.ts).
    const addressed = c.agencyId;
    const agencyId = addressed ?? (await agencyByRule(db, c));
    await writeCaseEvent(db, {
      caseId,
      eventKey: `${caseId}:routed`,
      type: agencyId ? 'assigned' : 'unrouted',
      actor: 'system',
      reason: addressed ? 'Giao cơ quan có thẩm quyền / addressed to the competent body' : agencyId ? 'Phân công theo quy tắc định tuyến / routed by rule' : 'Không có quy tắc phù hợp / no matching rule',
      data: { agencyId },
      status: agencyId ? 'ASSIGNED' : 'UNROUTED',
      caseFields: agencyId ? { agency: { connect: { id: agencyId } } } : {},
    });
    return { agencyId };
  };
}

export interface AssignAgencyInput {
  caseId: string;
  agencyId: string;
  actor: string;
  tokenId?: string;
  eventKey: string;
  kind: 'assigned' | 'transferred' | 'reassigned';
  reason?: string;
}

/** Hands the case to an agency: by reception, by transfer from another agency, or by the head. */
export function assignAgency({ db }: ActivityDeps) {
  return async function assignAgency(input: AssignAgencyInput): Promise<void> {
    const agency = UUID.test(input.agencyId) ? await db.organisation.findUnique({ where: { id: input.agencyId } }) : null;
    if (!agency || agency.kind === 'FRONT_COMMITTEE') {
      throw ApplicationFailure.nonRetryable(`Không có cơ quan ${input.agencyId} / no such agency`, 'AgencyNotFound');
    }
    await writeCaseEvent(db, {
      caseId: input.caseId,
      eventKey: input.eventKey,
      type: input.kind,
      actor: input.actor,
      tokenId: input.tokenId,
      reason: input.reason,
      data: { agencyId: input.agencyId, agencyName: agency.name },
      ...(input.kind === 'reassigned' ? {} : { status: 'ASSIGNED' as const }),
      caseFields: {
        agency: { connect: { id: input.agencyId } },
        ...(input.kind === 'transferred' ? { transfers: { increment: 1 } } : {}),
      },
    });
  };
}
