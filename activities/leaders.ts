import type { Organisation } from '../prisma/generated/client';
import { LEADERS, type LeaderAudience } from '../domain/notice-ladder';

export interface UnitWithLeaders {
  organisations: Organisation[];
  parent: { organisations: Organisation[] } | null;
}

/** A committee's head, by title and name, with the phone for escalations by SMS when one is on file. */
export interface Leader {
  email: string;
  phone: string | null;
  name: string;
}

export function leaderOf(unit: UnitWithLeaders, audience: LeaderAudience): Leader | null {
  const { kind, level } = LEADERS[audience];
  const org = (level === 'superior' ? (unit.parent?.organisations ?? []) : unit.organisations).find((o) => o.kind === kind);
  return org ? { email: org.headEmail, phone: org.headPhone, name: `${org.headTitle} ${org.headName}`.trim() } : null;
}

/** Whether a leadership notice goes to the subject's own unit or, after the grace period, to its superior unit. */
export const scopeOf = (audience: string): 'unit' | 'superior' => (audience in LEADERS && LEADERS[audience as LeaderAudience].level === 'superior' ? 'superior' : 'unit');
