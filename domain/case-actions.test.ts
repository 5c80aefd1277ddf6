import { describe, expect, it } from 'vitest';
import { actionForm, actionsOf, allowedActions, assertAllowed, CASE_ACTION_NAMES, CASE_ACTIONS, refusalOf, updateSchemaOf, type CaseAction } from './case-actions';
import { CASE_STATUSES, type CaseStatus } from './case-state';
import { LAW_136_COMPLAINT_PROCEDURE } from './complaint-procedure';
import type { Deadline } from './legal-clock';

const base = { type: 'FEEDBACK' as const, transfers: 0, extensionsUsed: 0, extensionPending: null, complexity: 'NORMAL' as const, extensionMax: { NORMAL: 1, COMPLEX: 1, ESPECIALLY_COMPLEX: 1 }, rated: false };
const allowed = (status: CaseStatus, action: CaseAction, extra = {}) => {
  try {
    assertAllowed({ ...base, status, ...extra }, action);
    return true;
  } catch {
    return false;
  }
};

/** A deadline as the rules read it: its inputs and whether it was met. */
function duty(inputs: Deadline['inputs'] = {}, metAt?: string): Deadline {
  return {
    step: 'accused_notice', startedAt: '2026-11-02T02:00:00Z', limit: { amount: 5, unit: 'working_days' }, extensions: [], pausedMs: 0, pausedAt: null,
    dueAt: '2026-11-09T16:59:59.999Z', legalBasis: 'x', inputs, history: [], ladder: [], ...(metAt ? { metAt } : {}),
  };
}

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

  it('refuses a second complaint once its window has passed, with the date (Complaints Law 2011 art. 33)', () => {
    const answered = { ...base, status: 'ANSWERED' as const, type: 'COMPLAINT_FIRST' as const, appealDueAt: '2026-09-03T16:59:59.999Z' };
    expect(refusalOf(answered, 'appeal', {}, new Date('2026-09-03T16:00:00Z'))).toBeNull();
    expect(refusalOf(answered, 'appeal', {}, new Date('2026-09-04T01:00:00Z'))).toMatch(/^Đã hết thời hạn khiếu nại lần hai lúc 03\/09\/2026 23:59/);
    expect(refusalOf({ ...answered, appealDueAt: null }, 'appeal', {}, new Date('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('lets the agency refuse a complaint as late only when its window had passed at receipt', () => {
    const assigned = { ...base, status: 'ASSIGNED' as const, type: 'COMPLAINT_FIRST' as const };
    const window = { learnedOn: '2026-03-01', obstacleDays: 0, obstacleReason: null, limitDays: 90, basis: 'b', endsAt: '2026-06-01T16:59:59.999Z', explanation: { vi: '', en: '' } };
    expect(refusalOf({ ...assigned, filingWindow: { ...window, late: true } }, 'refuse', { refusalGround: 'FILING_WINDOW_PASSED' })).toBeNull();
    expect(refusalOf({ ...assigned, filingWindow: { ...window, late: false } }, 'refuse', { refusalGround: 'FILING_WINDOW_PASSED' })).toMatch(/trong thời hiệu \(hết lúc 01\/06\/2026 23:59\)/);
    expect(refusalOf(assigned, 'refuse', { refusalGround: 'FILING_WINDOW_PASSED' })).toMatch(/không ghi ngày biết quyết định/);
    expect(refusalOf({ ...assigned, type: 'FEEDBACK' }, 'refuse', { refusalGround: 'FILING_WINDOW_PASSED' })).toMatch(/Chỉ khiếu nại mới có thời hiệu/);
    expect(CASE_ACTIONS.refuse.input.safeParse({}).success).toBe(false);
    expect(CASE_ACTIONS.refuse.input.safeParse({ refusalGround: 'FILING_WINDOW_PASSED' }).success).toBe(true);
  });

  it('takes accusedSummary only on a denunciation', () => {
    expect(refusalOf({ ...base, status: 'ASSIGNED', type: 'DENUNCIATION' }, 'accept', { accusedSummary: 'x' })).toBeNull();
    expect(refusalOf({ ...base, status: 'ASSIGNED' }, 'accept', { accusedSummary: 'x' })).toMatch(/Chỉ đơn tố cáo/);
  });

  it('lets a denunciation take 10 working days to verify at several places, once (Denunciations Law 2018 art. 24(1))', () => {
    const denunciation = { ...base, status: 'ASSIGNED' as const, type: 'DENUNCIATION' as const };
    expect(refusalOf(denunciation, 'verifyAtSeveralPlaces')).toBeNull();
    expect(refusalOf({ ...denunciation, firstStep: duty({ severalPlaces: true }) }, 'verifyAtSeveralPlaces')).toMatch(/already verified at several places/);
    expect(refusalOf({ ...base, status: 'ASSIGNED' }, 'verifyAtSeveralPlaces')).toMatch(/only for a denunciation/);
  });

  it('records a written notice only while one is owed, to whom it is owed', () => {
    const accepted = { ...base, status: 'ACCEPTED' as const, type: 'DENUNCIATION' as const };
    expect(refusalOf(accepted, 'recordWrittenNotice')).toMatch(/no written notice is pending/);
    const owed = { ...accepted, duties: { accused_notice: duty() } };
    expect(refusalOf(owed, 'recordWrittenNotice')).toBeNull();
    expect(refusalOf(owed, 'recordWrittenNotice', { to: 'accused', letter: 'Công văn số 12/TB' })).toBeNull();
    expect(refusalOf(owed, 'recordWrittenNotice', { to: 'forwarder', letter: 'Công văn số 12/TB' })).toMatch(/not pending/);
    expect(refusalOf({ ...accepted, duties: { accused_notice: duty({}, '2026-11-05T02:00:00Z') } }, 'recordWrittenNotice')).toMatch(/no written notice is pending/);
  });

  it('says why, in Vietnamese and English', () => {
    expect(() => assertAllowed({ ...base, status: 'ASSIGNED' }, 'answer')).toThrow(/Không thể thực hiện "answer".*\/ action "answer" is not allowed in status ASSIGNED/);
  });
});

/** Every action from every status: the whole table, so a change to it shows here. */
const FROM: Record<CaseAction, CaseStatus[]> = {
  assign: ['UNROUTED'],
  reassign: ['ASSIGNED', 'ACCEPTED', 'AWAITING_INFO'],
  accept: ['ASSIGNED'],
  return: ['ASSIGNED'],
  transfer: ['ASSIGNED'],
  verifyAtSeveralPlaces: ['ASSIGNED'],
  guide: ['ASSIGNED'],
  refuse: ['ASSIGNED'],
  requestInfo: ['ACCEPTED'],
  provideInfo: ['AWAITING_INFO'],
  requestExtension: ['ACCEPTED', 'AWAITING_INFO'],
  decideExtension: ['ACCEPTED', 'AWAITING_INFO'],
  reclassify: ['ACCEPTED', 'AWAITING_INFO'],
  answer: ['ACCEPTED'],
  rate: ['ANSWERED'],
  appeal: ['ANSWERED'],
  withdraw: ['RECEIVED', 'UNROUTED', 'ASSIGNED', 'ACCEPTED', 'AWAITING_INFO', 'SUSPENDED', 'ANSWERED'],
  merge: ['RECEIVED', 'UNROUTED', 'ASSIGNED', 'ACCEPTED', 'AWAITING_INFO', 'SUSPENDED'],
  note: ['RECEIVED', 'UNROUTED', 'ASSIGNED', 'ACCEPTED', 'AWAITING_INFO', 'SUSPENDED', 'ANSWERED'],
  suspend: ['ACCEPTED'],
  resumeResolution: ['SUSPENDED'],
  terminate: ['ACCEPTED', 'AWAITING_INFO', 'SUSPENDED'],
  withdrawPart: ['ACCEPTED', 'AWAITING_INFO', 'SUSPENDED'],
  recordDialogue: ['ACCEPTED'],
  recordWrittenNotice: ['RECEIVED', 'UNROUTED', 'ASSIGNED', 'ACCEPTED', 'AWAITING_INFO', 'SUSPENDED', 'ANSWERED'],
};
// Facts under which no rule beyond the status refuses anything.
const permissive = { ...base, type: 'COMPLAINT_FIRST' as const, extensionPending: { requestedBy: 'a', reason: 'r' }, complaintProcedure: LAW_136_COMPLAINT_PROCEDURE };
// Actions for one case type or one situation only.
const SITUATION: Partial<Record<CaseAction, object>> = { verifyAtSeveralPlaces: { type: 'DENUNCIATION' }, recordWrittenNotice: { duties: { accused_notice: duty() } } };

describe('the action registry', () => {
  it.each(CASE_ACTION_NAMES.flatMap((a) => CASE_STATUSES.map((s) => [a, s] as const)))('%s from %s', (action, status) => {
    const refusal = refusalOf({ ...permissive, ...SITUATION[action], status }, action);
    const expected = FROM[action].includes(status) && !(action === 'requestExtension');
    if (expected) expect(refusal).toBeNull();
    else if (FROM[action].includes(status)) expect(refusal).toMatch(/gia hạn.*\/ .*extension/);
    else expect(refusal).toBe(`Không thể thực hiện "${action}" khi hồ sơ đang ở trạng thái ${status} / action "${action}" is not allowed in status ${status}`);
  });

  it('gives each role its actions and the citizen theirs', () => {
    expect(actionsOf('AGENCY_OFFICER')).toEqual(['accept', 'return', 'transfer', 'verifyAtSeveralPlaces', 'guide', 'refuse', 'requestInfo', 'provideInfo', 'requestExtension', 'reclassify', 'answer', 'suspend', 'resumeResolution', 'terminate', 'withdrawPart', 'recordDialogue', 'recordWrittenNotice', 'note', 'merge']);
    expect(actionsOf('HEAD_OF_GOVERNMENT')).toEqual(['reassign', 'decideExtension', 'note']);
    expect(actionsOf('RECEPTION_OFFICER')).toEqual(['assign', 'provideInfo', 'note', 'merge']);
    expect(actionsOf('CITIZEN')).toEqual(['provideInfo', 'rate', 'appeal', 'withdraw']);
    expect(actionsOf('FRONT_SUPERVISOR')).toEqual([]);
    expect(actionsOf('ADMINISTRATOR')).toEqual([]);
  });

  it('offers only what can succeed now: no extension request a complaint cannot have, no decision without a request', () => {
    const complaint = { ...base, type: 'COMPLAINT_FIRST' as const, status: 'ACCEPTED' as const, extensionMax: { NORMAL: 0, COMPLEX: 0, ESPECIALLY_COMPLEX: 0 } };
    expect(allowedActions(complaint, 'AGENCY_OFFICER')).not.toContain('requestExtension');
    expect(allowedActions(complaint, 'HEAD_OF_GOVERNMENT')).toEqual(['reassign', 'note']);
    expect(allowedActions({ ...complaint, extensionPending: { requestedBy: 'a', reason: 'r' } }, 'HEAD_OF_GOVERNMENT')).toEqual(['reassign', 'decideExtension', 'note']);
  });
});

/** The complaint procedure of Law 136/2025/QH15: only for complaints under a policy version that has it. */
describe('the amended complaint procedure', () => {
  const AMENDED = ['suspend', 'resumeResolution', 'terminate', 'withdrawPart', 'recordDialogue'] as const;
  const COMPLAINTS_ONLY = 'Chỉ áp dụng với khiếu nại / complaints only';
  const BEFORE_LAW_136 = /trước Luật 136\/2025\/QH15.*\/ the case is under a policy version before Law 136\/2025\/QH15 \(in force 1 Jul 2026\)/;
  const amended = { ...base, complaintProcedure: LAW_136_COMPLAINT_PROCEDURE };

  it.each(AMENDED.flatMap((a) => FROM[a].flatMap((status) => [
    [a, status, 'COMPLAINT_FIRST', true, null],
    [a, status, 'COMPLAINT_SECOND', true, null],
    [a, status, 'FEEDBACK', true, COMPLAINTS_ONLY],
    [a, status, 'DENUNCIATION', true, COMPLAINTS_ONLY],
    [a, status, 'SESSION_OPINION', true, COMPLAINTS_ONLY],
    [a, status, 'COMPLAINT_FIRST', false, BEFORE_LAW_136],
  ] as const)))('%s from %s, a %s under Law 136: %s → %s', (action, status, type, law136, expected) => {
    const refusal = refusalOf({ ...(law136 ? amended : base), status, type }, action);
    if (expected instanceof RegExp) expect(refusal).toMatch(expected);
    else expect(refusal).toBe(expected);
  });

  it('offers them to the agency on a complaint received under the 2026-07-01 version, not on one received before', () => {
    const complaint = { ...base, type: 'COMPLAINT_FIRST' as const, extensionMax: { NORMAL: 0, COMPLEX: 0, ESPECIALLY_COMPLEX: 0 } };
    expect(allowedActions({ ...complaint, status: 'ACCEPTED', complaintProcedure: LAW_136_COMPLAINT_PROCEDURE }, 'AGENCY_OFFICER')).toEqual(['requestInfo', 'reclassify', 'answer', 'suspend', 'terminate', 'withdrawPart', 'recordDialogue', 'note', 'merge']);
    expect(allowedActions({ ...complaint, status: 'SUSPENDED', complaintProcedure: LAW_136_COMPLAINT_PROCEDURE }, 'AGENCY_OFFICER')).toEqual(['resumeResolution', 'terminate', 'withdrawPart', 'note', 'merge']);
    expect(allowedActions({ ...complaint, status: 'ACCEPTED' }, 'AGENCY_OFFICER')).toEqual(['requestInfo', 'reclassify', 'answer', 'note', 'merge']);
    expect(allowedActions({ ...complaint, status: 'SUSPENDED', complaintProcedure: LAW_136_COMPLAINT_PROCEDURE }, 'CITIZEN')).toEqual(['withdraw']);
  });

  it.each<[CaseAction, Record<string, unknown>, string | null]>([
    ['suspend', { decisionNumber: '12/QĐ-STNMT', decisionDate: '2026-08-05', reason: 'Chờ kết quả giám định' }, null],
    ['suspend', { decisionNumber: '12/QĐ-STNMT', reason: 'Chờ kết quả giám định' }, 'decisionDate'],
    ['suspend', { decisionNumber: '12/QĐ-STNMT', decisionDate: '05/08/2026', reason: 'x' }, 'decisionDate'],
    ['suspend', { decisionNumber: ' ', decisionDate: '2026-08-05', reason: 'x' }, 'decisionNumber'],
    ['suspend', { decisionNumber: '12', decisionDate: '2026-08-05' }, 'reason'],
    ['suspend', { decisionNumber: '12/QĐ-STNMT', decisionDate: '2026-08-05', reason: 'x', documentIds: ['1b4e28ba-2fa1-4d3b-9b6a-2f1c1f7e0c11'] }, null],
    ['resumeResolution', { decisionNumber: '15/QĐ-STNMT', decisionDate: '2026-08-20' }, null],
    ['terminate', { ground: 'COMPLAINANT_DIED', decisionNumber: '20/QĐ', decisionDate: '2026-09-01', reason: 'Không có người thừa kế' }, null],
    ['terminate', { ground: 'BORED', decisionNumber: '20/QĐ', decisionDate: '2026-09-01', reason: 'x' }, 'ground'],
    ['withdrawPart', { parts: 'Yêu cầu bồi thường cây cối' }, null],
    ['withdrawPart', {}, 'parts'],
    ['recordDialogue', { complainantAttended: false, note: 'Đã mời hai lần' }, null],
    ['recordDialogue', { note: 'x' }, 'complainantAttended'],
  ])('%s takes %o (a problem on %s)', (action, input, field) => {
    const parsed = CASE_ACTIONS[action].input.safeParse(input);
    expect(parsed.success ? null : parsed.error.issues[0]!.path.join('.')).toBe(field);
  });

  it('takes the uploaded decision on suspend, resumeResolution and terminate; the workflow update takes the rest', () => {
    for (const action of ['suspend', 'resumeResolution', 'terminate'] as const) {
      expect(Object.keys(actionForm(action, { type: 'COMPLAINT_FIRST' }).properties)).toContain('documentIds');
      expect(updateSchemaOf(action).shape).not.toHaveProperty('documentIds');
    }
  });
});
