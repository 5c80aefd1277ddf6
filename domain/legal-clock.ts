import type { CaseType } from './case-types';
import { endOfLocalDay, formatVnDateTime, localDayOf, VN_OFFSET_MS } from './local-time';
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

export type DeadlineStep = 'first_step' | 'resolution' | 'session_notice' | 'rating' | 'recommendation_response';

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
}

export interface LadderStep {
  kind: 'reminder' | 'due' | 'superior';
  at: string;
}

export interface ClockChange {
  at: string;
  kind: 'computed' | 'extended' | 'paused' | 'resumed' | 'reclassified';
  dueAt: string | null;
  note: string;
}

/** A running deadline: everything needed to recompute it and to explain it. */
export interface Deadline {
  step: DeadlineStep;
  startedAt: string;
  limit: Duration;
  extensions: Duration[];
  pausedMs: number;
  pausedAt: string | null;
  /** null while the clock is stopped. */
  dueAt: string | null;
  legalBasis: string;
  inputs: Record<string, string | number | boolean>;
  history: ClockChange[];
  ladder: LadderStep[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const d = (amount: number): Duration => ({ amount, unit: 'calendar_days' });
const wd = (amount: number): Duration => ({ amount, unit: 'working_days' });
const same = <T>(v: T): Tiered<T> => ({ NORMAL: v, COMPLEX: v, ESPECIALLY_COMPLEX: v });

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
      firstStepBasis: 'Luật Tố cáo 2018, Điều 24',
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
};

export function describeDuration(x: Duration): string {
  return `${x.amount} ${{ calendar_days: 'ngày', working_days: 'ngày làm việc', seconds: 'giây' }[x.unit]}`;
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

function project(dl: Deadline, calendar: WorkingCalendar): Date {
  let due = addDuration(new Date(dl.startedAt), dl.limit, calendar);
  for (const ext of dl.extensions) due = addDuration(due, ext, calendar);
  if (dl.pausedMs === 0) return due;
  const shifted = new Date(due.getTime() + dl.pausedMs);
  return dl.limit.unit === 'seconds' ? shifted : endOfLocalDay(nextWorkingDay(calendar, localDayOf(shifted)));
}

function withLadder(dl: Deadline, policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  if (!dl.dueAt) return { ...dl, ladder: [] };
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
  const dueAt = dl.pausedAt ? null : project(dl, calendar).toISOString();
  const change: ClockChange = { at: at.toISOString(), kind, dueAt, note };
  return withLadder({ ...dl, dueAt, history: [...dl.history, change] }, policy, calendar);
}

export function startDeadline(
  args: { step: DeadlineStep; start: Date; limit: Duration; legalBasis: string; inputs: Deadline['inputs'] },
  policy: ClockPolicy,
  calendar: WorkingCalendar,
): Deadline {
  const base: Deadline = {
    step: args.step,
    startedAt: args.start.toISOString(),
    limit: args.limit,
    extensions: [],
    pausedMs: 0,
    pausedAt: null,
    dueAt: null,
    legalBasis: args.legalBasis,
    inputs: { ...args.inputs, policyVersion: policy.version },
    history: [],
    ladder: [],
  };
  const due = project(base, calendar);
  const note = `${describeDuration(args.limit)} kể từ ${formatVnDateTime(args.start)} (${args.legalBasis}) → hạn ${formatVnDateTime(due)}${dayOffNote(args.start, args.limit, calendar)}`;
  return recorded(base, args.start, 'computed', note, policy, calendar);
}

function dayOffNote(start: Date, limit: Duration, calendar: WorkingCalendar): string {
  if (limit.unit === 'working_days') return '; không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ';
  if (limit.unit !== 'calendar_days') return '';
  const nominal = localDayOf(start) + limit.amount;
  const reason = calendar.reasonOff(nominal);
  return reason ? `; ngày cuối là ngày nghỉ (${reason}) nên kéo dài đến hết ngày làm việc tiếp theo (BLDS 2015, Điều 148)` : '';
}

export function extendDeadline(dl: Deadline, at: Date, extension: Duration, basis: string, policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  const next = { ...dl, extensions: [...dl.extensions, extension] };
  return recorded(next, at, 'extended', `Gia hạn ${describeDuration(extension)} (${basis})`, policy, calendar);
}

/** The clock stops while the agency waits for information from the citizen. */
export function pauseDeadline(dl: Deadline, at: Date, reason: string, policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  if (dl.pausedAt) return dl;
  return recorded({ ...dl, pausedAt: at.toISOString() }, at, 'paused', `Tạm dừng: ${reason}`, policy, calendar);
}

export function resumeDeadline(dl: Deadline, at: Date, policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  if (!dl.pausedAt) return dl;
  const pausedMs = dl.pausedMs + Math.max(0, at.getTime() - new Date(dl.pausedAt).getTime());
  const next = { ...dl, pausedMs, pausedAt: null };
  const note = `Tiếp tục; thời gian tạm dừng không tính vào thời hạn (tổng ${Math.round(pausedMs / 1000)} giây)`;
  return recorded(next, at, 'resumed', note, policy, calendar);
}

/** A new limit from the same start, e.g. when a complaint is found complex. */
export function reclassifyDeadline(dl: Deadline, at: Date, limit: Duration, note: string, inputs: Deadline['inputs'], policy: ClockPolicy, calendar: WorkingCalendar): Deadline {
  return recorded({ ...dl, limit, inputs: { ...dl.inputs, ...inputs } }, at, 'reclassified', `${note}: ${describeDuration(limit)}`, policy, calendar);
}
