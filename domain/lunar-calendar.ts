import type { LocalDay } from './local-time';

/**
 * Vietnamese lunar calendar → solar dates, after Hồ Ngọc Đức's published astronomical algorithm
 * (new moons and solar terms from Jean Meeus's formulas). The time zone decides which day a new
 * moon falls on: Vietnam reckons at UTC+7, China at UTC+8, so e.g. Tết 2007 fell on 17 February
 * in Vietnam and 18 February in China.
 */
export const VIETNAM_TZ_HOURS = 7;

const INT = Math.floor;
const PI = Math.PI;
const DR = PI / 180;
const JD_UNIX_EPOCH = 2440588; // Julian day number of 1970-01-01

export function julianDayFromDate(day: number, month: number, year: number): number {
  const a = INT((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
}

/** Julian day of the k-th new moon after 1900-01-01 (fractional). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

/** Sun's apparent longitude (radians, 0..2π) at Julian day `jdn`. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const L = (L0 + DL) * DR;
  return L - PI * 2 * INT(L / (PI * 2));
}

const newMoonDay = (k: number, tz: number) => INT(newMoon(k) + 0.5 + tz / 24);
/** Which of the 12 solar-term sectors (0..11) the sun is in at the start of the local day. */
const sunSector = (dayNumber: number, tz: number) => INT((sunLongitude(dayNumber - 0.5 - tz / 24) / PI) * 6);

/** Start of the lunar month containing the winter solstice (month 11) of solar year `year`. */
function lunarMonth11(year: number, tz: number): number {
  const off = julianDayFromDate(31, 12, year) - 2415021;
  const k = INT(off / 29.530588853);
  const nm = newMoonDay(k, tz);
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** In a 13-month year, the offset from month 11 of the first month with no solar-term change (the leap month). */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The solar date (as a local day) of lunar day/month/year; `leap` for the leap month of that number. */
export function lunarToLocalDay(lunarDay: number, lunarMonth: number, lunarYear: number, leap = false, tz = VIETNAM_TZ_HOURS): LocalDay {
  const [a11, b11] =
    lunarMonth < 11
      ? [lunarMonth11(lunarYear - 1, tz), lunarMonth11(lunarYear, tz)]
      : [lunarMonth11(lunarYear, tz), lunarMonth11(lunarYear + 1, tz)];
  const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = (lunarMonth - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    const leapMonth = (leapOff - 2 + 12) % 12;
    if (leap && lunarMonth !== leapMonth) throw new RangeError(`${lunarYear} has no leap month ${lunarMonth}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`${lunarYear} has no leap month`);
  }
  return newMoonDay(k + off, tz) + lunarDay - 1 - JD_UNIX_EPOCH;
}
