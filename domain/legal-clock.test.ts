import { describe, expect, it } from 'vitest';
import {
  addDuration,
  DEFAULT_CLOCK_POLICY as policy,
  denunciationRules,
  extendDeadline,
  extensionRefusal,
  meetDeadline,
  pauseDeadline,
  reclassifyDeadline,
  relimitDeadline,
  resolutionLimit,
  resumeDeadline,
  startDeadline,
  type Duration,
} from './legal-clock';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();
const vn = (local: string) => new Date(`${local}+07:00`);
const endOf = (date: string) => vn(`${date}T23:59:59.999`).toISOString();
const days = (amount: number): Duration => ({ amount, unit: 'calendar_days' });
const workingDays = (amount: number): Duration => ({ amount, unit: 'working_days' });

describe('due dates', () => {
  it.each([
    ['2026-11-02T09:00:00', days(10), '2026-11-12', 'a plain calendar-day limit ends at the close of its last day'],
    ['2026-04-20T10:00:00', days(10), '2026-05-04', 'ends on 30 April: runs past 1 May and the weekend (Civil Code art. 148)'],
    ['2026-02-06T10:00:00', days(10), '2026-02-23', 'ends in Tết 2026 (16 Feb): runs to the first working day after'],
    ['2027-01-27T10:00:00', days(10), '2027-02-12', 'ends in Tết 2027 with its compensatory days'],
    ['2026-12-22T10:00:00', days(10), '2027-01-04', 'ends on New Year’s day 2027'],
    ['2026-08-28T15:00:00', workingDays(3), '2026-09-04', 'working days skip 1–2 September'],
    ['2026-02-10T08:00:00', workingDays(10), '2026-03-03', 'ten working days straddling Tết 2026'],
    ['2026-04-22T08:00:00', workingDays(5), '2026-05-04', 'Hùng Kings’ compensatory Monday, 30 April and 1 May'],
  ])('%s + %o → %s: %s', (start, limit, due) => {
    expect(addDuration(vn(start), limit, calendar).toISOString()).toBe(endOf(due));
  });

  it('counts seconds exactly, for demos and tests', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(addDuration(start, { amount: 5, unit: 'seconds' }, calendar).getTime()).toBe(start.getTime() + 5000);
  });

  it('takes the complex and remote-area limits of a complaint', () => {
    const rule = policy.rules.COMPLAINT_FIRST;
    expect(resolutionLimit(rule, 'NORMAL', false)).toEqual(days(30));
    expect(resolutionLimit(rule, 'COMPLEX', false)).toEqual(days(45));
    expect(resolutionLimit(rule, 'NORMAL', true)).toEqual(days(45));
    expect(resolutionLimit(rule, 'COMPLEX', true)).toEqual(days(60));
    expect(resolutionLimit(policy.rules.COMPLAINT_SECOND, 'COMPLEX', true)).toEqual(days(70));
  });
});

describe('extensions', () => {
  it('allows a denunciation one extension when complex, two when especially complex, none otherwise', () => {
    const rule = policy.rules.DENUNCIATION;
    expect(extensionRefusal(rule, 'NORMAL', 0)).toMatch(/Không được gia hạn/);
    expect(extensionRefusal(rule, 'COMPLEX', 0)).toBeNull();
    expect(extensionRefusal(rule, 'COMPLEX', 1)).toMatch(/1\/1/);
    expect(extensionRefusal(rule, 'ESPECIALLY_COMPLEX', 1)).toBeNull();
    expect(extensionRefusal(rule, 'ESPECIALLY_COMPLEX', 2)).toMatch(/2\/2/);
  });

  it('allows feedback and session opinions one extension, complaints none', () => {
    expect(extensionRefusal(policy.rules.FEEDBACK, 'NORMAL', 0)).toBeNull();
    expect(extensionRefusal(policy.rules.FEEDBACK, 'NORMAL', 1)).not.toBeNull();
    expect(extensionRefusal(policy.rules.SESSION_OPINION, 'NORMAL', 0)).toBeNull();
    expect(extensionRefusal(policy.rules.COMPLAINT_FIRST, 'COMPLEX', 0)).not.toBeNull();
  });
});

