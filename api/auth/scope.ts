import type { CaseAction } from '../../domain/case-state';
import { unitAndDescendants } from '../../domain/unit-tree';
import { AppError } from '../errors';
import type { Database } from '../../infra/database';
import type { Role } from '../../prisma/generated/client';
import type { StaffUser } from './sessions';

export type { StaffUser };

/** What each staff role may do to a case in its scope (DESIGN.md, "Users"). */
export const STAFF_ACTIONS: Record<Role, readonly CaseAction[]> = {
  AGENCY_OFFICER: ['accept', 'return', 'transfer', 'guide', 'refuse', 'requestInfo', 'provideInfo', 'requestExtension', 'reclassify', 'answer', 'merge'],
  HEAD_OF_GOVERNMENT: ['decideExtension', 'reassign'],
  RECEPTION_OFFICER: ['assign', 'merge', 'provideInfo'],
  FRONT_SUPERVISOR: [],
  ADMINISTRATOR: [],
};

/** What a citizen may do with the tracking code. */
export const CITIZEN_ACTIONS: readonly CaseAction[] = ['rate', 'appeal', 'withdraw', 'provideInfo'];

/** The ids of a unit and every unit below it. */
export async function unitSubtree(db: Database, unitId: string): Promise<string[]> {
  return [...unitAndDescendants(await db.unit.findMany({ select: { id: true, parentId: true } }), unitId)];
}

/** Refuses (403) a user whose role is not among `roles`. */
export function requireRole(user: StaffUser, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) throw new AppError('forbidden', 'Vai trò của bạn không được thực hiện thao tác này / your role may not do this');
}

/**
 * The cases a user may see, as a Prisma filter: an agency officer those assigned to the agency;
 * heads, Front supervisors and reception their unit and the units below; administrators all.
 */
export async function caseScope(db: Database, user: StaffUser): Promise<{ agencyId?: string; unitId?: { in: string[] } }> {
  if (user.role === 'ADMINISTRATOR') return {};
  if (user.role === 'AGENCY_OFFICER') return { agencyId: user.organisationId ?? '00000000-0000-0000-0000-000000000000' };
  return { unitId: { in: user.unitId ? await unitSubtree(db, user.unitId) : [] } };
}
