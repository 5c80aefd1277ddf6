import { describe, expect, it } from 'vitest';
import { LAW_136_COMPLAINT_PROCEDURE } from './complaint-procedure';
import { pauseDeadline, resolutionLimit, resumeDeadline, startDeadline, type Complexity, type Deadline, type Suspension } from './legal-clock';
import { POLICY_2026_07_01 as policy } from './policy-versions';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();
const vn = (local: string) => new Date(`${local}+07:00`);
const endOf = (date: string) => vn(`${date}T23:59:59.999`).toISOString();
const suspension: Suspension = { decision: { number: '12/QĐ-STNMT', date: '2026-07-10' }, basis: LAW_136_COMPLAINT_PROCEDURE.suspension.basis };
const resumedBy = { number: '15/QĐ-STNMT', date: '2026-07-24' };

interface Row {
  type: 'COMPLAINT_FIRST' | 'COMPLAINT_SECOND';
  complexity?: Complexity;
  remote?: boolean;
  accepted: string;
  /** Information requests (the clock stops the same way, without a decision). */
  infoPauses?: Array<[string, string]>;
  suspensions: Array<[string, string]>;
  due: string;
  why: string;
}

/** Each row: the resolution due date of a complaint suspended (tạm đình chỉ) under Law 136/2025/QH15, worked out by hand. */
const ROWS: Row[] = [
  { type: 'COMPLAINT_FIRST', accepted: '2026-07-06T09:00', suspensions: [], due: '2026-08-05', why: '30 days from Mon 6 Jul (not counted) → Wed 5 Aug' },
  { type: 'COMPLAINT_FIRST', accepted: '2026-07-06T09:00', suspensions: [['2026-07-10T09:00', '2026-07-24T15:00']], due: '2026-08-19', why: 'suspended 14 d 6 h ≈ 14 days not counted → Wed 19 Aug' },
  { type: 'COMPLAINT_FIRST', accepted: '2026-07-06T09:00', suspensions: [['2026-07-10T09:00', '2026-07-10T21:00']], due: '2026-08-06', why: 'suspended 12 h: half a day counts as one → Thu 6 Aug' },
  { type: 'COMPLAINT_FIRST', accepted: '2026-07-06T09:00', suspensions: [['2026-07-10T09:00', '2026-07-10T20:00']], due: '2026-08-05', why: 'suspended 11 h: under half a day adds nothing → Wed 5 Aug' },
  { type: 'COMPLAINT_FIRST', accepted: '2026-07-06T09:00', infoPauses: [['2026-07-13T09:00', '2026-07-16T09:00']], suspensions: [['2026-07-20T09:00', '2026-07-27T09:00']], due: '2026-08-17', why: '3 days waiting for the complainant + 7 suspended = 10 → Sat 15 Aug, a day off: Mon 17 Aug (art. 148, once)' },
  { type: 'COMPLAINT_FIRST', accepted: '2026-07-06T09:00', suspensions: [['2026-07-08T09:00', '2026-07-13T09:00'], ['2026-07-20T09:00', '2026-07-22T09:00']], due: '2026-08-12', why: 'two suspensions, 5 + 2 days → Wed 12 Aug' },
  { type: 'COMPLAINT_FIRST', complexity: 'COMPLEX', remote: true, accepted: '2026-07-06T09:00', suspensions: [['2026-07-10T09:00', '2026-07-15T09:00']], due: '2026-09-09', why: 'remote and complex: 60 days → Fri 4 Sep; 5 days suspended → Wed 9 Sep' },
  { type: 'COMPLAINT_SECOND', accepted: '2026-07-06T09:00', suspensions: [['2026-07-10T09:00', '2026-08-09T09:00']], due: '2026-09-21', why: 'second complaint, 45 days → Thu 20 Aug; 30 days suspended → Sat 19 Sep: Mon 21 Sep (art. 148)' },
];

