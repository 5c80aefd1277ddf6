import type { ClockPolicy } from '../domain/legal-clock';
import { builtInPolicy, builtInPolicyAt } from '../domain/policy-versions';
import { localDayFromYmd } from '../domain/local-time';
import { createWorkingCalendar, yearExceptions, type CalendarException, type WorkingCalendar } from '../domain/working-calendar';
import type { Prisma } from '../prisma/generated/client';
import type { Database } from './database';

/**
 * Legal-clock policies are versions: the built-in ones (domain/policy-versions.ts) and the rows an
 * administrator stores (`ClockPolicyVersion`). The newest in force wins, a stored one on the same date
 * as a built-in one replacing it. A case takes the version effective at its receipt and keeps it.
 */
export async function policyEffectiveAt(db: Database, at: Date): Promise<ClockPolicy> {
  const row = await db.clockPolicyVersion.findFirst({ where: { effectiveFrom: { lte: at } }, orderBy: { effectiveFrom: 'desc' } });
  const builtIn = builtInPolicyAt(at);
  return row && row.effectiveFrom.getTime() >= new Date(builtIn.effectiveFrom).getTime() ? (row.policy as unknown as ClockPolicy) : builtIn;
}

export async function policyByVersion(db: Database, version: string): Promise<ClockPolicy> {
  const row = await db.clockPolicyVersion.findUnique({ where: { version } });
  if (row) return row.policy as unknown as ClockPolicy;
  const builtIn = builtInPolicy(version);
  if (builtIn) return builtIn;
  throw new Error(`Legal-clock policy version ${version} does not exist`);
}

export async function storePolicy(db: Pick<Database, 'clockPolicyVersion'>, policy: ClockPolicy, note: string): Promise<void> {
  const data = { effectiveFrom: new Date(policy.effectiveFrom), policy: policy as object, note };
  await db.clockPolicyVersion.upsert({ where: { version: policy.version }, create: { version: policy.version, ...data }, update: data });
}

/**
 * The computed calendar (Labour Code holidays with their compensatory days), the recurring holidays
 * an administrator added, and the administrator's per-day overrides (each year's announced days off
 * and make-up working days, shipped for the announced years by migration), which win.
 */
export async function loadCalendar(db: Database): Promise<WorkingCalendar> {
  const [rows, recurring] = await Promise.all([db.calendarOverride.findMany(), db.recurringHoliday.findMany()]);
  return createWorkingCalendar(
    rows.map((r) => ({ day: localDayOfIsoDate(r.date), dayOff: r.dayOff, reason: r.reason })),
    recurring.map((r) => ({ month: r.month, day: r.day, fromYear: r.fromYear, name: r.name, basis: r.basis })),
  );
}

/** `YYYY-MM-DD` → its local day. */
export function localDayOfIsoDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return localDayFromYmd(y!, m!, d!);
}

export interface AnnouncedYear {
  basis: string;
  daysOff: Array<{ date: string; reason?: string }>;
  workingDays: Array<{ date: string; reason?: string }>;
}

/** A year as the clock will count it: the stored overrides, and the weekdays off and weekend days worked. */
export async function calendarYear(db: Database, year: number): Promise<{ year: number; overrides: Array<{ date: string; dayOff: boolean; reason: string }>; calendar: CalendarException[] }> {
  const [overrides, calendar] = await Promise.all([
    db.calendarOverride.findMany({ where: { date: { startsWith: `${year}-` } }, orderBy: { date: 'asc' } }),
    loadCalendar(db),
  ]);
  return { year, overrides, calendar: yearExceptions(calendar, year) };
}

/**
 * Replaces a year's overrides with its announcement (days off and make-up working days); the
 * computed holidays stay the default for any day the announcement does not mention. In the caller's
 * transaction, so the change and its log entry are one.
 */
export async function replaceCalendarYear(tx: Prisma.TransactionClient, year: number, input: AnnouncedYear): Promise<{ removed: number; stored: number }> {
  const rows = [
    ...input.daysOff.map((d) => ({ date: d.date, dayOff: true, reason: d.reason ?? input.basis })),
    ...input.workingDays.map((d) => ({ date: d.date, dayOff: false, reason: d.reason ?? input.basis })),
  ];
  const { count: removed } = await tx.calendarOverride.deleteMany({ where: { date: { startsWith: `${year}-` } } });
  const { count: stored } = await tx.calendarOverride.createMany({ data: rows });
  return { removed, stored };
}
