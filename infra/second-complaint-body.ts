import { beyondProvinceWayOn, firstDeciderOf, secondComplaintAuthority } from '../domain/second-complaint';
import type { DeciderRole, Organisation, Unit } from '../prisma/generated/client';
import type { Database } from './database';

export type SecondComplaintBody =
  /** The People's Committee whose chairman takes it; `to` names the chairman's office, "Chủ tịch UBND tỉnh Hòa Sơn". */
  | { kind: 'chairman'; unit: Unit; committee: Organisation | null; to: string; basis: string }
  /** Beyond the province: what the complainant is told instead. */
  | { kind: 'beyond_province'; basis: string; wayOn: string };

/** The province a unit belongs to (itself for the province). */
async function provinceOf(db: Database, unit: Unit): Promise<Unit> {
  let u = unit;
  while (u.level !== 'PROVINCE' && u.parentId) u = await db.unit.findUniqueOrThrow({ where: { id: u.parentId } });
  return u;
}

/**
 * Where a first complaint's second complaint goes: the chairman who is the direct superior of
 * whoever decided the first (domain/second-complaint.ts), found in the unit tree; null before an
 * agency has it.
 */
export async function secondComplaintBody(db: Database, c: { decidedBy: DeciderRole | null; agency: (Organisation & { unit: Unit }) | null }): Promise<SecondComplaintBody | null> {
  if (!c.agency) return null;
  const authority = secondComplaintAuthority(firstDeciderOf(c.decidedBy, { kind: c.agency.kind, level: c.agency.unit.level }));
  if (authority.kind === 'beyond_province') return { kind: 'beyond_province', basis: authority.basis, wayOn: beyondProvinceWayOn(authority.basis) };
  const unit = authority.of === 'same_unit' ? c.agency.unit : await provinceOf(db, c.agency.unit);
  const committee = await db.organisation.findFirst({ where: { unitId: unit.id, kind: 'PEOPLES_COMMITTEE' } });
  return { kind: 'chairman', unit, committee, to: `Chủ tịch ${committee?.name ?? `UBND ${unit.name}`}`, basis: authority.basis };
}
