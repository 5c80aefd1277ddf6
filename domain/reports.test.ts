import { describe, expect, it } from 'vitest';
import { dialogueReport } from './dialogue-report';
import { periodRange } from './report-periods';

describe('report periods (Vietnam time)', () => {
  it.each([
    ['monthly', 2, '2026-01-31T17:00:00.000Z', '2026-02-28T17:00:00.000Z', 'Tháng 2/2026'],
    ['monthly', 12, '2026-11-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 'Tháng 12/2026'],
    ['quarterly', 2, '2026-03-31T17:00:00.000Z', '2026-06-30T17:00:00.000Z', 'Quý II/2026'],
    ['quarterly', 4, '2026-09-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 'Quý IV/2026'],
    ['6-month', 1, '2025-12-31T17:00:00.000Z', '2026-06-30T17:00:00.000Z', '6 tháng đầu năm 2026'],
    ['9-month', 1, '2025-12-31T17:00:00.000Z', '2026-09-30T17:00:00.000Z', '9 tháng năm 2026'],
    ['annual', 1, '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 'Năm 2026'],
  ] as const)('%s %i', (period, index, from, to, label) => {
    const r = periodRange(2026, period, index);
    expect([r.from.toISOString(), r.to.toISOString(), r.label]).toEqual([from, to, label]);
  });

  it('refuses a month or quarter out of range', () => {
    expect(() => periodRange(2026, 'quarterly', 5)).toThrow(RangeError);
  });
});

describe('dialogue report', () => {
  it('counts sessions, attendees, opinions and the share resolved by level, with a total', () => {
    const rows = dialogueReport([
      { level: 'PROVINCE', kind: 'PERIODIC', attendees: 120, opinions: 10, resolved: 10 },
      { level: 'COMMUNE', kind: 'THEMATIC', attendees: 40, opinions: 3, resolved: 2 },
      { level: 'COMMUNE', kind: 'PERIODIC', attendees: 60, opinions: 5, resolved: 5 },
    ]);
    expect(rows.map((r) => [r.level, r.sessions, r.periodic, r.thematic, r.attendees, r.opinions, r.resolved, r.resolvedShare])).toEqual([
      ['PROVINCE', 1, 1, 0, 120, 10, 10, 1],
      ['DISTRICT', 0, 0, 0, 0, 0, 0, null],
      ['COMMUNE', 2, 1, 1, 100, 8, 7, 0.875],
      ['TOTAL', 3, 2, 1, 220, 18, 17, 0.9444],
    ]);
  });
});
