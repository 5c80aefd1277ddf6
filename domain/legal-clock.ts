import type { CaseType } from './case-types';
import { describeDecision, type ComplaintProcedure, type Decision } from './complaint-procedure';
import { endOfLocalDay, formatVnDateTime, type LocalDay, localDayOf, VN_OFFSET_MS, ymdOf } from './local-time';
import { addWorkingDays, nextWorkingDay, subtractWorkingDays, type WorkingCalendar } from './working-calendar';

/**
 * A legal time limit. `seconds` exists so demos and tests can watch a whole lifecycle in a minute;
 * the law itself only speaks in calendar and working days.
 */
export interface Duration {
  amount: number;
  unit: 'calendar_days' | 'working_days' | 'seconds';
}

export const COMPLEXITIES = ['NORMAL', 'COMPLEX', 'ESPECIALLY_COMPLEX'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];
type Tiered<T> = Record<Complexity, T>;

/**
 * Deadlines that run beside a case's main one until an action meets them: the written notice to the
 * accused (Denunciations Law 2018 art. 29) and the result owed to whoever forwarded a denunciation
 * (art. 26(2)). Each has its own ladder.
 */
export const DUTY_STEPS = ['accused_notice', 'forwarder_result'] as const;
export type DutyStep = (typeof DUTY_STEPS)[number];

export type DeadlineStep = 'first_step' | 'resolution' | 'session_notice' | 'rating' | 'recommendation_response' | 'appeal_window' | DutyStep;

export const isDutyStep = (step: DeadlineStep): step is DutyStep => (DUTY_STEPS as readonly string[]).includes(step);

/** A limit with its legal basis, cited in Vietnamese and in English. */
export interface LimitRule {
  limit: Duration;
  basis: string;
  basisEn: string;
}

/** The limits around a denunciation's initial handling and its notices (Denunciations Law 2018 as amended by Law 136/2025). */
export interface DenunciationRules {
  /** Initial handling when verification is needed at several places, instead of the first step's limit (art. 24(1)). */
  severalPlaces: LimitRule;
  /** Not competent: transferred to the competent body, counted from receipt (art. 24(2)). */
  transfer: LimitRule;
  /** The result of the handling to the body or press that forwarded it, from receipt (art. 26(2)). */
  forwarderResult: LimitRule;
  /** The accused told of the acceptance, from acceptance (art. 29); a deadline when done in writing. */
  accusedNotice: LimitRule;
}

export interface ClockRule {
  /** Accept, guide, transfer or refuse, and tell the citizen. */
  firstStep: Duration;
  firstStepBasis: string;
  /** Counted from acceptance (thụ lý). */
  resolution: Tiered<Duration>;
  /** Vùng sâu, vùng xa. */
  remoteResolution: Tiered<Duration>;
  resolutionBasis: string;
  extension: { duration: Duration; maxCount: Tiered<number>; basis: string };
}

export interface ClockPolicy {
  version: string;
  effectiveFrom: string;
  rules: Record<CaseType, ClockRule>;
  /** The head's written notice after a dialogue session. */
  sessionNotice: { limit: Duration; basis: string };
  /** The answer owed to a Front committee's supervision recommendation (versions before it use the default). */
  recommendationResponse?: { limit: Duration; basis: string };
  /** Escalation ladder: a reminder to the agency before the due date, the superior unit after a grace period. */
  ladder: { reminderBefore: Duration; graceAfterDue: Duration };
  /** How long the citizen may rate an answer before the case closes on its own. */
  ratingWindow: Duration;
  /** The complaint procedure as amended by Law 136/2025/QH15 (versions before 2026-07-01 have none). */
  complaintProcedure?: ComplaintProcedure;
  /** Versions stored before these rules use the default's (the statute did not change). */
  denunciation?: DenunciationRules;
  /** The complainant's own windows (versions before them use the default, complaintWindowsOf). */
  complaintWindows?: ComplaintWindows;
}

/** Limits on the complainant rather than on the agency (Complaints Law 2011). */
export interface ComplaintWindows {
  /** Thời hiệu: lodging a complaint, from the day the complainant learned of the decision (art. 9). */
  lodge: { limit: { amount: number; unit: 'calendar_days' }; basis: string };
  /** A second complaint, from the first decision; after it the first decision takes effect (art. 33, 44). */
  appeal: { limit: Duration; remoteLimit: Duration; basis: string };
}

