import { DEFAULT_CLOCK_POLICY, type ClockPolicy } from '../domain/legal-clock';
import { localDayFromYmd } from '../domain/local-time';
import { createWorkingCalendar, type WorkingCalendar } from '../domain/working-calendar';
import type { Database } from './database';

/**
 * Legal-clock policies are versioned rows (`ClockPolicyVersion`); the built-in defaults are the
 * version in force when none is stored. A case takes the version effective at its receipt and keeps it.
 */
export async function policyEffectiveAt(db: Database, at: Date): Promise<ClockPolicy> {
  const row = await db.clockPolicyVersion.findFirst({ where: { effectiveFrom: { lte: at } }, orderBy: { effectiveFrom: 'desc' } });
  return row ? (row.policy as unknown as ClockPolicy) : DEFAULT_CLOCK_POLICY;
}

export async function policyByVersion(db: Database, version: string): Promise<ClockPolicy> {
  const row = await db.clockPolicyVersion.findUnique({ where: { version } });
  if (row) return row.policy as unknown as ClockPolicy;
  if (version === DEFAULT_CLOCK_POLICY.version) return DEFAULT_CLOCK_POLICY;
  throw new Error(`Legal-clock policy version ${version} does not exist`);
}

export async function storePolicy(db: Pick<Database, 'clockPolicyVersion'>, policy: ClockPolicy, note: string): Promise<void> {
  const data = { effectiveFrom: new Date(policy.effectiveFrom), policy: policy as object, note };
  await db.clockPolicyVersion.upsert({ where: { version: policy.version }, create: { version: policy.version, ...data }, update: data });
}

/** The computed calendar with the administrator's overrides applied. */
export async function loadCalendar(db: Database): Promise<WorkingCalendar> {
  const rows = await db.calendarOverride.findMany();
  return createWorkingCalendar(
    rows.map((r) => {
      const [y, m, d] = r.date.split('-').map(Number);
      return { day: localDayFromYmd(y!, m!, d!), dayOff: r.dayOff, reason: r.reason };
    }),
  );
}
