import { describe, expect, it } from 'vitest';
import { localDayFromYmd, localDayOf, ymdOf } from './local-time';
import { addWorkingDays, createWorkingCalendar, nextWorkingDay, yearExceptions } from './working-calendar';

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

  it.each([
    ['2026-02-13', 1, '2026-02-23', 'Tết 2026: 16–20 February off, then the weekend'],
    ['2026-02-12', 2, '2026-02-23', 'Tết 2026 from the Thursday before'],
    ['2027-02-04', 1, '2027-02-12', 'Tết 2027: 5–9 February plus two compensatory days for its weekend'],
    ['2026-04-24', 1, '2026-04-28', 'Hùng Kings’ day 2026 falls on Sunday 26 April: Monday 27 is off'],
    ['2027-12-31', 1, '2028-01-04', '1 January 2028 is a Saturday: Monday 3 January is off'],
  ])('%s + %i working days = %s (%s)', (start, n, expected) => {
    expect(iso(addWorkingDays(calendar, day(start), n))).toBe(expected);
  });

  it.each([
    ['2026-02-16', 'Tết Nguyên đán'],
    ['2026-02-20', 'Tết Nguyên đán'],
    ['2026-02-21', 'Thứ Bảy'],
    ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2026-09-01', 'Quốc khánh (ngày liền kề)'],
    ['2027-02-11', 'Nghỉ bù Tết Nguyên đán'],
    ['2028-01-03', 'Nghỉ bù Tết Dương lịch'],
  ])('%s is off: %s', (d, reason) => {
    expect(calendar.reasonOff(day(d))).toBe(reason);
  });

  it.each(['2026-02-23', '2026-04-28', '2026-09-03', '2026-12-31'])('%s is a working day', (d) => {
    expect(calendar.reasonOff(day(d))).toBeNull();
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

describe('recurring holidays and a year at a glance', () => {
  const cultureDay = { month: 11, day: 24, fromYear: 2027, name: 'Ngày Văn hóa Việt Nam', basis: 'x' };
  const calendar = createWorkingCalendar([], [cultureDay]);

  it('takes a recurring holiday from its first year, compensated when it falls on a weekend', () => {
    expect(calendar.reasonOff(day('2026-11-24'))).toBeNull();
    expect(calendar.reasonOff(day('2027-11-24'))).toBe('Ngày Văn hóa Việt Nam');
    expect(calendar.reasonOff(day('2029-11-26'))).toBe('Nghỉ bù Ngày Văn hóa Việt Nam'); // Sat 24 Nov 2029
  });

  it('lists the weekdays off and the weekend days worked of a year', () => {
    const swapped = createWorkingCalendar([{ day: day('2026-01-02'), dayOff: true, reason: 'hoán đổi' }, { day: day('2026-01-10'), dayOff: false, reason: 'làm bù' }]);
    expect(yearExceptions(swapped, 2026).slice(0, 3)).toEqual([
      { date: '2026-01-01', dayOff: true, reason: 'Tết Dương lịch' },
      { date: '2026-01-02', dayOff: true, reason: 'hoán đổi' },
      { date: '2026-01-10', dayOff: false, reason: 'làm bù' },
    ]);
  });
});
