import { type LocalDay, ymdOf } from './local-time';
import { publicHolidays } from './public-holidays';

/**
 * Which local days are not working days: weekends, the public holidays of the Labour Code with
 * their compensatory days, and per-year administrator overrides (announced swaps, extra days off),
 * which win over the computed rule.
 */
export interface WorkingCalendar {
  isDayOff(day: LocalDay): boolean;
  /** Why a day is off (holiday name, weekend, override reason), or null for a working day. */
  reasonOff(day: LocalDay): string | null;
}

export interface CalendarOverride {
  day: LocalDay;
  dayOff: boolean;
  reason: string;
}

export function createWorkingCalendar(overrides: CalendarOverride[] = []): WorkingCalendar {
  const overrideByDay = new Map(overrides.map((o) => [o.day, o]));
  const byYear = new Map<number, Map<LocalDay, string>>();
  const holidaysOf = (year: number) => {
    let map = byYear.get(year);
    if (!map) {
      map = new Map(publicHolidays(year).map((h) => [h.day, h.name]));
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
  return { reasonOff, isDayOff: (day) => reasonOff(day) !== null };
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
