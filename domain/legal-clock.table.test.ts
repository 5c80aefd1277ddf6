/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import type { CaseType } from './case-types';
import {
  DEFAULT_CLOCK_POLICY as policy,
  extendDeadline,
  pauseDeadline,
  relimitDeadline,
  resolutionLimit,
  resumeDeadline,
  startDeadline,
  type Complexity,
  type Deadline,
  type DenunciationRules,
} from './legal-clock';
import { localDayFromYmd } from './local-time';
import type { RecurringHoliday } from './public-holidays';
import { createWorkingCalendar, type CalendarOverride, type WorkingCalendar } from './working-calendar';

/**
 * Every due date below was worked out by hand from the statute and the calendar, not by running
 * this code: Civil Code 2015 art. 147 (the day of the event is not counted), art. 148 (a limit
 * whose last day is a day off ends at the close of the next working day, applied once, to the
 * final day), the Labour Code 2019 art. 112 holidays with art. 111(3) compensation, and the 2026
 * calendar as announced by the Minister of Home Affairs, read from the migration that ships it.
 * Years without an announcement (2027 on) use the computed defaults: Tết 2027 is Sat 6 Feb (off
 * Fri 5 – Tue 9 Feb, compensated Wed 10 and Thu 11); 1 May 2027 is a Saturday (Mon 3 May off);
 * 2 Sep 2027 is a Thursday (Fri 3 Sep off with it); 1 Jan 2028 is a Saturday (Mon 3 Jan off);
 * Tết 2028 is Wed 26 Jan (off Tue 25 – Sat 29 Jan, compensated Mon 31 Jan).
 *
 * The 2026 calendar as shipped: Thu 1 + Fri 2 Jan off, Sat 10 Jan worked; Mon 16 – Fri 20 Feb off;
 * Mon 27 Apr off (Hùng Kings' day on Sun 26 Apr); Thu 30 Apr, Fri 1 May off; Sat 22 Aug worked;
 * Mon 31 Aug, Tue 1 and Wed 2 Sep off.
 *
 * Limits (DESIGN.md): feedback 10 / 15 working days (+10 once); first complaint 10 days / 30, complex
 * 45, remote 45 / 60; second complaint 10 days / 45, complex 60, remote 60 / 70; denunciation
 * 7 working days / 30 days (+30 once if complex, twice if especially complex, 90 at most, counted
 * from acceptance); session opinion 10 working days / 30 days (+30 once).
 *
 * Around a denunciation's initial handling (Denunciations Law 2018 as amended by Law 136/2025):
 * 10 working days instead of 7 when verification is needed at several places (art. 24(1)), 5 working
 * days from receipt to transfer it when not competent (art. 24(2)), the result to the body or press
 * that forwarded it within 20 days of receipt (art. 26(2)), and the accused told within 5 working
 * days of the acceptance (art. 29), a deadline of its own when that is done in writing.
 */

// The migration that ships the 2026 calendar, read as text (Vite's glob import: no file system code in domain/).
const shippedSql = Object.values(import.meta.glob<string>('../prisma/migrations/*_announced_calendar_2026/migration.sql', { query: '?raw', import: 'default', eager: true }));

/** The rows the shipped migration inserts into `CalendarOverride`, read from its SQL. */
function shippedOverrides(): CalendarOverride[] {
  if (shippedSql.length !== 1) throw new Error('the migration shipping the 2026 calendar is missing');
  const rows = [...shippedSql[0]!.matchAll(/\('(\d{4})-(\d{2})-(\d{2})',\s*(true|false),\s*'((?:[^']|'')*)'\)/g)];
  return rows.map(([, y, m, d, off, reason]) => ({ day: localDayFromYmd(Number(y), Number(m), Number(d)), dayOff: off === 'true', reason: reason!.replaceAll("''", "'") }));
}

const CULTURE_DAY: RecurringHoliday = { month: 11, day: 24, fromYear: 2027, name: 'Ngày Văn hóa Việt Nam (24/11)', basis: 'Nghị quyết 80-NQ/TW' };
const calendars: Record<'shipped' | 'cultureDay2027', WorkingCalendar> = {
  shipped: createWorkingCalendar(shippedOverrides()),
  cultureDay2027: createWorkingCalendar(shippedOverrides(), [CULTURE_DAY]),
};

