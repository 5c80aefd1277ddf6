import { type LocalDay, localDayFromYmd, ymdOf } from './local-time';
import { lunarToLocalDay } from './lunar-calendar';

export interface Holiday {
  day: LocalDay;
  name: string;
  /** `compensatory`: a holiday fell on a weekend, so the next working day is off (Labour Code 2019 art. 111.3). */
  kind: 'holiday' | 'compensatory';
}

/**
 * A holiday an administrator adds when the law adds one, on the same solar day every year from
 * `fromYear` (e.g. 24 November, Vietnam Culture Day, once the Labour Code is amended). It is a
 * holiday like those of art. 112: on a weekend it is compensated on the next working day (art. 111(3)).
 */
export interface RecurringHoliday {
  month: number;
  day: number;
  fromYear: number;
  name: string;
  /** The legal basis, e.g. the amending law. */
  basis: string;
}

const isWeekend = (day: LocalDay) => {
  const { weekday } = ymdOf(day);
  return weekday === 0 || weekday === 6;
};

/**
 * The day next to 2 September that joins the break to a weekend where it can (Labour Code 2019
 * art. 112: 2 September plus one adjacent day, fixed each year by the Prime Minister).
 */
function nationalDayCompanion(year: number): LocalDay {
  const sep2 = localDayFromYmd(year, 9, 2);
  const weekday = ymdOf(sep2).weekday;
  // Mon → Tue; Thu → Fri; Sun → Mon; otherwise the day before (Tue → Mon, Fri → Thu, Sat → Fri, Wed → Tue).
  return weekday === 1 || weekday === 4 || weekday === 0 ? sep2 + 1 : sep2 - 1;
}

/**
 * Public holidays of solar year `year` by the Labour Code 2019 art. 112, with lunar dates computed
 * on the Vietnamese calendar, plus the recurring holidays in force that year. These are the
 * defaults; each year's announced dates are entered by an administrator as calendar overrides.
 */
export function publicHolidays(year: number, recurring: readonly RecurringHoliday[] = []): Holiday[] {
  const tet = lunarToLocalDay(1, 1, year);
  const holidays: Holiday[] = [
    { day: localDayFromYmd(year, 1, 1), name: 'Tết Dương lịch', kind: 'holiday' },
    // Five days: the last day of the old lunar year and the first four of the new one.
    ...[-1, 0, 1, 2, 3].map((d) => ({ day: tet + d, name: 'Tết Nguyên đán', kind: 'holiday' as const })),
    { day: lunarToLocalDay(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
    { day: localDayFromYmd(year, 4, 30), name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
    { day: localDayFromYmd(year, 5, 1), name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
    { day: localDayFromYmd(year, 9, 2), name: 'Quốc khánh (2/9)', kind: 'holiday' },
    { day: nationalDayCompanion(year), name: 'Quốc khánh (ngày liền kề)', kind: 'holiday' },
  ];
  for (const r of recurring) {
    const day = localDayFromYmd(year, r.month, r.day);
    if (r.fromYear <= year && !holidays.some((h) => h.day === day)) holidays.push({ day, name: r.name, kind: 'holiday' });
  }
  const taken = new Set(holidays.map((h) => h.day));
  const compensatory: Holiday[] = [];
  for (const h of holidays.filter((x) => isWeekend(x.day)).sort((a, b) => a.day - b.day)) {
    let d = h.day + 1;
    while (isWeekend(d) || taken.has(d)) d += 1;
    taken.add(d);
    compensatory.push({ day: d, name: `Nghỉ bù ${h.name}`, kind: 'compensatory' });
  }
  return [...holidays, ...compensatory].sort((a, b) => a.day - b.day);
}