function resolution(row: Row): Deadline {
  const rule = policy.rules[row.type];
  let dl = startDeadline({ step: 'resolution', start: vn(row.accepted), limit: resolutionLimit(rule, row.complexity ?? 'NORMAL', row.remote ?? false), legalBasis: rule.resolutionBasis, inputs: {} }, policy, calendar);
  const spans = [...(row.infoPauses ?? []).map(([from, to]) => ({ from, to, suspended: false })), ...row.suspensions.map(([from, to]) => ({ from, to, suspended: true }))];
  for (const span of spans.sort((a, b) => a.from.localeCompare(b.from))) {
    dl = pauseDeadline(dl, vn(span.from), span.suspended ? 'Chờ kết quả giám định' : 'Chờ người khiếu nại bổ sung', policy, calendar, span.suspended ? suspension : undefined);
    dl = resumeDeadline(dl, vn(span.to), policy, calendar, span.suspended ? resumedBy : undefined);
  }
  return dl;
}

describe('a suspended complaint’s resolution deadline', () => {
  it.each(ROWS)('$type accepted $accepted, suspended $suspensions → $due: $why', (row) => {
    expect(resolution(row).dueAt).toBe(endOf(row.due));
  });

  it('stands while suspended: no due date, no ladder, and the suspension is kept on the deadline', () => {
    const rule = policy.rules.COMPLAINT_FIRST;
    const dl = startDeadline({ step: 'resolution', start: vn('2026-07-06T09:00'), limit: resolutionLimit(rule, 'NORMAL', false), legalBasis: rule.resolutionBasis, inputs: {} }, policy, calendar);
    const suspended = pauseDeadline(dl, vn('2026-07-10T09:00'), 'Chờ kết quả giám định', policy, calendar, suspension);
    expect(suspended).toMatchObject({ dueAt: null, ladder: [], pausedAt: vn('2026-07-10T09:00').toISOString(), suspension });
    expect(suspended.history.at(-1)).toMatchObject({ kind: 'suspended', dueAt: null });
    expect(suspended.history.at(-1)!.note).toBe(
      `Tạm đình chỉ giải quyết lúc 10/07/2026 09:00 theo Quyết định số 12/QĐ-STNMT ngày 10/07/2026 (${suspension.basis}): Chờ kết quả giám định; thời gian tạm đình chỉ không tính vào thời hạn, thời hạn dừng lại đến khi có quyết định tiếp tục / Resolution suspended at 10/07/2026 09:00 by decision no. 12/QĐ-STNMT of 10/07/2026: Chờ kết quả giám định; the suspended time does not count, the clock stands until a decision resumes it`,
    );
  });

  it('says what the suspension did when resumed, in Vietnamese and in English', () => {
    const dl = resolution(ROWS[1]!);
    expect(dl.suspension).toBeUndefined();
    expect(dl.pauses).toEqual([{ from: vn('2026-07-10T09:00').toISOString(), to: vn('2026-07-24T15:00').toISOString(), suspension: { ...suspension, resumedBy } }]);
    const { kind, note } = dl.history.at(-1)!;
    expect(kind).toBe('resumed');
    expect(note).toContain('Tiếp tục giải quyết lúc 24/07/2026 15:00 theo Quyết định số 15/QĐ-STNMT ngày 24/07/2026 sau 14 ngày 6 giờ tạm đình chỉ (từ 10/07/2026 09:00)');
    expect(note).toContain(`tạm đình chỉ giải quyết theo Quyết định số 12/QĐ-STNMT ngày 10/07/2026 (${suspension.basis}) từ 10/07/2026 09:00 đến 24/07/2026 15:00, tiếp tục theo Quyết định số 15/QĐ-STNMT ngày 24/07/2026: 14 ngày 6 giờ tạm đình chỉ không tính vào thời hạn giải quyết`);
    expect(note).toContain('cộng 14 ngày → Thứ Tư 19/08/2026');
    expect(note).toContain('Resolution resumed at 24/07/2026 15:00 by decision no. 15/QĐ-STNMT of 24/07/2026 after 14 d 6 h suspended');
    expect(note).toContain('resolution suspended by decision no. 12/QĐ-STNMT of 10/07/2026');
    expect(note).toContain('the 14 d 6 h suspended do not count towards the limit');
    expect(note).toContain('14 days added → Wed 19/08/2026');
    expect(note.indexOf('Tiếp tục')).toBeLessThan(note.indexOf('Resolution resumed')); // Vietnamese first
  });
});