interface Row {
  type: CaseType;
  /** Receipt, Vietnam time; the resolution clock is started from the same instant (accepted on receipt). */
  received: string;
  tier?: Complexity;
  remote?: boolean;
  extensions?: number;
  /** Pauses of the resolution clock, Vietnam time. */
  pauses?: Array<[string, string]>;
  calendar?: keyof typeof calendars;
  firstStep: string;
  resolution: string;
  why: string;
}

// prettier-ignore
const ROWS: Row[] = [
  // 1. Extensions: the maximum counts from acceptance, art. 148 once, on the final day.
  { type: 'DENUNCIATION', received: '2026-07-01T09:00', tier: 'ESPECIALLY_COMPLEX', extensions: 2, firstStep: '2026-07-10', resolution: '2026-09-29',
    why: '7 wd from Wed 1 Jul = Fri 10 Jul; 30+30+30 = 90 days from 1 Jul = Tue 29 Sep, a working day (not 5 Oct by chaining shifted dates)' },
  { type: 'DENUNCIATION', received: '2026-07-01T09:00', tier: 'COMPLEX', extensions: 1, firstStep: '2026-07-10', resolution: '2026-09-03',
    why: '60 days from 1 Jul = Sun 30 Aug; Mon 31 Aug, 1 and 2 Sep off (announced) → Thu 3 Sep' },
  { type: 'DENUNCIATION', received: '2026-07-01T09:00', firstStep: '2026-07-10', resolution: '2026-07-31',
    why: '30 days from 1 Jul = Fri 31 Jul' },
  { type: 'DENUNCIATION', received: '2026-11-02T09:00', tier: 'ESPECIALLY_COMPLEX', extensions: 2, firstStep: '2026-11-11', resolution: '2027-02-01',
    why: '7 wd from Mon 2 Nov = Wed 11 Nov; 90 days from 2 Nov = Sun 31 Jan 2027 → Mon 1 Feb (chaining would give 3 Feb)' },
  { type: 'SESSION_OPINION', received: '2026-12-02T09:00', extensions: 1, firstStep: '2026-12-16', resolution: '2027-02-01',
    why: '10 wd from Wed 2 Dec = Wed 16 Dec; 30+30 = 60 days = Sun 31 Jan 2027 → Mon 1 Feb (chaining via Mon 4 Jan would give 3 Feb)' },
  { type: 'FEEDBACK', received: '2026-11-02T09:00', extensions: 1, firstStep: '2026-11-16', resolution: '2026-12-07',
    why: '10 wd from Mon 2 Nov = Mon 16 Nov; 15+10 = 25 wd = Mon 7 Dec' },

  // 2. Pauses: the limit's own unit, whole days (rounded to the nearest), before art. 148.
  { type: 'FEEDBACK', received: '2026-11-02T09:00', firstStep: '2026-11-16', resolution: '2026-11-23',
    why: '15 wd from Mon 2 Nov = Mon 23 Nov' },
  { type: 'FEEDBACK', received: '2026-11-02T09:00', pauses: [['2026-11-06T16:00', '2026-11-09T09:00']], firstStep: '2026-11-16', resolution: '2026-11-24',
    why: 'paused Fri 16:00 – Mon 09:00: 8 h of Friday + 9 h of Monday = 17 h of working days ≈ 1 wd (not the 2 days 17 h of wall clock) → Tue 24 Nov' },
  { type: 'FEEDBACK', received: '2026-11-02T09:00', pauses: [['2026-11-07T10:00', '2026-11-08T18:00']], firstStep: '2026-11-16', resolution: '2026-11-23',
    why: 'paused only over a weekend: no working time lost → Mon 23 Nov unchanged' },
  { type: 'FEEDBACK', received: '2026-11-02T09:00', pauses: [['2026-11-10T09:00', '2026-11-12T09:00']], firstStep: '2026-11-16', resolution: '2026-11-25',
    why: 'paused Tue 09:00 – Thu 09:00 = 2 working days → Wed 25 Nov' },
  { type: 'FEEDBACK', received: '2026-11-02T09:00', pauses: [['2026-11-03T09:00', '2026-11-03T19:00'], ['2026-11-04T09:00', '2026-11-04T19:00']], firstStep: '2026-11-16', resolution: '2026-11-24',
    why: 'two pauses of 10 h: 20 h of working days in all ≈ 1 wd (the total is rounded, not each pause) → Tue 24 Nov' },
  { type: 'FEEDBACK', received: '2026-11-02T09:00', pauses: [['2026-11-03T09:00', '2026-11-03T11:00']], firstStep: '2026-11-16', resolution: '2026-11-23',
    why: 'a 2-hour pause is less than half a working day: nothing added' },
  { type: 'FEEDBACK', received: '2026-04-22T08:00', pauses: [['2026-04-29T12:00', '2026-05-04T12:00']], firstStep: '2026-05-11', resolution: '2026-05-19',
    why: 'resolution 15 wd = Mon 18 May; paused Wed 29 Apr 12:00 – Mon 4 May 12:00: 12 h + 12 h of working days (30 Apr – 3 May off) = 1 wd → Tue 19 May' },
  { type: 'FEEDBACK', received: '2027-01-25T09:00', pauses: [['2027-02-04T09:00', '2027-02-12T09:00']], firstStep: '2027-02-15', resolution: '2027-02-23',
    why: '15 wd from Mon 25 Jan skipping 5–11 Feb = Mon 22 Feb; paused 8 days over Tết: 15 h of Thu 4 Feb + 9 h of Fri 12 Feb = 1 wd → Tue 23 Feb' },
  { type: 'COMPLAINT_FIRST', received: '2026-12-01T10:00', pauses: [['2026-12-15T10:00:00', '2026-12-15T10:00:17']], firstStep: '2026-12-11', resolution: '2026-12-31',
    why: '10 days from Tue 1 Dec = Fri 11 Dec; 30 days = Thu 31 Dec; a 17-second pause adds no day (it used to move it to 4 Jan)' },
  { type: 'COMPLAINT_FIRST', received: '2026-12-01T10:00', pauses: [['2026-12-15T23:59:50', '2026-12-16T00:00:07']], firstStep: '2026-12-11', resolution: '2026-12-31',
    why: 'a 17-second pause across midnight adds no day either → Thu 31 Dec' },
  { type: 'COMPLAINT_FIRST', received: '2026-10-01T09:00', firstStep: '2026-10-12', resolution: '2026-11-02',
    why: '10 days from Thu 1 Oct = Sun 11 Oct → Mon 12 Oct; 30 days = Sat 31 Oct → Mon 2 Nov' },
  { type: 'COMPLAINT_FIRST', received: '2026-10-01T09:00', pauses: [['2026-10-06T09:00', '2026-10-07T09:00']], firstStep: '2026-10-12', resolution: '2026-11-02',
    why: 'a one-day pause makes the last day Sun 1 Nov, then art. 148 → Mon 2 Nov (not Tue 3 Nov: the pause comes before art. 148)' },
  { type: 'DENUNCIATION', received: '2026-11-02T09:00', tier: 'COMPLEX', pauses: [['2026-11-10T09:00', '2026-11-17T09:00']], firstStep: '2026-11-11', resolution: '2026-12-09',
    why: '30 days from Mon 2 Nov = Wed 2 Dec; paused exactly 7 days → Wed 9 Dec' },
  { type: 'DENUNCIATION', received: '2026-07-01T09:00', tier: 'ESPECIALLY_COMPLEX', extensions: 2, pauses: [['2026-08-03T09:00', '2026-08-06T15:00']], firstStep: '2026-07-10', resolution: '2026-10-02',
    why: '90 days = Tue 29 Sep; paused 3 days 6 h ≈ 3 days → Fri 2 Oct' },
  { type: 'COMPLAINT_FIRST', received: '2026-07-28T09:00', pauses: [['2026-08-03T09:00', '2026-08-07T09:00']], firstStep: '2026-08-07', resolution: '2026-09-03',
    why: '10 days from Tue 28 Jul = Fri 7 Aug; 30 days = Thu 27 Aug, + 4 paused days = Mon 31 Aug, off (announced), 1–2 Sep off → Thu 3 Sep' },

  // 3. The 2026 calendar as announced, shipped as data.
  { type: 'DENUNCIATION', received: '2026-01-09T09:00', firstStep: '2026-01-19', resolution: '2026-02-09',
    why: 'Sat 10 Jan is worked (for Fri 2 Jan): 7 wd = Mon 19 Jan, not Tue 20; 30 days = Sun 8 Feb → Mon 9 Feb' },
  { type: 'COMPLAINT_FIRST', received: '2025-12-31T16:00', firstStep: '2026-01-10', resolution: '2026-01-30',
    why: '10 days from Wed 31 Dec = Sat 10 Jan, a make-up working day, so no art. 148 shift; 30 days = Fri 30 Jan' },
  { type: 'COMPLAINT_FIRST', received: '2025-12-22T10:00', firstStep: '2026-01-05', resolution: '2026-01-21',
    why: '10 days from Mon 22 Dec = Thu 1 Jan; Fri 2 Jan off (announced), weekend → Mon 5 Jan; 30 days = Wed 21 Jan' },
  { type: 'FEEDBACK', received: '2025-12-31T09:00', firstStep: '2026-01-15', resolution: '2026-01-22',
    why: '1–4 Jan off; Mon 5 … Fri 9 (5), Sat 10 worked (6), Mon 12 … Thu 15 (10); 15 wd = Thu 22 Jan' },
  { type: 'COMPLAINT_FIRST', received: '2026-08-20T10:00', firstStep: '2026-09-03', resolution: '2026-09-21',
    why: '10 days from Thu 20 Aug = Sun 30 Aug; Mon 31 Aug (announced), 1–2 Sep off → Thu 3 Sep; 30 days = Sat 19 Sep → Mon 21 Sep' },
  { type: 'COMPLAINT_FIRST', received: '2026-08-12T09:00', firstStep: '2026-08-22', resolution: '2026-09-11',
    why: '10 days from Wed 12 Aug = Sat 22 Aug, worked for Mon 31 Aug, so the limit ends that day; 30 days = Fri 11 Sep' },
  { type: 'FEEDBACK', received: '2026-08-21T09:00', firstStep: '2026-09-08', resolution: '2026-09-15',
    why: 'Sat 22 Aug worked (1), 24–28 Aug (6), 29 Aug – 2 Sep off, Thu 3 … Tue 8 Sep (10); 15 wd = Tue 15 Sep' },
  { type: 'DENUNCIATION', received: '2026-08-28T15:00', firstStep: '2026-09-11', resolution: '2026-09-28',
    why: '29 Aug – 2 Sep off; 7 wd = Thu 3 … Fri 11 Sep; 30 days from Fri 28 Aug = Sun 27 Sep → Mon 28 Sep' },
  { type: 'COMPLAINT_FIRST', received: '2026-08-22T09:00', firstStep: '2026-09-03', resolution: '2026-09-21',
    why: 'received on a make-up Saturday; 10 days = Tue 1 Sep, off with 2 Sep → Thu 3 Sep; 30 days = Mon 21 Sep' },

  // Tết 2026 (16–20 Feb off, 14–22 Feb break) and Tết 2027 (computed: 5–11 Feb off).
  { type: 'COMPLAINT_FIRST', received: '2026-02-06T10:00', firstStep: '2026-02-23', resolution: '2026-03-09',
    why: '10 days from Fri 6 Feb = Mon 16 Feb, Tết → Mon 23 Feb; 30 days = Sun 8 Mar → Mon 9 Mar' },
  { type: 'FEEDBACK', received: '2026-02-10T08:00', firstStep: '2026-03-03', resolution: '2026-03-10',
    why: '11–13 Feb (3), 14–22 Feb off, 23 Feb … 3 Mar (10); 15 wd = Tue 10 Mar' },
  { type: 'DENUNCIATION', received: '2026-02-12T14:00', firstStep: '2026-03-02', resolution: '2026-03-16',
    why: 'Fri 13 Feb (1), 23–27 Feb (6), Mon 2 Mar (7); 30 days from Thu 12 Feb = Sat 14 Mar → Mon 16 Mar' },
  { type: 'FEEDBACK', received: '2026-02-18T09:00', firstStep: '2026-03-06', resolution: '2026-03-13',
    why: 'received during Tết (portal): counting starts Mon 23 Feb; 10 wd = Fri 6 Mar; 15 wd = Fri 13 Mar' },
  { type: 'COMPLAINT_FIRST', received: '2027-01-27T10:00', firstStep: '2027-02-12', resolution: '2027-02-26',
    why: '10 days from Wed 27 Jan 2027 = Sat 6 Feb, Tết; off to Thu 11 Feb (compensation) → Fri 12 Feb; 30 days = Fri 26 Feb' },
  { type: 'DENUNCIATION', received: '2027-01-28T09:00', firstStep: '2027-02-15', resolution: '2027-03-01',
    why: '29 Jan – 4 Feb (5), 5–11 Feb off, Fri 12 (6), Mon 15 Feb (7); 30 days = Sat 27 Feb → Mon 1 Mar' },
  { type: 'SESSION_OPINION', received: '2027-01-12T09:00', firstStep: '2027-01-26', resolution: '2027-02-12',
    why: '10 wd from Tue 12 Jan = Tue 26 Jan; 30 days = Thu 11 Feb, a Tết compensation day → Fri 12 Feb' },
  { type: 'FEEDBACK', received: '2027-02-05T09:00', firstStep: '2027-02-25', resolution: '2027-03-04',
    why: 'received on a Tết day: counting starts Fri 12 Feb; 10 wd = Thu 25 Feb; 15 wd = Thu 4 Mar' },
  { type: 'COMPLAINT_SECOND', received: '2027-01-25T09:00', remote: true, firstStep: '2027-02-04', resolution: '2027-03-26',
    why: 'remote second complaint 60 days (art. 37); 10 days = Thu 4 Feb, before Tết; 60 days from 25 Jan = Fri 26 Mar' },

  // 30 April / 1 May (and Hùng Kings' day).
  { type: 'COMPLAINT_FIRST', received: '2026-04-20T10:00', firstStep: '2026-05-04', resolution: '2026-05-20',
    why: '10 days from Mon 20 Apr = Thu 30 Apr; 1 May, weekend → Mon 4 May; 30 days = Wed 20 May' },
  { type: 'FEEDBACK', received: '2026-04-22T08:00', firstStep: '2026-05-11', resolution: '2026-05-18',
    why: '23–24 Apr (2), Mon 27 Apr off (Hùng Kings on Sun 26), 28–29 Apr (4), 30 Apr – 3 May off, 4–11 May (10); 15 wd = Mon 18 May' },
  { type: 'DENUNCIATION', received: '2026-03-31T09:00', firstStep: '2026-04-09', resolution: '2026-05-04',
    why: '7 wd from Tue 31 Mar = Thu 9 Apr; 30 days = Thu 30 Apr, then 1 May and the weekend → Mon 4 May' },
  { type: 'COMPLAINT_FIRST', received: '2026-04-17T09:00', firstStep: '2026-04-28', resolution: '2026-05-18',
    why: '10 days from Fri 17 Apr = Mon 27 Apr, off for Hùng Kings\u2019 day → Tue 28 Apr; 30 days = Sun 17 May → Mon 18 May' },
  { type: 'COMPLAINT_FIRST', received: '2027-04-20T10:00', firstStep: '2027-05-04', resolution: '2027-05-20',
    why: '10 days = Fri 30 Apr 2027; 1 May is a Saturday, compensated Mon 3 May → Tue 4 May; 30 days = Thu 20 May' },
  { type: 'FEEDBACK', received: '2027-04-22T09:00', firstStep: '2027-05-10', resolution: '2027-05-17',
    why: '23–29 Apr (5), 30 Apr – 3 May off, 4–10 May (10); 15 wd = Mon 17 May' },

  // 2 September 2027 (computed: Thu 2 and Fri 3 Sep off).
  { type: 'COMPLAINT_SECOND', received: '2027-08-23T09:00', firstStep: '2027-09-06', resolution: '2027-10-07',
    why: '10 days from Mon 23 Aug = Thu 2 Sep; Fri 3 Sep, weekend → Mon 6 Sep; 45 days (art. 37) = Thu 7 Oct' },
  { type: 'FEEDBACK', received: '2027-08-31T09:00', firstStep: '2027-09-16', resolution: '2027-09-23',
    why: 'Wed 1 Sep (1), 2–5 Sep off, 6–16 Sep (10); 15 wd = Thu 23 Sep' },

  // Year ends.
  { type: 'COMPLAINT_FIRST', received: '2026-12-22T10:00', firstStep: '2027-01-04', resolution: '2027-01-21',
    why: '10 days from Tue 22 Dec = Fri 1 Jan 2027; weekend → Mon 4 Jan; 30 days = Thu 21 Jan' },
  { type: 'FEEDBACK', received: '2026-12-31T09:00', firstStep: '2027-01-15', resolution: '2027-01-22',
    why: '1–3 Jan 2027 off; 4–15 Jan (10); 15 wd = Fri 22 Jan' },
  { type: 'COMPLAINT_FIRST', received: '2027-12-22T10:00', firstStep: '2028-01-04', resolution: '2028-01-21',
    why: '10 days = Sat 1 Jan 2028, compensated Mon 3 Jan → Tue 4 Jan; 30 days = Fri 21 Jan, before Tết 2028' },
  { type: 'DENUNCIATION', received: '2027-12-30T09:00', firstStep: '2028-01-11', resolution: '2028-02-01',
    why: 'Fri 31 Dec (1), 1–3 Jan off, 4–11 Jan (7); 30 days = Sat 29 Jan, Tết, compensated Mon 31 Jan → Tue 1 Feb' },

  // Complexity and remote areas (Complaints Law arts. 28 and 37).
  { type: 'COMPLAINT_FIRST', received: '2026-06-01T09:00', remote: true, firstStep: '2026-06-11', resolution: '2026-07-16',
    why: 'remote first complaint 45 days from Mon 1 Jun = Thu 16 Jul' },
  { type: 'COMPLAINT_FIRST', received: '2026-06-01T09:00', tier: 'COMPLEX', remote: true, firstStep: '2026-06-11', resolution: '2026-07-31',
    why: 'remote complex first complaint 60 days = Fri 31 Jul' },
  { type: 'COMPLAINT_FIRST', received: '2026-07-14T09:00', tier: 'COMPLEX', firstStep: '2026-07-24', resolution: '2026-08-28',
    why: 'complex first complaint 45 days from Tue 14 Jul = Fri 28 Aug' },
  { type: 'COMPLAINT_SECOND', received: '2026-06-22T09:00', tier: 'COMPLEX', firstStep: '2026-07-02', resolution: '2026-08-21',
    why: 'complex second complaint 60 days from Mon 22 Jun = Fri 21 Aug' },
  { type: 'COMPLAINT_SECOND', received: '2026-06-22T09:00', tier: 'COMPLEX', remote: true, firstStep: '2026-07-02', resolution: '2026-09-03',
    why: 'remote complex second complaint 70 days = Mon 31 Aug, off (announced), 1–2 Sep → Thu 3 Sep' },

  // Local days are Vietnam days (UTC+7).
  { type: 'COMPLAINT_FIRST', received: '2026-11-01T06:30', firstStep: '2026-11-11', resolution: '2026-12-01',
    why: 'received Sun 1 Nov 06:30 in Vietnam (still 31 Oct in UTC): 10 days = Wed 11 Nov; 30 days = Tue 1 Dec' },

  // A recurring holiday added by an administrator: 24 November from 2027 (Vietnam Culture Day).
  { type: 'COMPLAINT_FIRST', received: '2027-11-14T09:00', calendar: 'cultureDay2027', firstStep: '2027-11-25', resolution: '2027-12-14',
    why: '10 days from Sun 14 Nov 2027 = Wed 24 Nov, a holiday from 2027 → Thu 25 Nov; 30 days = Tue 14 Dec' },
  { type: 'COMPLAINT_FIRST', received: '2026-11-14T09:00', calendar: 'cultureDay2027', firstStep: '2026-11-24', resolution: '2026-12-14',
    why: 'in 2026 the holiday is not yet in force: 10 days = Tue 24 Nov, a working day; 30 days = Mon 14 Dec' },
  { type: 'FEEDBACK', received: '2029-11-21T09:00', calendar: 'cultureDay2027', firstStep: '2029-12-06', resolution: '2029-12-13',
    why: '24 Nov 2029 is a Saturday, compensated Mon 26 Nov (art. 111(3)): 22–23 Nov (2), 27 Nov – 6 Dec (10); 15 wd = Thu 13 Dec' },
];

