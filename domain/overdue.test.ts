import { describe, expect, it } from 'vitest';
import { daysOverdue, missedDeadline } from './overdue';

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
});