describe('a running deadline', () => {
  const start = vn('2026-11-02T09:00:00');
  const first = startDeadline({ step: 'resolution', start, limit: days(30), legalBasis: 'Luật Tố cáo 2018, Điều 30', inputs: { complexity: 'COMPLEX' } }, policy, calendar);

  it('explains itself: rule, legal basis, inputs, policy version', () => {
    expect(first.dueAt).toBe(endOf('2026-12-02'));
    expect(first.legalBasis).toBe('Luật Tố cáo 2018, Điều 30');
    expect(first.inputs).toMatchObject({ complexity: 'COMPLEX', policyVersion: policy.version });
    expect(first.history).toHaveLength(1);
    expect(first.history[0]!.note).toContain('30 ngày kể từ 02/11/2026 09:00');
  });

  it('carries its escalation ladder: reminder, due, superior', () => {
    expect(first.ladder.map((s) => s.kind)).toEqual(['reminder', 'due', 'superior']);
    expect(first.ladder[0]!.at).toBe(endOf('2026-11-30')); // 2 working days before Wed 2 Dec
    expect(first.ladder[2]!.at).toBe(endOf('2026-12-09')); // 5 working days after
  });

  it('moves with an extension and records it', () => {
    const extended = extendDeadline(first, vn('2026-11-20T10:00:00'), days(30), 'Luật Tố cáo 2018, Điều 30', policy, calendar);
    expect(extended.dueAt).toBe(endOf('2027-01-04')); // 2 Dec + 30 = 1 Jan 2027, a holiday; Sat, Sun → Mon 4 Jan
    expect(extended.history.map((h) => h.kind)).toEqual(['computed', 'extended']);
    expect(extended.ladder.find((s) => s.kind === 'due')!.at).toBe(extended.dueAt);
  });

  it('stops while paused and resumes with the paused time added', () => {
    const paused = pauseDeadline(first, vn('2026-11-10T09:00:00'), 'chờ công dân bổ sung hồ sơ', policy, calendar);
    expect(paused.dueAt).toBeNull();
    expect(paused.ladder).toEqual([]);
    const resumed = resumeDeadline(paused, vn('2026-11-17T09:00:00'), policy, calendar);
    expect(resumed.dueAt).toBe(endOf('2026-12-09')); // seven days later
    expect(resumed.history.map((h) => h.kind)).toEqual(['computed', 'paused', 'resumed']);
  });

  it('recomputes from the same start when reclassified', () => {
    const complex = reclassifyDeadline(first, vn('2026-11-05T09:00:00'), days(45), 'Vụ việc phức tạp', { complexity: 'COMPLEX' }, policy, calendar);
    expect(complex.dueAt).toBe(endOf('2026-12-17'));
    expect(complex.history.at(-1)).toMatchObject({ kind: 'reclassified', dueAt: endOf('2026-12-17') });
  });

  it('keeps a pause in seconds exact', () => {
    const s = startDeadline({ step: 'first_step', start: new Date('2026-01-01T00:00:00Z'), limit: { amount: 10, unit: 'seconds' }, legalBasis: 'test', inputs: {} }, policy, calendar);
    const p = pauseDeadline(s, new Date('2026-01-01T00:00:04Z'), 'x', policy, calendar);
    const r = resumeDeadline(p, new Date('2026-01-01T00:01:04Z'), policy, calendar);
    expect(r.dueAt).toBe('2026-01-01T00:01:10.000Z');
  });
});

