/**
 * Vietnam keeps UTC+7 all year (no daylight saving), so local calendar dates are a fixed shift
 * from UTC. Pure arithmetic keeps this usable inside deterministic workflow code.
 */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in Asia/Ho_Chi_Minh, as days since 1970-01-01. */
export type LocalDay = number;

export function localDayOf(instant: Date): LocalDay {
  return Math.floor((instant.getTime() + VN_OFFSET_MS) / DAY_MS);
}

/** The last millisecond of a local day: a deadline "on day D" runs to its close. */
export function endOfLocalDay(day: LocalDay): Date {
  return new Date((day + 1) * DAY_MS - VN_OFFSET_MS - 1);
}

export function localDayFromYmd(year: number, month: number, day: number): LocalDay {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function ymdOf(day: LocalDay): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** "dd/mm/yyyy HH:MM" in Vietnam time, the way notices print dates. */
export function formatVnDateTime(instant: Date): string {
  const d = new Date(instant.getTime() + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
