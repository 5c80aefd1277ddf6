import type { CaseType } from './case-types';
import { complaintWindowsOf, dayEn, dayVi, type ClockPolicy } from './legal-clock';
import { endOfLocalDay, formatVnDateTime, localDayFromYmd, type LocalDay } from './local-time';
import { nextWorkingDay, type WorkingCalendar } from './working-calendar';

/**
 * The complainant's own windows (Complaints Law 2011): a complaint is lodged within 90 days of
 * learning of the decision, time lost to an objective obstacle not counted (art. 9); a second
 * complaint within 30 days of the first decision, 45 in remote areas (art. 33). Counted as the
 * legal clock counts: the first day not counted (Civil Code art. 147), a last day off runs to the
 * close of the next working day (art. 148).
 */

/** What the complainant says at intake. */
export interface FilingWindowInput {
  /** The day they learned of the decision (for a second complaint: received the first decision), YYYY-MM-DD. */
  learnedOn: string;
  /** Days lost to an objective obstacle (illness, natural disaster, …) and what it was. */
  obstacleDays: number;
  obstacleReason: string | null;
}

/** The window as computed at receipt, with the reasoning; stored on the case. */
export interface FilingWindow extends FilingWindowInput {
  limitDays: number;
  basis: string;
  /** The close of the last day the complaint could be lodged. */
  endsAt: string;
  /** Received after the window closed. */
  late: boolean;
  explanation: { vi: string; en: string };
}

const isoDay = (ymd: string): LocalDay => {
  const [y, m, d] = ymd.split('-').map(Number);
  return localDayFromYmd(y!, m!, d!);
};

/** The rule for lodging this type of complaint, or null when the type has no such window. */
export function filingRule(policy: ClockPolicy, type: CaseType, remoteArea: boolean): { limitDays: number; basis: string } | null {
  const w = complaintWindowsOf(policy);
  if (type === 'COMPLAINT_FIRST') return { limitDays: w.lodge.limit.amount, basis: w.lodge.basis };
  // Lodged directly as a second complaint: the appeal window, counted from receiving the first decision.
  if (type === 'COMPLAINT_SECOND') {
    const limit = remoteArea ? w.appeal.remoteLimit : w.appeal.limit;
    return limit.unit === 'calendar_days' ? { limitDays: limit.amount, basis: w.appeal.basis } : null;
  }
  return null;
}

export function filingWindow(input: FilingWindowInput, receivedAt: Date, rule: { limitDays: number; basis: string }, calendar: WorkingCalendar): FilingWindow {
  const learned = isoDay(input.learnedOn);
  const lastDay = learned + rule.limitDays;
  const obstacleLastDay = lastDay + input.obstacleDays;
  const finalDay = nextWorkingDay(calendar, obstacleLastDay);
  const endsAt = endOfLocalDay(finalDay);
  const vi = [`${rule.limitDays} ngày kể từ ngày biết quyết định ${dayVi(learned)} (${rule.basis}; không tính ngày bắt đầu, BLDS 2015 Điều 147) → ngày cuối ${dayVi(lastDay)}`];
  const en = [`${rule.limitDays} days from learning of the decision on ${dayEn(learned)} (${rule.basis}; the first day not counted, Civil Code 2015 art. 147) → last day ${dayEn(lastDay)}`];
  if (input.obstacleDays > 0) {
    vi.push(`thời gian có trở ngại khách quan không tính vào thời hiệu (Luật Khiếu nại 2011, Điều 9): cộng ${input.obstacleDays} ngày (${input.obstacleReason ?? ''}) → ${dayVi(obstacleLastDay)}`);
    en.push(`time lost to an objective obstacle does not count (Complaints Law 2011 art. 9): ${input.obstacleDays} days added (${input.obstacleReason ?? ''}) → ${dayEn(obstacleLastDay)}`);
  }
  if (finalDay !== obstacleLastDay) {
    const why = calendar.reasonOff(obstacleLastDay) ?? '';
    vi.push(`ngày cuối là ngày nghỉ (${why}) nên kết thúc vào cuối ngày làm việc tiếp theo, ${dayVi(finalDay)} (BLDS 2015, Điều 148)`);
    en.push(`the last day is a day off (${why}), so it ends at the close of the next working day, ${dayEn(finalDay)} (Civil Code 2015 art. 148)`);
  }
  return {
    ...input,
    ...rule,
    endsAt: endsAt.toISOString(),
    late: receivedAt.getTime() > endsAt.getTime(),
    explanation: { vi: `${vi.join('; ')} → hết hạn ${formatVnDateTime(endsAt)}`, en: `${en.join('; ')} → ends ${formatVnDateTime(endsAt)}` },
  };
}

/** The agency's refusal of a late complaint, with the dates (Complaints Law 2011 art. 11: the limitation period has passed). */
export function lateFilingReason(w: FilingWindow, receivedAt: string, note?: string): string {
  const tail = note ? ` ${note}` : '';
  const [ends, received] = [formatVnDateTime(new Date(w.endsAt)), formatVnDateTime(new Date(receivedAt))];
  const learned = isoDay(w.learnedOn);
  return (
    `Không thụ lý vì đã hết thời hiệu khiếu nại (Luật Khiếu nại 2011, Điều 11): biết quyết định ${dayVi(learned)}, thời hiệu ${w.limitDays} ngày${w.obstacleDays ? ` cộng ${w.obstacleDays} ngày trở ngại khách quan` : ''} hết lúc ${ends}, đơn nhận lúc ${received}.${tail} / ` +
    `Not accepted: the time to complain has passed (Complaints Law 2011 art. 11): the decision was known on ${dayEn(learned)}, the ${w.limitDays}-day limit${w.obstacleDays ? ` plus ${w.obstacleDays} days of objective obstacle` : ''} ended ${ends}, the complaint was received ${received}.${tail}`
  );
}

/** Why the agency may not refuse on the ground of lateness, or null when it may. */
export function lateFilingRefusal(w: FilingWindow | null | undefined): string | null {
  if (!w) return 'Hồ sơ không ghi ngày biết quyết định, không tính được thời hiệu / no date of learning of the decision was recorded, so the limitation period cannot be counted';
  if (!w.late) return `Đơn được gửi trong thời hiệu (hết lúc ${formatVnDateTime(new Date(w.endsAt))}) / the complaint was lodged in time (the window ended ${formatVnDateTime(new Date(w.endsAt))})`;
  return null;
}

/** Why a second complaint is refused now: its window has passed and the first decision has taken effect (art. 33, 44), or null. */
export function appealWindowRefusal(appealDueAt: string | null | undefined, now: Date): string | null {
  if (!appealDueAt || now.getTime() <= new Date(appealDueAt).getTime()) return null;
  const ends = formatVnDateTime(new Date(appealDueAt));
  return (
    `Đã hết thời hạn khiếu nại lần hai lúc ${ends} (Luật Khiếu nại 2011, Điều 33); quyết định giải quyết khiếu nại lần đầu đã có hiệu lực pháp luật (Điều 44) / ` +
    `the time for a second complaint ended ${ends} (Complaints Law 2011 art. 33); the first decision has taken legal effect (art. 44)`
  );
}

/** The case closes when the appeal window passes without a second complaint. */
export const TOOK_EFFECT_REASON =
  'Hết thời hạn khiếu nại lần hai mà không có khiếu nại: quyết định giải quyết khiếu nại lần đầu có hiệu lực pháp luật (Luật Khiếu nại 2011, Điều 44) / ' +
  'the time for a second complaint passed without one: the first decision has taken legal effect (Complaints Law 2011 art. 44)';