/** What a case's clock is asked to do: start a deadline, extend, pause, resume or recompute it. */
export type ClockOp =
  | { kind: 'start'; step: DeadlineStep; from: string }
  | { kind: 'extend' }
  | { kind: 'pause'; reason: string; suspension?: Suspension }
  | { kind: 'resume'; resumedBy?: Decision }
  | { kind: 'reclassify'; complexity: Complexity; reason: string }
  /** The first step under another limit of the law, from the same start (a denunciation's art. 24). */
  | { kind: 'relimit'; rule: 'severalPlaces' | 'transfer'; reason: string }
  /** A duty done: its clock stops for good. */
  | { kind: 'meet'; step: DutyStep; note: string };

export interface LadderStep {
  kind: 'reminder' | 'due' | 'superior';
  at: string;
}

export interface ClockChange {
  at: string;
  kind: 'computed' | 'extended' | 'paused' | 'suspended' | 'resumed' | 'reclassified' | 'relimited' | 'met';
  dueAt: string | null;
  note: string;
}

/**
 * A complaint's resolution suspended by a written decision with reasons (tạm đình chỉ, Law 136/2025/QH15):
 * the decision, its basis, and the decision that resumed it.
 */
export interface Suspension {
  decision: Decision;
  basis: string;
  resumedBy?: Decision;
}

/** A pause of the clock that has ended (the agency waited for the citizen, or a suspension decision). */
export interface PauseSpan {
  from: string;
  to: string;
  /** Set when the pause was a suspension. */
  suspension?: Suspension;
}

