import { describe, expect, it } from 'vitest';
import { daysOverdue, describeOverdue, missedDeadline } from './overdue';

const now = new Date('2026-11-23T08:00:00Z');
const past = new Date('2026-11-20T16:59:59Z');
const future = new Date('2026-11-30T16:59:59Z');

describe('overdue cases', () => {
  it.each([
    ['ASSIGNED', past, null, 'first_step'],
    ['UNROUTED', past, null, 'first_step'],
    ['ASSIGNED', future, null, null],
    ['ACCEPTED', past, past, 'resolution'],
    ['ACCEPTED', past, future, null],
    ['AWAITING_INFO', past, past, null],
    ['ANSWERED', past, past, null],
    ['CLOSED', past, past, null],
  ] as const)('%s, first step due %s, resolution due %s → %s', (status, firstStepDueAt, resolutionDueAt, step) => {
    expect(missedDeadline({ status, firstStepDueAt, resolutionDueAt }, now)?.step ?? null).toBe(step);
  });

  it('counts whole days overdue', () => {
    expect(daysOverdue(past, now)).toBe(2);
  });

  it.each([
    [17 * 1000, 'chưa đến 1 phút', 'less than a minute'],
    [12 * 60_000, '12 phút', '12 minutes'],
    [60 * 60_000, '1 giờ', '1 hour'],
    [23 * 3_600_000 + 59 * 60_000, '23 giờ', '23 hours'],
    [24 * 3_600_000, '1 ngày', '1 day'],
    [132 * 86_400_000 + 9 * 3_600_000, '132 ngày 9 giờ', '132 days 9 hours'],
  ])('words %i ms overdue as "%s" / "%s", never "0 days"', (ms, vi, en) => {
    expect(describeOverdue(ms, 'vi')).toBe(vi);
    expect(describeOverdue(ms, 'en')).toBe(en);
  });
});
