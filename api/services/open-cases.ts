import type { Prisma } from '../../prisma/generated/client';

/**
 * domain/overdue.ts `currentDue`, as database filters so PostgreSQL selects, sorts and counts:
 * cases waiting for an agency run against the acceptance deadline, accepted cases against the
 * resolution deadline, and a case waiting for the citizen has its clock stopped.
 */
export const DUE_GROUPS = [
  { statuses: ['UNROUTED', 'ASSIGNED'], due: 'firstStepDueAt' },
  { statuses: ['ACCEPTED'], due: 'resolutionDueAt' },
  { statuses: ['AWAITING_INFO'], due: null },
] as const;

export type DueColumn = 'firstStepDueAt' | 'resolutionDueAt';

/** Open cases whose current deadline has passed at `now`. */
export const overdueWhere = (now: Date): Prisma.CaseWhereInput => ({
  OR: DUE_GROUPS.filter((g) => g.due !== null).map((g) => ({ status: { in: [...g.statuses] }, [g.due!]: { lt: now } })),
});
