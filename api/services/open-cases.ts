import { CLOCK_STOPPED, OPEN_STATUSES, RUNNING_DEADLINE, type CaseStatus } from '../../domain/case-state';
import type { DeadlineStep } from '../../domain/legal-clock';
import type { Prisma } from '../../prisma/generated/client';

export type DueColumn = 'firstStepDueAt' | 'resolutionDueAt';
const COLUMN: Record<DeadlineStep & ('first_step' | 'resolution'), DueColumn> = { first_step: 'firstStepDueAt', resolution: 'resolutionDueAt' };

/**
 * domain/case-state.ts `RUNNING_DEADLINE` as database filters, so PostgreSQL selects, sorts and
 * counts: the open statuses grouped by the due-date column they run against (none while stopped).
 */
export const DUE_GROUPS: Array<{ statuses: CaseStatus[]; due: DueColumn | null }> = [
  ...(['first_step', 'resolution'] as const).map((step) => ({
    statuses: OPEN_STATUSES.filter((s) => RUNNING_DEADLINE[s] === step && !CLOCK_STOPPED.includes(s)),
    due: COLUMN[step],
  })),
  { statuses: [...CLOCK_STOPPED], due: null },
];

/** Open cases whose current deadline has passed at `now`. */
export const overdueWhere = (now: Date): Prisma.CaseWhereInput => ({
  OR: DUE_GROUPS.filter((g) => g.due !== null).map((g) => ({ status: { in: g.statuses }, [g.due!]: { lt: now } })),
});
