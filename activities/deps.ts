import type { Language } from '../domain/notice-templates';
import type { Database } from '../infra/database';
import type { Mailer } from '../infra/mailer';

/** What activities need from the outside world; only the worker (or a test) builds the real ones. */
export interface ActivityDeps {
  db: Database;
  mailer: Mailer;
  mailFrom: string;
  publicUrl: string;
  language: Language;
}
