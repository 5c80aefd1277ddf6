/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import type { CaseType } from './case-types';
import { appealWindowRefusal, filingRule, filingWindow, lateFilingReason, lateFilingRefusal } from './complaint-windows';
import { complaintWindowsOf, DEFAULT_CLOCK_POLICY as policy, startDeadline } from './legal-clock';
import { localDayFromYmd } from './local-time';
import { createWorkingCalendar, type CalendarOverride } from './working-calendar';

/**
 * Worked out by hand (day counts checked with a date library, not this code): Complaints Law 2011
 * art. 9 (90 days from learning of the decision, an objective obstacle's time not counted) and
 * art. 33 (a second complaint within 30 days of the first decision, 45 in remote areas); Civil
 * Code 2015 art. 147 (the first day not counted) and art. 148 (a last day off runs to the next
 * working day); the 2026 calendar as shipped by migration.
 */
const shippedSql = Object.values(import.meta.glob<string>('../prisma/migrations/*_announced_calendar_2026/migration.sql', { query: '?raw', import: 'default', eager: true }));
const overrides: CalendarOverride[] = [...shippedSql[0]!.matchAll(/\('(\d{4})-(\d{2})-(\d{2})',\s*(true|false),\s*'((?:[^']|'')*)'\)/g)].map(([, y, m, d, off, reason]) => ({
  day: localDayFromYmd(Number(y), Number(m), Number(d)),
  dayOff: off === 'true',
  reason: reason!.replaceAll("''", "'"),
}));
const calendar = createWorkingCalendar(overrides);
const vn = (local: string) => new Date(`${local}+07:00`);

describe('the window to lodge a complaint', () => {
  it.each<[string, CaseType, boolean, string, number, string, string, boolean]>([
    // type, remote, learned, obstacle days, received, expected end (local), late
    ['90 days from Sun 1 Mar 2026 end Sat 30 May: art. 148 → Mon 1 Jun', 'COMPLAINT_FIRST', false, '2026-03-01', 0, '2026-06-01T15:00', '2026-06-01T23:59', false],
    ['the same complaint the morning after is late', 'COMPLAINT_FIRST', false, '2026-03-01', 0, '2026-06-02T08:00', '2026-06-01T23:59', true],
    ['10 days in hospital added: Sat 30 May + 10 = Tue 9 Jun, a working day', 'COMPLAINT_FIRST', false, '2026-03-01', 10, '2026-06-05T09:00', '2026-06-09T23:59', false],
    ['last day Tue 17 Feb 2026 in the Tết break (16–20 Feb off) → Mon 23 Feb', 'COMPLAINT_FIRST', false, '2025-11-19', 0, '2026-02-23T10:00', '2026-02-23T23:59', false],
    ['last day Thu 30 Apr 2026, then 1 May and a weekend → Mon 4 May', 'COMPLAINT_FIRST', false, '2026-01-30', 0, '2026-05-05T08:00', '2026-05-04T23:59', true],
    ['last day Thu 31 Dec 2026, a working day', 'COMPLAINT_FIRST', false, '2026-10-02', 0, '2026-12-31T16:00', '2026-12-31T23:59', false],
    ['last day Fri 1 Jan 2027 (New Year) → Mon 4 Jan 2027', 'COMPLAINT_FIRST', false, '2026-10-03', 0, '2027-01-04T10:00', '2027-01-04T23:59', false],
    ['a second complaint lodged directly: 30 days from Mon 3 Aug end Wed 2 Sep (National Day) → Thu 3 Sep', 'COMPLAINT_SECOND', false, '2026-08-03', 0, '2026-09-04T08:00', '2026-09-03T23:59', true],
    ['the same in a remote commune: 45 days → Thu 17 Sep', 'COMPLAINT_SECOND', true, '2026-08-03', 0, '2026-09-04T08:00', '2026-09-17T23:59', false],
  ])('%s', (_why, type, remote, learnedOn, obstacleDays, received, endsLocal, late) => {
    const rule = filingRule(policy, type, remote)!;
    const w = filingWindow({ learnedOn, obstacleDays, obstacleReason: obstacleDays ? 'nằm viện' : null }, vn(received), rule, calendar);
    expect(new Date(w.endsAt).getTime()).toBe(vn(`${endsLocal}:59.999`).getTime());
    expect(w.late).toBe(late);
  });

  it('applies only to complaints', () => {
    expect(filingRule(policy, 'FEEDBACK', false)).toBeNull();
    expect(filingRule(policy, 'DENUNCIATION', false)).toBeNull();
  });

  it('explains itself: the limit and its basis, the obstacle, the day off that moved the end', () => {
    const w = filingWindow({ learnedOn: '2026-03-01', obstacleDays: 10, obstacleReason: 'nằm viện' }, vn('2026-06-05T09:00'), filingRule(policy, 'COMPLAINT_FIRST', false)!, calendar);
    expect(w.explanation.vi).toBe('90 ngày kể từ ngày biết quyết định Chủ nhật 01/03/2026 (Luật Khiếu nại 2011, Điều 9; không tính ngày bắt đầu, BLDS 2015 Điều 147) → ngày cuối Thứ Bảy 30/05/2026; thời gian có trở ngại khách quan không tính vào thời hiệu (Luật Khiếu nại 2011, Điều 9): cộng 10 ngày (nằm viện) → Thứ Ba 09/06/2026 → hết hạn 09/06/2026 23:59');
    const tet = filingWindow({ learnedOn: '2025-11-19', obstacleDays: 0, obstacleReason: null }, vn('2026-02-23T10:00'), filingRule(policy, 'COMPLAINT_FIRST', false)!, calendar);
    expect(tet.explanation.en).toMatch(/last day Tue 17\/02\/2026; the last day is a day off \(.+\), so it ends at the close of the next working day, Mon 23\/02\/2026 \(Civil Code 2015 art\. 148\) → ends 23\/02\/2026 23:59$/);
  });

  it('lets the agency refuse a late complaint, with the dates, and only a late one', () => {
    const rule = filingRule(policy, 'COMPLAINT_FIRST', false)!;
    const late = filingWindow({ learnedOn: '2026-03-01', obstacleDays: 0, obstacleReason: null }, vn('2026-06-02T08:00'), rule, calendar);
    const inTime = filingWindow({ learnedOn: '2026-03-01', obstacleDays: 0, obstacleReason: null }, vn('2026-06-01T15:00'), rule, calendar);
    expect(lateFilingRefusal(late)).toBeNull();
    expect(lateFilingRefusal(inTime)).toMatch(/trong thời hiệu \(hết lúc 01\/06\/2026 23:59\)/);
    expect(lateFilingRefusal(null)).toMatch(/không ghi ngày biết quyết định/);
    expect(lateFilingReason(late, vn('2026-06-02T08:00').toISOString(), 'Đã hướng dẫn khởi kiện.')).toBe(
      'Không thụ lý vì đã hết thời hiệu khiếu nại (Luật Khiếu nại 2011, Điều 11): biết quyết định Chủ nhật 01/03/2026, thời hiệu 90 ngày hết lúc 01/06/2026 23:59, đơn nhận lúc 02/06/2026 08:00. Đã hướng dẫn khởi kiện. / ' +
        'Not accepted: the time to complain has passed (Complaints Law 2011 art. 11): the decision was known on Sun 01/03/2026, the 90-day limit ended 01/06/2026 23:59, the complaint was received 02/06/2026 08:00. Đã hướng dẫn khởi kiện.',
    );
  });
});