/** A limit of the denunciation rules, from an instant (receipt, or acceptance for the notice to the accused). */
interface DenunciationRow {
  rule: keyof DenunciationRules;
  from: string;
  calendar?: keyof typeof calendars;
  due: string;
  why: string;
}

// prettier-ignore
const DENUNCIATION_ROWS: DenunciationRow[] = [
  // Verification at several places: 10 working days from receipt instead of 7 (art. 24(1)).
  { rule: 'severalPlaces', from: '2026-11-02T09:00', due: '2026-11-16',
    why: '10 wd from Mon 2 Nov: 3–6 Nov (4), 9–13 Nov (9), Mon 16 Nov (10); the 7 wd would end Wed 11 Nov' },
  { rule: 'severalPlaces', from: '2027-01-28T09:00', due: '2027-02-18',
    why: 'Fri 29 Jan (1), 1–4 Feb (5), Tết 5–11 Feb off, Fri 12 (6), 15–18 Feb (10) → Thu 18 Feb 2027' },
  { rule: 'severalPlaces', from: '2026-12-30T09:00', due: '2027-01-14',
    why: 'Thu 31 Dec (1), Fri 1 Jan 2027 off, 4–8 Jan (6), 11–14 Jan (10) → Thu 14 Jan' },
  // Not competent: transferred within 5 working days of receipt (art. 24(2)).
  { rule: 'transfer', from: '2026-11-02T09:00', due: '2026-11-09',
    why: '5 wd from Mon 2 Nov: 3–6 Nov (4), Mon 9 Nov (5)' },
  { rule: 'transfer', from: '2027-02-02T10:00', due: '2027-02-16',
    why: 'Wed 3 (1), Thu 4 Feb (2), Tết 5–11 Feb off, Fri 12 (3), Mon 15 (4), Tue 16 Feb (5)' },
  { rule: 'transfer', from: '2026-02-12T14:00', due: '2026-02-26',
    why: 'Fri 13 Feb (1), Tết 16–20 Feb off (announced), 23–26 Feb (5) → Thu 26 Feb 2026' },
  { rule: 'transfer', from: '2026-01-09T09:00', due: '2026-01-15',
    why: 'Sat 10 Jan is a make-up working day (1), 12–15 Jan (5) → Thu 15 Jan 2026, not Fri 16' },
  { rule: 'transfer', from: '2027-12-29T09:00', due: '2028-01-06',
    why: 'Thu 30 (1), Fri 31 Dec (2); 1 Jan 2028 a Saturday, compensated Mon 3 Jan; 4–6 Jan (5) → Thu 6 Jan 2028' },
  // The result to a forwarding body or the press: 20 days from receipt (art. 26(2)), art. 148 on the last day.
  { rule: 'forwarderResult', from: '2026-11-02T09:00', due: '2026-11-23',
    why: '20 days from Mon 2 Nov = Sun 22 Nov → Mon 23 Nov' },
  { rule: 'forwarderResult', from: '2027-01-18T09:00', due: '2027-02-12',
    why: '20 days from Mon 18 Jan 2027 = Sun 7 Feb, in Tết; off to Thu 11 Feb (compensation) → Fri 12 Feb' },
  { rule: 'forwarderResult', from: '2026-01-27T09:00', due: '2026-02-23',
    why: '20 days from Tue 27 Jan 2026 = Mon 16 Feb, Tết (announced 16–20 Feb) → Mon 23 Feb' },
  { rule: 'forwarderResult', from: '2026-12-12T10:00', due: '2027-01-04',
    why: 'received on Sat 12 Dec (portal): 20 days = Fri 1 Jan 2027, New Year, then the weekend → Mon 4 Jan' },
  { rule: 'forwarderResult', from: '2027-12-13T09:00', due: '2028-01-04',
    why: '20 days from Mon 13 Dec 2027 = Sun 2 Jan 2028; Mon 3 Jan off for 1 Jan on a Saturday → Tue 4 Jan' },
  { rule: 'forwarderResult', from: '2027-11-04T09:00', calendar: 'cultureDay2027', due: '2027-11-25',
    why: '20 days from Thu 4 Nov 2027 = Wed 24 Nov, Vietnam Culture Day once added from 2027 → Thu 25 Nov' },
  // The accused told in writing within 5 working days of the acceptance (art. 29).
  { rule: 'accusedNotice', from: '2026-07-01T09:00', due: '2026-07-08',
    why: 'accepted Wed 1 Jul: 2–3 Jul (2), 6–8 Jul (5) → Wed 8 Jul' },
  { rule: 'accusedNotice', from: '2027-02-03T09:00', due: '2027-02-17',
    why: 'accepted Wed 3 Feb 2027: Thu 4 (1), Tết 5–11 Feb off, Fri 12 (2), 15–17 Feb (5) → Wed 17 Feb' },
  { rule: 'accusedNotice', from: '2026-12-31T15:00', due: '2027-01-08',
    why: 'accepted Thu 31 Dec: 1 Jan 2027 off, 4–8 Jan (5) → Fri 8 Jan' },
  { rule: 'accusedNotice', from: '2026-08-28T10:00', due: '2026-09-09',
    why: 'accepted Fri 28 Aug 2026: 29 Aug – 2 Sep off (31 Aug announced), 3–4 Sep (2), 7–9 Sep (5) → Wed 9 Sep' },
  { rule: 'accusedNotice', from: '2027-04-28T09:00', due: '2027-05-07',
    why: 'accepted Wed 28 Apr 2027: Thu 29 (1), 30 Apr off, 1 May a Saturday compensated Mon 3 May, 4–7 May (5) → Fri 7 May' },
];

