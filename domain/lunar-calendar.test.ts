import { describe, expect, it } from 'vitest';
import { ymdOf } from './local-time';
import { lunarToLocalDay } from './lunar-calendar';

const iso = (d: number) => {
  const { year, month, day } = ymdOf(d);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

describe('Vietnamese lunar calendar', () => {
  it.each([
    [2007, '2007-02-17'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('Tết %i falls on %s', (year, expected) => {
    expect(iso(lunarToLocalDay(1, 1, year))).toBe(expected);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Hùng Kings’ day (10/3 lunar) %i falls on %s', (year, expected) => {
    expect(iso(lunarToLocalDay(10, 3, year))).toBe(expected);
  });

  it('reckons new moons at UTC+7, not UTC+8: Tết 2007 differs from China’s', () => {
    expect(iso(lunarToLocalDay(1, 1, 2007, false, 8))).toBe('2007-02-18');
  });

  it('finds the years where the Vietnamese and Chinese new year differ, 2030 among them', () => {
    const differ = [2007, 2030].map((y) => lunarToLocalDay(1, 1, y, false, 7) !== lunarToLocalDay(1, 1, y, false, 8));
    expect(differ).toEqual([true, true]);
    expect(lunarToLocalDay(1, 1, 2026, false, 7)).toBe(lunarToLocalDay(1, 1, 2026, false, 8));
  });

  it('handles leap months: 2025 has a leap 6th month', () => {
    expect(lunarToLocalDay(1, 6, 2025, true) - lunarToLocalDay(1, 6, 2025)).toBeGreaterThanOrEqual(29);
    expect(() => lunarToLocalDay(1, 5, 2025, true)).toThrow(RangeError);
  });
});
