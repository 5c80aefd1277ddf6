import { describe, expect, it } from 'vitest';
import { assertAllowed, type CaseAction, type CaseStatus } from './case-state';

const base = { type: 'FEEDBACK' as const, transfers: 0, extensionsUsed: 0, extensionPending: null, complexity: 'NORMAL' as const, extensionMax: { NORMAL: 1, COMPLEX: 1, ESPECIALLY_COMPLEX: 1 }, rated: false };
const allowed = (status: CaseStatus, action: CaseAction, extra = {}) => {
  try {
    assertAllowed({ ...base, status, ...extra }, action);
    return true;
  } catch {
    return false;
  }
};

describe('case transitions', () => {
  it.each<[CaseStatus, CaseAction, boolean]>([
    ['ASSIGNED', 'accept', true],
    ['ASSIGNED', 'answer', false],
    ['ACCEPTED', 'answer', true],
    ['ACCEPTED', 'accept', false],
    ['UNROUTED', 'assign', true],
    ['ASSIGNED', 'assign', false],
    ['ASSIGNED', 'return', true],
    ['ACCEPTED', 'return', false],
    ['ACCEPTED', 'requestInfo', true],
    ['AWAITING_INFO', 'answer', false],
    ['AWAITING_INFO', 'provideInfo', true],
    ['ANSWERED', 'rate', true],
    ['CLOSED', 'rate', false],
    ['CLOSED', 'merge', false],
  ])('%s → %s allowed: %s', (status, action, expected) => {
    expect(allowed(status, action)).toBe(expected);
  });

  it('transfers a denunciation only once', () => {
    expect(allowed('ASSIGNED', 'transfer', { type: 'DENUNCIATION', transfers: 0 })).toBe(true);
    expect(() => assertAllowed({ ...base, status: 'ASSIGNED', type: 'DENUNCIATION', transfers: 1 }, 'transfer')).toThrow(/chỉ được chuyển một lần/);
    expect(allowed('ASSIGNED', 'transfer', { type: 'FEEDBACK', transfers: 3 })).toBe(true);
  });

  it('caps extensions by complexity and allows one request at a time', () => {
    const denunciation = { type: 'DENUNCIATION', extensionMax: { NORMAL: 0, COMPLEX: 1, ESPECIALLY_COMPLEX: 2 } };
    expect(allowed('ACCEPTED', 'requestExtension', { ...denunciation, complexity: 'NORMAL' })).toBe(false);
    expect(allowed('ACCEPTED', 'requestExtension', { ...denunciation, complexity: 'COMPLEX' })).toBe(true);
    expect(allowed('ACCEPTED', 'requestExtension', { ...denunciation, complexity: 'COMPLEX', extensionsUsed: 1 })).toBe(false);
    expect(allowed('ACCEPTED', 'requestExtension', { ...denunciation, complexity: 'ESPECIALLY_COMPLEX', extensionsUsed: 1 })).toBe(true);
    expect(allowed('ACCEPTED', 'requestExtension', { extensionPending: { requestedBy: 'x', reason: 'y' } })).toBe(false);
    expect(allowed('ACCEPTED', 'decideExtension')).toBe(false);
  });

  it('lets only a first complaint be appealed, and only complaints and denunciations be withdrawn', () => {
    expect(allowed('ANSWERED', 'appeal', { type: 'COMPLAINT_FIRST' })).toBe(true);
    expect(allowed('ANSWERED', 'appeal', { type: 'FEEDBACK' })).toBe(false);
    expect(allowed('ACCEPTED', 'withdraw', { type: 'COMPLAINT_SECOND' })).toBe(true);
    expect(allowed('ACCEPTED', 'withdraw', { type: 'FEEDBACK' })).toBe(false);
  });

  it('says why, in Vietnamese and English', () => {
    expect(() => assertAllowed({ ...base, status: 'ASSIGNED' }, 'answer')).toThrow(/Không thể thực hiện "answer".*\/ action "answer" is not allowed in status ASSIGNED/);
  });
});
