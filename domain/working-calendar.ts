import { type LocalDay, localDayFromYmd, ymdOf } from './local-time';

/**
 * Which local days are not working days (Labour Code 2019 art. 112: weekends and public holidays).
 * Administrator overrides per year (announced swaps, extra days off) win over the computed rule.
 */
export interface WorkingCalendar {
  isDayOff(day: LocalDay): boolean;
}

export interface CalendarOverride {
  day: LocalDay;
  dayOff: boolean;
  reason: string;
}

/** Fixed solar-calendar holidays. Lunar ones (Tết, Hùng Kings' day) are added by the lunar calendar. */
function solarHolidays(year: number): LocalDay[] {
  return [
    localDayFromYmd(year, 1, 1),
    localDayFromYmd(year, 4, 30),
    localDayFromYmd(year, 5, 1),
    localDayFromYmd(year, 9, 2),
    // Labour Code art. 112: 2 September plus one adjacent day; 1 September is the usual default.
    localDayFromYmd(year, 9, 1),
  ];
}

function isWeekend(day: LocalDay): boolean {
  const { weekday } = ymdOf(day);
  return weekday === 0 || weekday === 6;
}

export function createWorkingCalendar(overrides: CalendarOverride[] = []): WorkingCalendar {
  const overrideByDay = new Map(overrides.map((o) => [o.day, o.dayOff]));
  const holidayCache = new Map<number, Set<LocalDay>>();
  const holidaysOf = (year: number): Set<LocalDay> => {
    let set = holidayCache.get(year);
    if (!set) {
      set = new Set(solarHolidays(year));
      holidayCache.set(year, set);
    }
    return set;
  };
  return {
    isDayOff(day) {
      const override = overrideByDay.get(day);
      if (override !== undefined) return override;
      return isWeekend(day) || holidaysOf(ymdOf(day).year).has(day);
    },
  };
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