describe('the explanation of a due date', () => {
  it('says that extensions count with the limit from the start, and where art. 148 applied', () => {
    const start = vn('2026-07-01T09:00:00');
    const rule = policy.rules.DENUNCIATION;
    let dl = startDeadline({ step: 'resolution', start, limit: days(30), legalBasis: rule.resolutionBasis, inputs: {} }, policy, calendar);
    dl = extendDeadline(dl, vn('2026-07-20T09:00:00'), days(30), rule.extension.basis, policy, calendar);
    const note = dl.history.at(-1)!.note;
    expect(note).toContain('30 ngày + gia hạn 30 ngày = 60 ngày kể từ 01/07/2026 09:00');
    expect(note).toContain('ngày cuối Chủ nhật 30/08/2026');
    expect(note).toContain('(BLDS 2015, Điều 148)');
    expect(note).toContain('30 days + an extension of 30 days = 60 days from 01/07/2026 09:00');
    expect(note.indexOf('Gia hạn')).toBeLessThan(note.indexOf('Extension')); // Vietnamese first
  });

  it('says how much paused time was counted, in the limit’s unit, and what was added', () => {
    const start = vn('2026-11-02T09:00:00');
    let dl = startDeadline({ step: 'resolution', start, limit: workingDays(15), legalBasis: 'x', inputs: {} }, policy, calendar);
    dl = pauseDeadline(dl, vn('2026-11-06T16:00:00'), 'chờ công dân bổ sung', policy, calendar);
    dl = resumeDeadline(dl, vn('2026-11-09T09:00:00'), policy, calendar);
    expect(dl.dueAt).toBe(endOf('2026-11-24'));
    expect(dl.pauses).toEqual([{ from: vn('2026-11-06T16:00:00').toISOString(), to: vn('2026-11-09T09:00:00').toISOString() }]);
    const note = dl.history.at(-1)!.note;
    expect(note).toContain('tạm dừng tổng cộng 2 ngày 17 giờ, trong đó 17 giờ rơi vào ngày làm việc');
    expect(note).toContain('cộng 1 ngày làm việc → Thứ Ba 24/11/2026');
    expect(note).toContain('of which 17 h on working days');
  });

  it('adds nothing for a pause of seconds, and says so', () => {
    let dl = startDeadline({ step: 'resolution', start: vn('2026-12-01T10:00:00'), limit: days(30), legalBasis: 'x', inputs: {} }, policy, calendar);
    dl = pauseDeadline(dl, vn('2026-12-15T10:00:00'), 'x', policy, calendar);
    dl = resumeDeadline(dl, vn('2026-12-15T10:00:17'), policy, calendar);
    expect(dl.dueAt).toBe(endOf('2026-12-31'));
    expect(dl.history.at(-1)!.note).toContain('tạm dừng tổng cộng 17 giây');
    expect(dl.history.at(-1)!.note).toContain('không cộng ngày nào');
  });

  it('still counts the wall-clock pause of a deadline stored before pauses were itemised', () => {
    const dl = startDeadline({ step: 'resolution', start: vn('2026-11-02T09:00:00'), limit: days(30), legalBasis: 'x', inputs: {} }, policy, calendar);
    const legacy = { ...dl, pausedMs: 7 * 86_400_000, pauses: undefined, pausedAt: vn('2026-11-20T09:00:00').toISOString() };
    expect(resumeDeadline(legacy, vn('2026-11-21T09:00:00'), policy, calendar).dueAt).toBe(endOf('2026-12-10')); // 2 Dec + 7 + 1
  });
});