/** A running deadline: everything needed to recompute it and to explain it. */
export interface Deadline {
  step: DeadlineStep;
  startedAt: string;
  limit: Duration;
  extensions: Duration[];
  /** Wall-clock time paused in all, ended pauses only. */
  pausedMs: number;
  /** Each ended pause; deadlines stored before pauses were itemised have only `pausedMs`. */
  pauses?: PauseSpan[];
  pausedAt: string | null;
  /** The suspension that stopped the clock, while it stands. */
  suspension?: Suspension;
  /** null while the clock is stopped. */
  dueAt: string | null;
  /** When a duty was met; its due date stays for the record, its ladder is spent. */
  metAt?: string;
  legalBasis: string;
  inputs: Record<string, string | number | boolean>;
  history: ClockChange[];
  ladder: LadderStep[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const d = (amount: number): Duration => ({ amount, unit: 'calendar_days' });
const wd = (amount: number): Duration => ({ amount, unit: 'working_days' });
const same = <T>(v: T): Tiered<T> => ({ NORMAL: v, COMPLEX: v, ESPECIALLY_COMPLEX: v });

const DENUNCIATION_RULES: DenunciationRules = {
  severalPlaces: { limit: wd(10), basis: 'Luật Tố cáo 2018, Điều 24 khoản 1 (xác minh tại nhiều địa điểm)', basisEn: 'Denunciations Law 2018 art. 24(1), verification at several places' },
  transfer: { limit: wd(5), basis: 'Luật Tố cáo 2018, Điều 24 khoản 2 (không thuộc thẩm quyền: chuyển đơn)', basisEn: 'Denunciations Law 2018 art. 24(2), not competent: transfer' },
  forwarderResult: { limit: d(20), basis: 'Luật Tố cáo 2018, Điều 26 khoản 2 (thông báo kết quả xử lý cho cơ quan, báo chí chuyển đơn)', basisEn: 'Denunciations Law 2018 art. 26(2), the result to the forwarding body or press' },
  accusedNotice: { limit: wd(5), basis: 'Luật Tố cáo 2018, Điều 29 (thông báo cho người bị tố cáo)', basisEn: 'Denunciations Law 2018 art. 29, notice to the accused' },
};

/** Defaults from DESIGN.md. Every figure is versioned configuration that records its legal basis. */
export const DEFAULT_CLOCK_POLICY: ClockPolicy = {
  version: '2025-07-01',
  effectiveFrom: '2025-07-01T00:00:00+07:00',
  rules: {
    FEEDBACK: {
      firstStep: wd(10),
      firstStepBasis: 'Luật Tiếp công dân 2013, Điều 28',
      resolution: same(wd(15)),
      remoteResolution: same(wd(15)),
      resolutionBasis: 'Cấu hình của tỉnh (mặc định 15 ngày làm việc)',
      extension: { duration: wd(10), maxCount: same(1), basis: 'Gia hạn một lần, do Chủ tịch UBND phê duyệt' },
    },
    COMPLAINT_FIRST: {
      firstStep: d(10),
      firstStepBasis: 'Luật Khiếu nại 2011, Điều 27',
      resolution: { NORMAL: d(30), COMPLEX: d(45), ESPECIALLY_COMPLEX: d(45) },
      remoteResolution: { NORMAL: d(45), COMPLEX: d(60), ESPECIALLY_COMPLEX: d(60) },
      resolutionBasis: 'Luật Khiếu nại 2011, Điều 28',
      extension: { duration: d(0), maxCount: same(0), basis: 'Vụ việc phức tạp áp dụng thời hạn dài hơn, không gia hạn' },
    },
    COMPLAINT_SECOND: {
      firstStep: d(10),
      firstStepBasis: 'Luật Khiếu nại 2011, Điều 36',
      resolution: { NORMAL: d(45), COMPLEX: d(60), ESPECIALLY_COMPLEX: d(60) },
      remoteResolution: { NORMAL: d(60), COMPLEX: d(70), ESPECIALLY_COMPLEX: d(70) },
      resolutionBasis: 'Luật Khiếu nại 2011, Điều 37',
      extension: { duration: d(0), maxCount: same(0), basis: 'Vụ việc phức tạp áp dụng thời hạn dài hơn, không gia hạn' },
    },
    DENUNCIATION: {
      firstStep: wd(7),
      firstStepBasis: 'Luật Tố cáo 2018, Điều 24 khoản 1',
      resolution: same(d(30)),
      remoteResolution: same(d(30)),
      resolutionBasis: 'Luật Tố cáo 2018, Điều 30',
      extension: { duration: d(30), maxCount: { NORMAL: 0, COMPLEX: 1, ESPECIALLY_COMPLEX: 2 }, basis: 'Luật Tố cáo 2018, Điều 30' },
    },
    SESSION_OPINION: {
      firstStep: wd(10),
      firstStepBasis: 'Quy định 11-QĐi/TW',
      resolution: same(d(30)),
      remoteResolution: same(d(30)),
      resolutionBasis: 'Cấu hình của tỉnh (mặc định 30 ngày)',
      extension: { duration: d(30), maxCount: same(1), basis: 'Gia hạn một lần, do Chủ tịch UBND phê duyệt' },
    },
  },
  sessionNotice: { limit: wd(10), basis: 'Quy định 11-QĐi/TW' },
  recommendationResponse: { limit: d(15), basis: 'Cấu hình của tỉnh (mặc định 15 ngày)' },
  ladder: { reminderBefore: wd(2), graceAfterDue: wd(5) },
  ratingWindow: d(15),
  denunciation: DENUNCIATION_RULES,
  complaintWindows: {
    lodge: { limit: { amount: 90, unit: 'calendar_days' }, basis: 'Luật Khiếu nại 2011, Điều 9' },
    appeal: { limit: d(30), remoteLimit: d(45), basis: 'Luật Khiếu nại 2011, Điều 33 và Điều 44' },
  },
};

export const complaintWindowsOf = (policy: ClockPolicy): ComplaintWindows => policy.complaintWindows ?? DEFAULT_CLOCK_POLICY.complaintWindows!;

/** The denunciation rules of a policy version, the default's for versions stored before they existed. */
export const denunciationRules = (policy: ClockPolicy): DenunciationRules => policy.denunciation ?? DENUNCIATION_RULES;

export function describeDuration(x: Duration): string {
  return `${x.amount} ${{ calendar_days: 'ngày', working_days: 'ngày làm việc', seconds: 'giây' }[x.unit]}`;
}

export function describeDurationEn(x: Duration): string {
  const unit = { calendar_days: 'day', working_days: 'working day', seconds: 'second' }[x.unit];
  return `${x.amount} ${unit}${x.amount === 1 ? '' : 's'}`;
}

/**
 * When a limit that starts at `start` ends. Day limits end at the close of their last local day;
 * calendar-day limits ending on a day off run to the close of the next working day (Civil Code
 * 2015 art. 148).
 */
export function addDuration(start: Date, limit: Duration, calendar: WorkingCalendar): Date {
  switch (limit.unit) {
    case 'seconds':
      return new Date(start.getTime() + limit.amount * 1000);
    case 'working_days':
      return endOfLocalDay(addWorkingDays(calendar, localDayOf(start), limit.amount));
    case 'calendar_days':
      return endOfLocalDay(nextWorkingDay(calendar, localDayOf(start) + limit.amount));
  }
}

/** Moves an instant back by a duration, keeping its local time of day. */
function subtractDuration(instant: Date, x: Duration, calendar: WorkingCalendar): Date {
  switch (x.unit) {
    case 'seconds':
      return new Date(instant.getTime() - x.amount * 1000);
    case 'calendar_days':
      return new Date(instant.getTime() - x.amount * DAY_MS);
    case 'working_days': {
      const timeOfDay = (instant.getTime() + VN_OFFSET_MS) % DAY_MS;
      return new Date((subtractWorkingDays(calendar, localDayOf(instant), x.amount) * DAY_MS) + timeOfDay - VN_OFFSET_MS);
    }
  }
}

export function resolutionLimit(rule: ClockRule, complexity: Complexity, remoteArea: boolean): Duration {
  return (remoteArea ? rule.remoteResolution : rule.resolution)[complexity];
}

/** Why an extension cannot be granted, or null when it can. */
export function extensionRefusal(rule: ClockRule, complexity: Complexity, used: number): string | null {
  const max = rule.extension.maxCount[complexity];
  if (max === 0) return `Không được gia hạn (${rule.extension.basis}) / no extension for this case type and complexity`;
  if (used >= max) return `Đã gia hạn ${used}/${max} lần / all ${max} extensions used`;
  return null;
}

/**
 * Time lost to pauses, counted in the limit's own unit: all of it for a calendar-day limit, only
 * what fell on working days for a working-day limit. Whole days are added back, rounded to the
 * nearest day (half a day or more counts as a day), so a pause of seconds never moves a deadline.
 */
export interface PauseAllowance {
  unit: 'calendar_days' | 'working_days' | 'seconds';
  /** Wall-clock time paused in all. */
  pausedMs: number;
  /** Of which counted in the limit's unit. */
  countedMs: number;
  /** What is added to the limit. */
  days: number;
}

/** The part of [from, to) that falls on working days. */
function workingTimeBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  let total = 0;
  for (let day = localDayOf(from); day <= localDayOf(to); day += 1) {
    if (calendar.isDayOff(day)) continue;
    const dayStart = day * DAY_MS - VN_OFFSET_MS;
    total += Math.max(0, Math.min(to.getTime(), dayStart + DAY_MS) - Math.max(from.getTime(), dayStart));
  }
  return total;
}

export function pauseAllowance(dl: Deadline, calendar: WorkingCalendar): PauseAllowance {
  const spans = dl.pauses ?? [];
  const spanMs = (p: PauseSpan) => Math.max(0, new Date(p.to).getTime() - new Date(p.from).getTime());
  // Pauses recorded before they were itemised: wall-clock time is all that is known.
  const unitemised = Math.max(0, dl.pausedMs - spans.reduce((sum, p) => sum + spanMs(p), 0));
  const unit = dl.limit.unit;
  const countedMs =
    unit === 'working_days'
      ? unitemised + spans.reduce((sum, p) => sum + workingTimeBetween(new Date(p.from), new Date(p.to), calendar), 0)
      : dl.pausedMs;
  return { unit, pausedMs: dl.pausedMs, countedMs, days: unit === 'seconds' ? 0 : Math.round(countedMs / DAY_MS) };
}

/** The day `amount` units after `day`, without art. 148 (which applies once, to the final day). */
function advance(calendar: WorkingCalendar, day: LocalDay, x: Duration): LocalDay {
  if (x.unit === 'working_days') return addWorkingDays(calendar, day, x.amount);
  return day + (x.unit === 'calendar_days' ? x.amount : Math.ceil(x.amount / 86_400));
}

interface Projection {
  due: Date;
  /** The last day of the limit and its extensions, counted from the day after the start (art. 147). */
  lastDay: LocalDay | null;
  pause: PauseAllowance;
  /** The last day once the paused days are added back, before art. 148. */
  pausedLastDay: LocalDay | null;
}

/**
 * The limit and every extension are one period counted from the start (for a denunciation, the
 * statutory maximum of 30, 60 or 90 days from acceptance); the time lost to pauses is added back in
 * the limit's unit; then, once, a last day that is a day off runs to the close of the next working
 * day (Civil Code 2015 art. 148).
 */
function project(dl: Deadline, calendar: WorkingCalendar): Projection {
  const start = new Date(dl.startedAt);
  const pause = pauseAllowance(dl, calendar);
  const legs = [dl.limit, ...dl.extensions];
  if (dl.limit.unit === 'seconds') {
    const legMs = legs.reduce((sum, x) => sum + (x.unit === 'seconds' ? x.amount * 1000 : x.amount * DAY_MS), 0);
    return { due: new Date(start.getTime() + legMs + dl.pausedMs), lastDay: null, pause, pausedLastDay: null };
  }
  const lastDay = legs.reduce((day, x) => advance(calendar, day, x), localDayOf(start));
  const pausedLastDay = pause.days === 0 ? lastDay : advance(calendar, lastDay, { amount: pause.days, unit: pause.unit });
  return { due: endOfLocalDay(nextWorkingDay(calendar, pausedLastDay)), lastDay, pause, pausedLastDay };
}

const WEEKDAY_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const dateOf = (day: LocalDay) => {
  const { year, month, day: d } = ymdOf(day);
  return `${String(d).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
};
export const dayVi = (day: LocalDay) => `${WEEKDAY_VI[ymdOf(day).weekday]!} ${dateOf(day)}`;
export const dayEn = (day: LocalDay) => `${WEEKDAY_EN[ymdOf(day).weekday]!} ${dateOf(day)}`;

/** "2 ngày 17 giờ" / "2 d 17 h": the two largest units. */
export function describeSpan(ms: number, lang: 'vi' | 'en'): string {
  const seconds = Math.round(ms / 1000);
  const parts: Array<[number, string, string]> = [
    [Math.floor(seconds / 86_400), 'ngày', 'd'],
    [Math.floor((seconds % 86_400) / 3_600), 'giờ', 'h'],
    [Math.floor((seconds % 3_600) / 60), 'phút', 'min'],
    [seconds % 60, 'giây', 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return lang === 'vi' ? '0 giây' : '0 s';
  return parts.slice(first, first + 2).filter(([n]) => n > 0).map(([n, vi, en]) => `${n} ${lang === 'vi' ? vi : en}`).join(' ');
}

/** What a suspension did: the decisions, its span, and that the time does not count. */
function describeSuspension(span: PauseSpan): { vi: string; en: string } {
  const { decision, basis, resumedBy } = span.suspension!;
  const [from, to] = [formatVnDateTime(new Date(span.from)), formatVnDateTime(new Date(span.to))];
  const ms = new Date(span.to).getTime() - new Date(span.from).getTime();
  return {
    vi: `tạm đình chỉ giải quyết theo ${describeDecision(decision, 'vi')} (${basis}) từ ${from} đến ${to}${resumedBy ? `, tiếp tục theo ${describeDecision(resumedBy, 'vi')}` : ''}: ${describeSpan(ms, 'vi')} tạm đình chỉ không tính vào thời hạn giải quyết`,
    en: `resolution suspended by ${describeDecision(decision, 'en')} (${basis}) from ${from} to ${to}${resumedBy ? `, resumed by ${describeDecision(resumedBy, 'en')}` : ''}: the ${describeSpan(ms, 'en')} suspended do not count towards the limit`,
  };
}

/** How the due date was reached, step by step, in Vietnamese and in English. */
export function explainDue(dl: Deadline, calendar: WorkingCalendar): { vi: string; en: string } {
  const p = project(dl, calendar);
  const start = new Date(dl.startedAt);
  const legsVi = [describeDuration(dl.limit), ...dl.extensions.map((x) => `gia hạn ${describeDuration(x)}`)];
  const legsEn = [describeDurationEn(dl.limit), ...dl.extensions.map((x) => `an extension of ${describeDurationEn(x)}`)];
  const sameUnit = dl.extensions.every((x) => x.unit === dl.limit.unit);
  const total: Duration = { amount: [dl.limit, ...dl.extensions].reduce((sum, x) => sum + x.amount, 0), unit: dl.limit.unit };
  const sumVi = dl.extensions.length > 0 && sameUnit ? ` = ${describeDuration(total)}` : '';
  const sumEn = dl.extensions.length > 0 && sameUnit ? ` = ${describeDurationEn(total)}` : '';
  const vi: string[] = [`${legsVi.join(' + ')}${sumVi} kể từ ${formatVnDateTime(start)}`];
  const en: string[] = [`${legsEn.join(' + ')}${sumEn} from ${formatVnDateTime(start)}`];
  if (p.lastDay !== null) {
    const working = dl.limit.unit === 'working_days';
    vi[0] += ` (không tính ngày bắt đầu, BLDS 2015 Điều 147${working ? '; không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ và ngày nghỉ theo lịch công bố, có tính ngày làm bù' : ''}) → ngày cuối ${dayVi(p.lastDay)}`;
    en[0] += ` (the first day not counted, Civil Code 2015 art. 147${working ? '; Saturdays, Sundays, holidays and announced days off not counted, make-up working days counted' : ''}) → last day ${dayEn(p.lastDay)}`;
  }
  for (const span of (dl.pauses ?? []).filter((x) => x.suspension)) {
    const said = describeSuspension(span);
    vi.push(said.vi);
    en.push(said.en);
  }
  if (p.pause.pausedMs > 0) {
    const wall = [describeSpan(p.pause.pausedMs, 'vi'), describeSpan(p.pause.pausedMs, 'en')] as const;
    if (p.pause.unit === 'seconds') {
      vi.push(`cộng thời gian tạm dừng ${wall[0]}`);
      en.push(`plus ${wall[1]} paused`);
    } else {
      const working = p.pause.unit === 'working_days';
      const countedVi = working ? `, trong đó ${describeSpan(p.pause.countedMs, 'vi')} rơi vào ngày làm việc (thời hạn tính bằng ngày làm việc)` : '';
      const countedEn = working ? `, of which ${describeSpan(p.pause.countedMs, 'en')} on working days (the limit counts working days)` : '';
      const added = p.pause.days > 0 ? `cộng ${describeDuration({ amount: p.pause.days, unit: p.pause.unit })} → ${dayVi(p.pausedLastDay!)}` : 'không cộng ngày nào';
      const addedEn = p.pause.days > 0 ? `${describeDurationEn({ amount: p.pause.days, unit: p.pause.unit })} added → ${dayEn(p.pausedLastDay!)}` : 'no day added';
      vi.push(`thời gian tạm dừng không tính vào thời hạn: tạm dừng tổng cộng ${wall[0]}${countedVi}, làm tròn đến ngày gần nhất (từ nửa ngày trở lên tính một ngày) nên ${added}`);
      en.push(`paused time does not count: ${wall[1]} paused in all${countedEn}, rounded to the nearest day (half a day or more counts as one), so ${addedEn}`);
    }
  }
  const finalDay = p.pausedLastDay === null ? null : nextWorkingDay(calendar, p.pausedLastDay);
  if (finalDay !== null && finalDay !== p.pausedLastDay) {
    const reason = calendar.reasonOff(p.pausedLastDay!) ?? '';
    vi.push(`ngày cuối là ngày nghỉ (${reason}) nên thời hạn kết thúc vào cuối ngày làm việc tiếp theo, ${dayVi(finalDay)} (BLDS 2015, Điều 148)`);
    en.push(`the last day is a day off (${reason}), so the limit ends at the close of the next working day, ${dayEn(finalDay)} (Civil Code 2015 art. 148)`);
  }
  return { vi: `${vi.join('; ')} → hạn ${formatVnDateTime(p.due)}`, en: `${en.join('; ')} → due ${formatVnDateTime(p.due)}` };
}

function withLadder(dl: Deadline, policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  if (!dl.dueAt || dl.metAt) return { ...dl, ladder: [] };
  const due = new Date(dl.dueAt);
  const reminder = subtractDuration(due, policy.ladder.reminderBefore, calendar);
  const superior = addDurationExact(due, policy.ladder.graceAfterDue, calendar);
  const steps: LadderStep[] = [
    // A reminder that would fall before the clock started only makes noise.
    ...(reminder.getTime() > new Date(dl.startedAt).getTime() ? [{ kind: 'reminder' as const, at: reminder.toISOString() }] : []),
    { kind: 'due', at: due.toISOString() },
    { kind: 'superior', at: superior.toISOString() },
  ];
  return { ...dl, ladder: steps };
}

/** Grace periods keep the due time of day (a day after 23:59 is the next 23:59). */
function addDurationExact(start: Date, x: Duration, calendar: WorkingCalendar): Date {
  if (x.unit === 'seconds') return new Date(start.getTime() + x.amount * 1000);
  if (x.unit === 'calendar_days') return new Date(start.getTime() + x.amount * DAY_MS);
  const timeOfDay = (start.getTime() + VN_OFFSET_MS) % DAY_MS;
  return new Date(addWorkingDays(calendar, localDayOf(start), x.amount) * DAY_MS + timeOfDay - VN_OFFSET_MS);
}

function recorded(dl: Deadline, at: Date, kind: ClockChange['kind'], note: string, policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  const dueAt = dl.pausedAt ? null : dl.metAt ? dl.dueAt : project(dl, calendar).due.toISOString();
  const change: ClockChange = { at: at.toISOString(), kind, dueAt, note };
  return withLadder({ ...dl, dueAt, history: [...dl.history, change] }, policy, calendar);
}

/** "vi / en" with the explanation of the due date after each. */
function noteWith(dl: Deadline, calendar: WorkingCalendar, vi: string, en: string): string {
  const why = explainDue(dl, calendar);
  return `${vi}: ${why.vi} / ${en}: ${why.en}`;
}

export function startDeadline(
  args: { step: DeadlineStep; start: Date; limit: Duration; legalBasis: string; legalBasisEn?: string; inputs: Deadline['inputs'] },
  policy: ClockPolicy,
  calendar: WorkingCalendar,
): Deadline {
  const base: Deadline = {
    step: args.step,
    startedAt: args.start.toISOString(),
    limit: args.limit,
    extensions: [],
    pausedMs: 0,
    pauses: [],
    pausedAt: null,
    dueAt: null,
    legalBasis: args.legalBasis,
    inputs: { ...args.inputs, policyVersion: policy.version },
    history: [],
    ladder: [],
  };
  return recorded(base, args.start, 'computed', noteWith(base, calendar, args.legalBasis, args.legalBasisEn ?? args.legalBasis), policy, calendar);
}

export function extendDeadline(dl: Deadline, at: Date, extension: Duration, basis: string, policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  const next = { ...dl, extensions: [...dl.extensions, extension] };
  const n = next.extensions.length;
  const note = noteWith(next, calendar, `Gia hạn lần ${n}: ${describeDuration(extension)} (${basis}), tính liền với thời hạn từ ngày bắt đầu`, `Extension ${n}: ${describeDurationEn(extension)} (${basis}), counted with the limit from the start`);
  return recorded(next, at, 'extended', note, policy, calendar);
}

/** The clock stops while the agency waits for information from the citizen, or while a complaint's resolution is suspended. */
export function pauseDeadline(dl: Deadline, at: Date, reason: string, policy: ClockPolicy, calendar: WorkingCalendar, suspension?: Suspension): Deadline {
  if (dl.pausedAt) return dl;
  const when = formatVnDateTime(at);
  if (suspension) {
    const note = `Tạm đình chỉ giải quyết lúc ${when} theo ${describeDecision(suspension.decision, 'vi')} (${suspension.basis}): ${reason}; thời gian tạm đình chỉ không tính vào thời hạn, thời hạn dừng lại đến khi có quyết định tiếp tục / Resolution suspended at ${when} by ${describeDecision(suspension.decision, 'en')}: ${reason}; the suspended time does not count, the clock stands until a decision resumes it`;
    return recorded({ ...dl, pausedAt: at.toISOString(), suspension }, at, 'suspended', note, policy, calendar);
  }
  const note = `Tạm dừng lúc ${when}: ${reason}; thời hạn dừng lại đến khi tiếp tục / Paused at ${when}: ${reason}; the clock stands until resumed`;
  return recorded({ ...dl, pausedAt: at.toISOString() }, at, 'paused', note, policy, calendar);
}

/** The clock runs again; a suspension ends with the decision that resumes the resolution. */
export function resumeDeadline(dl: Deadline, at: Date, policy: ClockPolicy, calendar: WorkingCalendar, resumedBy?: Decision): Deadline {
  if (!dl.pausedAt) return dl;
  const from = new Date(dl.pausedAt);
  const to = new Date(Math.max(at.getTime(), from.getTime()));
  const span = to.getTime() - from.getTime();
  const { suspension, ...running } = dl;
  const ended: PauseSpan = { from: from.toISOString(), to: to.toISOString(), ...(suspension ? { suspension: { ...suspension, ...(resumedBy ? { resumedBy } : {}) } } : {}) };
  const next: Deadline = { ...running, pausedMs: dl.pausedMs + span, pauses: [...(dl.pauses ?? []), ended], pausedAt: null };
  const [fromText, toText] = [formatVnDateTime(from), formatVnDateTime(to)];
  const note = suspension
    ? noteWith(
        next,
        calendar,
        `Tiếp tục giải quyết lúc ${toText}${resumedBy ? ` theo ${describeDecision(resumedBy, 'vi')}` : ''} sau ${describeSpan(span, 'vi')} tạm đình chỉ (từ ${fromText})`,
        `Resolution resumed at ${toText}${resumedBy ? ` by ${describeDecision(resumedBy, 'en')}` : ''} after ${describeSpan(span, 'en')} suspended (from ${fromText})`,
      )
    : noteWith(next, calendar, `Tiếp tục lúc ${toText} sau ${describeSpan(span, 'vi')} tạm dừng (từ ${fromText})`, `Resumed at ${toText} after ${describeSpan(span, 'en')} paused (from ${fromText})`);
  return recorded(next, at, 'resumed', note, policy, calendar);
}

/** A new limit from the same start, e.g. when a complaint is found complex. */
export function reclassifyDeadline(dl: Deadline, at: Date, limit: Duration, note: string, inputs: Deadline['inputs'], policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  const next = { ...dl, limit, inputs: { ...dl.inputs, ...inputs } };
  return recorded(next, at, 'reclassified', noteWith(next, calendar, `${note}: ${describeDuration(limit)}`, `Reclassified: ${describeDurationEn(limit)}`), policy, calendar);
}

/**
 * Another limit of the law from the same start, with its basis: a denunciation to be verified at
 * several places (10 working days) or to be transferred for want of competence (5).
 */
export function relimitDeadline(dl: Deadline, at: Date, rule: LimitRule, why: { vi: string; en: string }, inputs: Deadline['inputs'], policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  const next = { ...dl, limit: rule.limit, legalBasis: rule.basis, inputs: { ...dl.inputs, ...inputs } };
  const note = noteWith(next, calendar, `${rule.basis}: ${why.vi}`, `${rule.basisEn}: ${why.en}`);
  return recorded(next, at, 'relimited', note, policy, calendar);
}

/** A duty done (the written notice sent, the forwarder told): its ladder stops; the due date stays on record. */
export function meetDeadline(dl: Deadline, at: Date, why: { vi: string; en: string }, policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  if (dl.metAt) return dl;
  const late = dl.dueAt !== null && at.getTime() > new Date(dl.dueAt).getTime();
  const when = `${formatVnDateTime(at)}${late ? ', quá hạn' : ', đúng hạn'}`;
  const whenEn = `${formatVnDateTime(at)}${late ? ', late' : ', in time'}`;
  const note = `Đã thực hiện lúc ${when}: ${why.vi} / Done at ${whenEn}: ${why.en}`;
  return recorded({ ...dl, metAt: at.toISOString() }, at, 'met', note, policy, calendar);
}
