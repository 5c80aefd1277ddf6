import type { ClockPolicy } from '../domain/legal-clock';
import type { WorkingCalendar } from '../domain/working-calendar';
import type { Database } from '../infra/database';
import type { Mailer } from '../infra/mailer';
import type { Language } from '../domain/notice-templates';

/** What activities need from the outside world; only the worker (or a test) builds the real ones. */
export interface ActivityDeps {
  db: Database;
  mailer: Mailer;
  clockPolicy: ClockPolicy;
  calendar: WorkingCalendar;
  mailFrom: string;
  publicUrl: string;
  language: Language;
}
