import { localDayFromYmd, VN_OFFSET_MS } from './local-time';

/** Reporting periods as provinces use them: a month, a quarter, and the cumulative 6, 9 and 12 months. */
export const REPORT_PERIODS = ['monthly', 'quarterly', '6-month', '9-month', 'annual'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface PeriodRange {
  from: Date;
  /** Exclusive. */
  to: Date;
  label: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const startOfMonth = (year: number, month: number) => new Date(localDayFromYmd(year, month, 1) * DAY_MS - VN_OFFSET_MS);
const monthsEnd = (year: number, month: number) => (month > 12 ? startOfMonth(year + 1, month - 12) : startOfMonth(year, month));

/** The period's bounds in Vietnam time; `index` is the month (1–12) or quarter (1–4) where it applies. */
export function periodRange(year: number, period: ReportPeriod, index = 1): PeriodRange {
  switch (period) {
    case 'monthly':
      if (index < 1 || index > 12) throw new RangeError('month must be 1–12');
      return { from: startOfMonth(year, index), to: monthsEnd(year, index + 1), label: `Tháng ${index}/${year}` };
    case 'quarterly':
      if (index < 1 || index > 4) throw new RangeError('quarter must be 1–4');
      return { from: startOfMonth(year, 3 * index - 2), to: monthsEnd(year, 3 * index + 1), label: `Quý ${['I', 'II', 'III', 'IV'][index - 1]}/${year}` };
    case '6-month':
      return { from: startOfMonth(year, 1), to: startOfMonth(year, 7), label: `6 tháng đầu năm ${year}` };
    case '9-month':
      return { from: startOfMonth(year, 1), to: startOfMonth(year, 10), label: `9 tháng năm ${year}` };
    case 'annual':
      return { from: startOfMonth(year, 1), to: startOfMonth(year + 1, 1), label: `Năm ${year}` };
  }
}
