import { actionsOf } from '../../domain/case-actions';
import { unitAndDescendants } from '../../domain/unit-tree';
import { AppError } from '../errors';
import type { Database } from '../../infra/database';
import type { Role } from '../../prisma/generated/client';
import type { StaffUser } from './sessions';

export type { StaffUser };

/** What a citizen may do, with the case's secret (domain/case-actions.ts). */
export const CITIZEN_ACTIONS = actionsOf('CITIZEN');

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
