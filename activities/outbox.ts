import type { Language, NoticeTemplate, RenderedNotice } from '../domain/notice-templates';
import { ApplicationFailure } from '@temporalio/activity';
import { isPermanentSmtpFailure } from '../infra/mailer';
import { isPermanentSmsFailure, SmsRefused } from '../infra/sms';
import type { ActivityDeps } from './deps';
import { CLAIM_ENDED, claimNotice } from './notice-claim';
import { writeCaseEvent } from './record-event';

export interface Recipient {
  email: string;
  name: string;
}

/** A phone that takes SMS: the number in international form, digits only (domain/phone.ts). */
export interface SmsRecipient {
  phone: string;
  name: string;
}

interface NoticeBase {
  /** The event this notice belongs to; the outbox key adds the recipient (and the channel). */
  event: string;
  caseId: string | null;
  template: NoticeTemplate;
  language: Language;
}

export interface MailNotice extends NoticeBase {
  channel?: 'email';
  recipient: Recipient;
  rendered: RenderedNotice;
}

export interface SmsNotice extends NoticeBase {
  channel: 'sms';
  recipient: SmsRecipient;
  text: string;
  /** What the row records the text is about: never the text itself when it carries a secret. */
  subject: string;
}

export type Notice = MailNotice | SmsNotice;

/** The recipient part of the outbox key and of the case events: the address, or "sms:" and the number. */
export const addressOf = (n: Notice) => (n.channel === 'sms' ? `sms:${n.recipient.phone}` : n.recipient.email);

/** What one attempt hands to the relay or the SMS centre. */
async function transmit(deps: ActivityDeps, n: Notice, rowId: string): Promise<string> {
  if (n.channel !== 'sms') {
    const to = `"${n.recipient.name}" <${n.recipient.email}>`;
    return (await deps.mailer.send({ from: deps.mailFrom, to, ...n.rendered, messageId: `<${rowId}@petitions.local>` })).messageId;
  }
  // A worker without SMS_URL cannot send it, and no retry on it will: recorded as a failure.
  if (!deps.sms) throw new SmsRefused('SMS chưa được cấu hình (SMS_URL) / SMS is off (SMS_URL)', 0, true);
  return (await deps.sms.send({ to: n.recipient.phone, text: n.text })).messageId;
}

const isPermanent = (n: Notice, err: unknown) => (n.channel === 'sms' ? isPermanentSmsFailure(err) : isPermanentSmtpFailure(err));

/**
 * One notice through the outbox, by mail or by SMS. The row is keyed by event × recipient (an SMS's
 * recipient is "sms:" and the number), so a retry finds it and sends only what is not yet sent; a
 * claim (notice-claim.ts) keeps two live attempts from sending it at once. An outage throws (the
 * activity retries with backoff, nothing is lost); a permanent refusal (SMTP 5xx, an SMPP status
 * that refuses the message itself) marks the row FAILED and records it on the case. Returns the outcome.
 */
export async function deliver(deps: ActivityDeps, n: Notice): Promise<'sent' | 'already_sent' | 'failed'> {
  const { db } = deps;
  const key = `${n.event}:${addressOf(n)}`;
  const sms = n.channel === 'sms';
  const row = await db.notification.upsert({
    where: { key },
    create: {
      key,
      event: n.event,
      caseId: n.caseId,
      template: n.template,
      language: n.language,
      channel: sms ? 'SMS' : 'EMAIL',
      recipientEmail: sms ? null : n.recipient.email,
      recipientPhone: sms ? n.recipient.phone : null,
      recipientName: n.recipient.name,
      subject: sms ? n.subject : n.rendered.subject,
    },
    update: {},
  });
  if (row.status !== 'PENDING') return settled(row.status);
  const claim = await claimNotice(db, row.id);
  if (!claim) return settledOrBusy(db, row.id);
  let providerMessageId: string;
  try {
    providerMessageId = await transmit(deps, n, row.id);
  } catch (err) {
    claim.stop();
    return notSent(deps, n, row.id, err);
  }
  try {
    await markSent(db, row.id, providerMessageId);
  } finally {
    claim.stop();
  }
  await record(deps, n, row.id, 'notice_sent');
  return 'sent';
}

/** An outage throws, so the activity retries; a permanent refusal is recorded and final. */
async function notSent(deps: ActivityDeps, n: Notice, id: string, err: unknown): Promise<'failed'> {
  const permanent = isPermanent(n, err);
  await deps.db.notification.update({
    where: { id },
    data: { attempts: { increment: 1 }, lastError: String(err), ...CLAIM_ENDED, ...(permanent ? { status: 'FAILED' } : {}) },
  });
  if (!permanent) throw err;
  await record(deps, n, id, 'notice_failed', String(err));
  return 'failed';
}

const settled = (status: 'SENT' | 'FAILED') => (status === 'SENT' ? 'already_sent' : 'failed');

async function settledOrBusy(db: ActivityDeps['db'], id: string) {
  const { status } = await db.notification.findUniqueOrThrow({ where: { id }, select: { status: true } });
  if (status !== 'PENDING') return settled(status);
  throw ApplicationFailure.retryable(`Thông báo ${id} đang được một lần thử khác gửi / notice ${id} is being sent by another attempt`, 'NoticeInProgress');
}

// The mail has left: losing that fact to a database blip would make the retry send it again, so
// the record is retried here (about a minute) while the claim keeps other attempts away.
const MARK_SENT_WAITS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000, 8_000, 8_000];

async function markSent(db: ActivityDeps['db'], id: string, providerMessageId: string): Promise<void> {
  for (const wait of [...MARK_SENT_WAITS_MS, null]) {
    try {
      await db.notification.update({
        where: { id },
        data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, providerMessageId, lastError: null, ...CLAIM_ENDED },
      });
      return;
    } catch (err) {
      if (wait === null) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

async function record(deps: ActivityDeps, n: Notice, notificationId: string, type: 'notice_sent' | 'notice_failed', error?: string) {
  if (!n.caseId) return;
  await writeCaseEvent(deps.db, {
    caseId: n.caseId,
    eventKey: `${type}:${n.event}:${addressOf(n)}`,
    type,
    actor: 'system',
    reason: error,
    data: { template: n.template, channel: n.channel ?? 'email', recipient: n.recipient.name, notificationId },
  });
}
