import { describe, expect, it } from 'vitest';
import { computeDueDate, DEFAULT_CLOCK_POLICY } from './legal-clock';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();
const vn = (local: string) => new Date(`${local}+07:00`);

describe('legal clock', () => {
  it('ends a calendar-day limit at the close of its last day, Vietnam time', () => {
    const due = computeDueDate(vn('2026-11-02T09:00:00'), { amount: 10, unit: 'calendar_days' }, calendar, 'Luật Khiếu nại 2011, Điều 27');
    expect(due.dueAt.toISOString()).toBe(vn('2026-11-12T23:59:59.999').toISOString());
    expect(due.explanation).toContain('Luật Khiếu nại 2011, Điều 27');
  });

  it('extends a calendar-day limit that ends on a day off to the next working day (Civil Code art. 148)', () => {
    // 20 April + 10 days = Thursday 30 April (holiday); 1 May holiday, then the weekend.
    const due = computeDueDate(vn('2026-04-20T10:00:00'), { amount: 10, unit: 'calendar_days' }, calendar, 'test');
    expect(due.dueAt.toISOString()).toBe(vn('2026-05-04T23:59:59.999').toISOString());
    expect(due.explanation).toContain('Điều 148');
  });

  it('counts working days and skips weekends and holidays', () => {
    const due = computeDueDate(vn('2026-08-28T15:00:00'), { amount: 3, unit: 'working_days' }, calendar, 'test');
    // Fri 28 Aug → Mon 31 Aug (1), Thu 3 Sep (2), Fri 4 Sep (3): 1 and 2 September are off.
    expect(due.dueAt.toISOString()).toBe(vn('2026-09-04T23:59:59.999').toISOString());
  });

  it('supports second-based limits for demos and tests', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(computeDueDate(start, { amount: 5, unit: 'seconds' }, calendar, 'test').dueAt.getTime()).toBe(start.getTime() + 5000);
  });

  it('records a legal basis for every case type', () => {
    for (const rule of Object.values(DEFAULT_CLOCK_POLICY.rules)) expect(rule.legalBasis).toMatch(/Luật|Quy định/);
  });
});