const vn = (local: string) => new Date(`${local.length === 16 ? `${local}:00` : local}+07:00`);
const endOf = (date: string) => vn(`${date}T23:59:59.999`).toISOString();

function resolutionDue(row: Row, calendar: WorkingCalendar): Deadline {
  const rule = policy.rules[row.type];
  const start = vn(row.received);
  let dl = startDeadline({ step: 'resolution', start, limit: resolutionLimit(rule, row.tier ?? 'NORMAL', row.remote ?? false), legalBasis: rule.resolutionBasis, inputs: {} }, policy, calendar);
  for (const [from, to] of row.pauses ?? []) {
    dl = pauseDeadline(dl, vn(from), 'chờ bổ sung thông tin', policy, calendar);
    dl = resumeDeadline(dl, vn(to), policy, calendar);
  }
  for (let i = 0; i < (row.extensions ?? 0); i += 1) dl = extendDeadline(dl, new Date(start.getTime() + (i + 1) * 86_400_000), rule.extension.duration, rule.extension.basis, policy, calendar);
  return dl;
}

/** The due date of a denunciation rule: the first step relimited (as the officer's action does), or a deadline of its own. */
function denunciationDue(row: DenunciationRow, calendar: WorkingCalendar): Deadline {
  const rules = policy.denunciation!;
  const rule = policy.rules.DENUNCIATION;
  const start = vn(row.from);
  if (row.rule === 'severalPlaces' || row.rule === 'transfer') {
    const first = startDeadline({ step: 'first_step', start, limit: rule.firstStep, legalBasis: rule.firstStepBasis, inputs: {} }, policy, calendar);
    return relimitDeadline(first, new Date(start.getTime() + 3_600_000), rules[row.rule], { vi: 'lý do', en: 'reason' }, {}, policy, calendar);
  }
  const step = row.rule === 'forwarderResult' ? 'forwarder_result' : 'accused_notice';
  return startDeadline({ step, start, limit: rules[row.rule].limit, legalBasis: rules[row.rule].basis, inputs: {} }, policy, calendar);
}

