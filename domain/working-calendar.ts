import { type LocalDay, localDayFromYmd, ymdOf } from './local-time';
import { publicHolidays, type RecurringHoliday } from './public-holidays';

/**
 * Which local days are not working days: weekends, the public holidays of the Labour Code with
 * their compensatory days, the recurring holidays an administrator added (from their first year),
 * and per-day administrator overrides (each year's announced days off and make-up working days),
 * which win over the computed rule.
 */
export interface WorkingCalendar {
  isDayOff(day: LocalDay): boolean;
  /** Why a day is off (holiday name, weekend, override reason), or null for a working day. */
  reasonOff(day: LocalDay): string | null;
  /** The administrator's override of that day, if any. */
  overrideOf(day: LocalDay): CalendarOverride | null;
}

export interface CalendarOverride {
  day: LocalDay;
  dayOff: boolean;
  reason: string;
}

export function createWorkingCalendar(overrides: CalendarOverride[] = [], recurring: readonly RecurringHoliday[] = []): WorkingCalendar {
  const overrideByDay = new Map(overrides.map((o) => [o.day, o]));
  const byYear = new Map<number, Map<LocalDay, string>>();
  const holidaysOf = (year: number) => {
    let map = byYear.get(year);
    if (!map) {
      map = new Map(publicHolidays(year, recurring).map((h) => [h.day, h.name]));
      byYear.set(year, map);
    }
    return map;
  };
  const reasonOff = (day: LocalDay): string | null => {
    const override = overrideByDay.get(day);
    if (override) return override.dayOff ? override.reason : null;
    const { year, weekday } = ymdOf(day);
    // A compensatory day can spill into January from the previous year's holidays.
    const holiday = holidaysOf(year).get(day) ?? holidaysOf(year - 1).get(day);
    if (holiday) return holiday;
    if (weekday === 0) return 'Chủ nhật';
    if (weekday === 6) return 'Thứ Bảy';
    return null;
  };
  return { reasonOff, isDayOff: (day) => reasonOff(day) !== null, overrideOf: (day) => overrideByDay.get(day) ?? null };
}

export function nextWorkingDay(calendar: WorkingCalendar, day: LocalDay): LocalDay {
  let d = day;
  while (calendar.isDayOff(d)) d += 1;
  return d;
}

/** The Nth working day after `day` (the start day itself does not count). */
export function addWorkingDays(calendar: WorkingCalendar, day: LocalDay, count: number): LocalDay {
  let d = day;
  for (let left = count; left > 0; ) {
    d += 1;
    if (!calendar.isDayOff(d)) left -= 1;
  }
  return d;
}

/** The Nth working day before `day`. */
export function subtractWorkingDays(calendar: WorkingCalendar, day: LocalDay, count: number): LocalDay {
  let d = day;
  for (let left = count; left > 0; ) {
    d -= 1;
    if (!calendar.isDayOff(d)) left -= 1;
  }
  return d;
}

/** `YYYY-MM-DD` of a local day. */
export function isoDateOf(day: LocalDay): string {
  const { year, month, day: d } = ymdOf(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface CalendarException {
  date: string;
  /** true: a weekday off; false: a Saturday or Sunday worked. */
  dayOff: boolean;
  reason: string;
}

/** A year as it is worked: the weekdays off and the weekend days worked, in date order. */
export function yearExceptions(calendar: WorkingCalendar, year: number): CalendarException[] {
  const out: CalendarException[] = [];
  for (let day = localDayFromYmd(year, 1, 1); day < localDayFromYmd(year + 1, 1, 1); day += 1) {
    const { weekday } = ymdOf(day);
    const weekend = weekday === 0 || weekday === 6;
    const reason = calendar.reasonOff(day);
    if (!weekend && reason) out.push({ date: isoDateOf(day), dayOff: true, reason });
    if (weekend && !reason) out.push({ date: isoDateOf(day), dayOff: false, reason: calendar.overrideOf(day)?.reason ?? 'Ngày làm việc' });
  }
  return out;
}
