import { lang, t } from './i18n';

const ZONE = 'Asia/Ho_Chi_Minh';

/** A date and time as people in Vietnam read it, whatever the browser's zone. */
export function dateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(value));
}

export function dateOnly(value: string | Date | null | undefined): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(value));
}

/**
 * "còn 3 ngày 4 giờ" / "3 d 4 h left", or "quá hạn 2 giờ" / "2 h overdue": the two largest units
 * are enough to act on, and under a day it says hours, never "0 days". It carries the word
 * "overdue" itself, so nothing around it should repeat it.
 */
export function timeLeft(seconds: number): string {
  const abs = Math.round(Math.abs(seconds));
  const parts: Array<[number, string]> = [
    [Math.floor(abs / 86_400), t('days')],
    [Math.floor((abs % 86_400) / 3_600), t('hours')],
    [Math.floor((abs % 3_600) / 60), t('minutes')],
    [abs % 60, t('seconds')],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  const shown = first < 0 ? `0 ${t('seconds')}` : parts.slice(first, first + 2).filter(([n]) => n > 0).map(([n, u]) => `${n} ${u}`).join(' ');
  const word = seconds < 0 ? t('late') : t('left');
  return lang() === 'vi' ? `${word} ${shown}` : `${shown} ${word}`;
}

export const percent = (share: number): string => `${(share * 100).toLocaleString(lang() === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })} %`;

/** A local date-time input's value ("2026-11-23T09:00") as an ISO instant in Vietnam time. */
export const vietnamInstant = (local: string): string => `${local.length === 16 ? `${local}:00` : local}+07:00`;
