import { describe, expect, it } from 'vitest';
import { localDayFromYmd, localDayOf, ymdOf } from './local-time';
import { addWorkingDays, createWorkingCalendar, nextWorkingDay } from './working-calendar';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return localDayFromYmd(y!, m!, d!);
};
const iso = (d: number) => {
  const { year, month, day: dd } = ymdOf(d);
  return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
};

describe('working calendar', () => {
  const calendar = createWorkingCalendar();

  it.each([
    ['2026-11-23', 10, '2026-12-07', 'two plain weeks'],
    ['2026-04-29', 1, '2026-05-04', 'over 30 April, 1 May and the weekend'],
    ['2026-08-31', 1, '2026-09-03', 'over 1–2 September'],
    ['2026-12-31', 1, '2027-01-04', 'over New Year and the weekend'],
    ['2026-11-27', 1, '2026-11-30', 'Friday to Monday'],
  ])('%s + %i working days = %s (%s)', (start, n, expected) => {
    expect(iso(addWorkingDays(calendar, day(start), n))).toBe(expected);
  });

  it('moves to the next working day only from a day off', () => {
    expect(iso(nextWorkingDay(calendar, day('2026-05-01')))).toBe('2026-05-04');
    expect(iso(nextWorkingDay(calendar, day('2026-05-05')))).toBe('2026-05-05');
  });

  it('lets an administrator override a day either way', () => {
    const swapped = createWorkingCalendar([
      { day: day('2026-05-02'), dayOff: false, reason: 'làm bù / make-up working Saturday' },
      { day: day('2026-05-04'), dayOff: true, reason: 'nghỉ bù / swapped day off' },
    ]);
    expect(iso(addWorkingDays(swapped, day('2026-04-29'), 1))).toBe('2026-05-02');
    expect(iso(addWorkingDays(swapped, day('2026-04-29'), 2))).toBe('2026-05-05');
  });

  it('reads local dates in Vietnam time (UTC+7)', () => {
    expect(iso(localDayOf(new Date('2026-11-22T17:30:00Z')))).toBe('2026-11-23');
    expect(iso(localDayOf(new Date('2026-11-22T16:59:59Z')))).toBe('2026-11-22');
  });
});