describe('the window to appeal a first decision', () => {
  const appeal = complaintWindowsOf(policy).appeal;
  it.each<[string, boolean, string, string]>([
    ['answered Mon 3 Aug 2026: 30 days end Wed 2 Sep (National Day) → Thu 3 Sep', false, '2026-08-03T10:00', '2026-09-03T23:59'],
    ['remote: 45 days → Thu 17 Sep', true, '2026-08-03T10:00', '2026-09-17T23:59'],
    ['answered Fri 16 Jan 2026: 30 days end Sun 15 Feb, in the Tết break → Mon 23 Feb', false, '2026-01-16T16:00', '2026-02-23T23:59'],
  ])('%s', (_why, remote, answered, due) => {
    const dl = startDeadline({ step: 'appeal_window', start: vn(answered), limit: remote ? appeal.remoteLimit : appeal.limit, legalBasis: appeal.basis, inputs: {} }, policy, calendar);
    expect(dl.dueAt).toBe(vn(`${due}:59.999`).toISOString());
    expect(dl.legalBasis).toBe('Luật Khiếu nại 2011, Điều 33 và Điều 44');
  });

  it('refuses an appeal after the window with the date, and the decision has taken effect', () => {
    const due = vn('2026-09-03T23:59:59.999').toISOString();
    expect(appealWindowRefusal(due, vn('2026-09-03T23:00'))).toBeNull();
    expect(appealWindowRefusal(null, vn('2027-01-01T00:00'))).toBeNull();
    expect(appealWindowRefusal(due, vn('2026-09-04T08:00'))).toBe(
      'Đã hết thời hạn khiếu nại lần hai lúc 03/09/2026 23:59 (Luật Khiếu nại 2011, Điều 33); quyết định giải quyết khiếu nại lần đầu đã có hiệu lực pháp luật (Điều 44) / ' +
        'the time for a second complaint ended 03/09/2026 23:59 (Complaints Law 2011 art. 33); the first decision has taken legal effect (art. 44)',
    );
  });
});