describe('a denunciation’s own limits (Denunciations Law 2018 as amended by Law 136/2025)', () => {
  const rules = denunciationRules(policy);
  const received = vn('2026-11-02T09:00:00');
  const first = startDeadline({ step: 'first_step', start: received, limit: policy.rules.DENUNCIATION.firstStep, legalBasis: policy.rules.DENUNCIATION.firstStepBasis, inputs: {} }, policy, calendar);

  it('keeps each rule in the versioned policy with its basis, and the default’s for versions stored before them', () => {
    expect(rules.severalPlaces).toMatchObject({ limit: workingDays(10), basis: expect.stringContaining('Điều 24 khoản 1'), basisEn: expect.stringContaining('art. 24(1)') });
    expect(rules.transfer).toMatchObject({ limit: workingDays(5), basis: expect.stringContaining('Điều 24 khoản 2'), basisEn: expect.stringContaining('art. 24(2)') });
    expect(rules.forwarderResult).toMatchObject({ limit: days(20), basis: expect.stringContaining('Điều 26 khoản 2'), basisEn: expect.stringContaining('art. 26(2)') });
    expect(rules.accusedNotice).toMatchObject({ limit: workingDays(5), basis: expect.stringContaining('Điều 29'), basisEn: expect.stringContaining('art. 29') });
    const older = { ...policy };
    delete older.denunciation;
    expect(denunciationRules(older)).toEqual(rules);
  });

  it('explains 10 working days for verification at several places, citing art. 24(1) in both languages', () => {
    const dl = relimitDeadline(first, vn('2026-11-04T10:00:00'), rules.severalPlaces, { vi: 'xác minh tại 3 xã', en: 'verification in 3 communes' }, { severalPlaces: true }, policy, calendar);
    expect(first.dueAt).toBe(endOf('2026-11-11'));
    expect(dl.dueAt).toBe(endOf('2026-11-16'));
    expect(dl.legalBasis).toBe(rules.severalPlaces.basis);
    expect(dl.inputs).toMatchObject({ severalPlaces: true });
    const note = dl.history.at(-1)!;
    expect(note.kind).toBe('relimited');
    expect(note.note).toContain('Luật Tố cáo 2018, Điều 24 khoản 1 (xác minh tại nhiều địa điểm): xác minh tại 3 xã: 10 ngày làm việc kể từ 02/11/2026 09:00');
    expect(note.note).toContain('Denunciations Law 2018 art. 24(1), verification at several places: verification in 3 communes: 10 working days from 02/11/2026 09:00');
    expect(note.note).toContain('→ hạn 16/11/2026 23:59');
    expect(dl.ladder.find((s) => s.kind === 'due')!.at).toBe(dl.dueAt);
  });

  it('gives 5 working days from receipt to transfer when not competent (art. 24(2)), however late it is found', () => {
    const dl = relimitDeadline(first, vn('2026-11-10T10:00:00'), rules.transfer, { vi: 'không thuộc thẩm quyền', en: 'not competent' }, { notCompetent: true }, policy, calendar);
    expect(dl.dueAt).toBe(endOf('2026-11-09')); // already past: the ladder fires at once
    expect(dl.history.at(-1)!.note).toContain('Denunciations Law 2018 art. 24(2)');
  });

  it('stops a duty’s ladder when it is met, keeping its due date and saying whether it was in time', () => {
    const owed = startDeadline({ step: 'accused_notice', start: received, limit: rules.accusedNotice.limit, legalBasis: rules.accusedNotice.basis, legalBasisEn: rules.accusedNotice.basisEn, inputs: {} }, policy, calendar);
    expect(owed.history[0]!.note).toContain('/ Denunciations Law 2018 art. 29, notice to the accused: 5 working days');
    expect(owed.ladder.map((s) => s.kind)).toEqual(['reminder', 'due', 'superior']);
    const met = meetDeadline(owed, vn('2026-11-05T15:00:00'), { vi: 'Công văn số 12/TB', en: 'Công văn số 12/TB' }, policy, calendar);
    expect(met).toMatchObject({ metAt: vn('2026-11-05T15:00:00').toISOString(), dueAt: endOf('2026-11-09'), ladder: [] });
    expect(met.history.at(-1)).toMatchObject({ kind: 'met', note: 'Đã thực hiện lúc 05/11/2026 15:00, đúng hạn: Công văn số 12/TB / Done at 05/11/2026 15:00, in time: Công văn số 12/TB' });
    expect(meetDeadline(owed, vn('2026-11-10T08:00:00'), { vi: 'x', en: 'x' }, policy, calendar).history.at(-1)!.note).toContain(', quá hạn');
  });
});
