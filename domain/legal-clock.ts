import type { CaseType } from './case-types';
import { endOfLocalDay, localDayOf } from './local-time';
import { addWorkingDays, nextWorkingDay, type WorkingCalendar } from './working-calendar';

/**
 * A legal time limit. `seconds` exists so demos and tests can watch a whole lifecycle in a minute;
 * the law itself only speaks in calendar and working days.
 */
export interface Duration {
  amount: number;
  unit: 'calendar_days' | 'working_days' | 'seconds';
}

export interface ClockRule {
  firstStep: Duration;
  resolution: Duration;
  legalBasis: string;
}

export interface ClockPolicy {
  version: string;
  effectiveFrom: string;
  rules: Record<CaseType, ClockRule>;
}

export interface DueDate {
  dueAt: Date;
  explanation: string;
}

const days = (amount: number): Duration => ({ amount, unit: 'calendar_days' });
const workingDays = (amount: number): Duration => ({ amount, unit: 'working_days' });

/** Defaults from DESIGN.md; every figure is configuration that records its legal basis. */
export const DEFAULT_CLOCK_POLICY: ClockPolicy = {
  version: '2025-07-01',
  effectiveFrom: '2025-07-01',
  rules: {
    FEEDBACK: {
      firstStep: workingDays(10),
      resolution: workingDays(15),
      legalBasis: 'Luật Tiếp công dân 2013, Điều 28',
    },
    COMPLAINT_FIRST: { firstStep: days(10), resolution: days(30), legalBasis: 'Luật Khiếu nại 2011, Điều 27, 28' },
    COMPLAINT_SECOND: { firstStep: days(10), resolution: days(45), legalBasis: 'Luật Khiếu nại 2011, Điều 37' },
    DENUNCIATION: { firstStep: workingDays(7), resolution: days(30), legalBasis: 'Luật Tố cáo 2018, Điều 24, 30' },
    SESSION_OPINION: { firstStep: workingDays(10), resolution: days(30), legalBasis: 'Quy định 11-QĐi/TW' },
  },
};

function describe(d: Duration): string {
  const unit = { calendar_days: 'ngày', working_days: 'ngày làm việc', seconds: 'giây' }[d.unit];
  return `${d.amount} ${unit}`;
}

/**
 * When a limit that starts at `start` ends. Calendar-day limits ending on a day off run to the
 * close of the next working day (Civil Code 2015 art. 148).
 */
export function computeDueDate(start: Date, limit: Duration, calendar: WorkingCalendar, legalBasis: string): DueDate {
  const explain = (rule: string) => `${describe(limit)} kể từ ${start.toISOString()} (${legalBasis}); ${rule}`;
  switch (limit.unit) {
    case 'seconds':
      return { dueAt: new Date(start.getTime() + limit.amount * 1000), explanation: explain('đếm theo giây (cấu hình thử nghiệm)') };
    case 'working_days':
      return {
        dueAt: endOfLocalDay(addWorkingDays(calendar, localDayOf(start), limit.amount)),
        explanation: explain('không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ'),
      };
    case 'calendar_days': {
      const nominal = localDayOf(start) + limit.amount;
      const due = nextWorkingDay(calendar, nominal);
      const rule = due === nominal ? 'tính theo ngày dương lịch' : 'ngày cuối trùng ngày nghỉ nên kéo dài đến hết ngày làm việc tiếp theo (BLDS 2015, Điều 148)';
      return { dueAt: endOfLocalDay(due), explanation: explain(rule) };
    }
  }
}