describe('the legal clock, case by case', () => {
  it('has at least 40 cases', () => expect(ROWS.length + DENUNCIATION_ROWS.length).toBeGreaterThanOrEqual(40));

  it.each(DENUNCIATION_ROWS.map((r) => [`DENUNCIATION ${r.rule} from ${r.from}`, r] as const))('%s', (_name, row) => {
    const dl = denunciationDue(row, calendars[row.calendar ?? 'shipped']);
    expect({ due: dl.dueAt, why: row.why }).toEqual({ due: endOf(row.due), why: row.why });
  });

  it('ships the 2026 announcement as calendar data', () => {
    const rows = shippedOverrides();
    const at = (y: number, m: number, d: number) => rows.find((r) => r.day === localDayFromYmd(y, m, d));
    expect(at(2026, 1, 2)?.dayOff).toBe(true);
    expect(at(2026, 1, 10)?.dayOff).toBe(false);
    expect(at(2026, 8, 22)?.dayOff).toBe(false);
    expect(at(2026, 8, 31)?.dayOff).toBe(true);
    expect(rows.filter((r) => r.dayOff)).toHaveLength(13);
  });

  it.each(ROWS.map((r) => [`${r.type} ${r.received}${r.tier ? ` ${r.tier}` : ''}${r.remote ? ' remote' : ''}${r.extensions ? ` +${r.extensions} ext.` : ''}${r.pauses ? ` ${r.pauses.length} pause(s)` : ''}`, r] as const))('%s', (_name, row) => {
    const calendar = calendars[row.calendar ?? 'shipped'];
    const rule = policy.rules[row.type];
    const first = startDeadline({ step: 'first_step', start: vn(row.received), limit: rule.firstStep, legalBasis: rule.firstStepBasis, inputs: {} }, policy, calendar);
    const resolution = resolutionDue(row, calendar);
    expect({ firstStep: first.dueAt, resolution: resolution.dueAt, why: row.why }).toEqual({ firstStep: endOf(row.firstStep), resolution: endOf(row.resolution), why: row.why });
  });
});
