import type { Organisation } from '../prisma/generated/client';
import type { NoticeTemplate } from '../domain/notice-templates';
import type { Recipient } from './outbox';

/** Who of a unit's leadership a notice is for: its head of government, its Front, both, or both of the superior unit. */
export type LeaderAudience = 'unit_head' | 'unit_leaders' | 'superior_leaders' | 'unit_front';

export interface UnitWithLeaders {
  organisations: Organisation[];
  parent: { organisations: Organisation[] } | null;
}

const KINDS: Record<LeaderAudience, Organisation['kind'][]> = {
  unit_head: ['PEOPLES_COMMITTEE'],
  unit_leaders: ['PEOPLES_COMMITTEE', 'FRONT_COMMITTEE'],
  superior_leaders: ['PEOPLES_COMMITTEE', 'FRONT_COMMITTEE'],
  unit_front: ['FRONT_COMMITTEE'],
};

/** The People's Committee and / or the Front committee of the unit (or of its superior unit), one of each. */
export function leadersOf(unit: UnitWithLeaders, audience: LeaderAudience): Organisation[] {
  const orgs = audience === 'superior_leaders' ? (unit.parent?.organisations ?? []) : unit.organisations;
  return KINDS[audience].flatMap((kind) => orgs.find((o) => o.kind === kind) ?? []);
}

/** Leadership notices go to the committee's head, by title and name. */
export const headOf = (o: Organisation): Recipient => ({ email: o.headEmail, name: `${o.headTitle} ${o.headName}`.trim() });

/** About an overdue item, the Front committee gets the supervision wording, the head the call to act. */
export const templateFor = (template: NoticeTemplate, o: Organisation): NoticeTemplate =>
  template === 'overdue_head' && o.kind === 'FRONT_COMMITTEE' ? 'overdue_front' : template;
