import type { CaseAction } from '../../domain/case-state';
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
  const units = await db.unit.findMany({ select: { id: true, parentId: true } });
  const ids = new Set([unitId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return [...ids];
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
