import type { Language } from '../domain/notice-templates';
import type { Database } from '../infra/database';
import type { Mailer } from '../infra/mailer';
import type { SmsSender } from '../infra/sms';

/** What activities need from the outside world; only the worker (or a test) builds the real ones. */
export interface ActivityDeps {
  db: Database;
  mailer: Mailer;
  /** The SMS centre (SMS_URL); absent: SMS is off and notices go by mail only. */
  sms?: SmsSender | null;
  mailFrom: string;
  publicUrl: string;
  language: Language;
}
