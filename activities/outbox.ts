import type { Language, NoticeTemplate, RenderedNotice } from '../domain/notice-templates';
import { isPermanentSmtpFailure } from '../infra/mailer';
import type { ActivityDeps } from './deps';
import { writeCaseEvent } from './record-event';

export interface Recipient {
  email: string;
  name: string;
}

export interface Notice {
  /** The event this notice belongs to; the outbox key adds the recipient. */
  event: string;
  caseId: string | null;
  template: NoticeTemplate;
  language: Language;
  recipient: Recipient;
  rendered: RenderedNotice;
}

/**
 * One notice through the outbox. The row is keyed by event × recipient, so a retry finds it and
 * sends only what is not yet sent. An outage throws (the activity retries with backoff, nothing is
 * lost); a permanent refusal marks the row FAILED and records it on the case. Returns the outcome.
 */
export async function deliver(deps: ActivityDeps, n: Notice): Promise<'sent' | 'already_sent' | 'failed'> {
  const { db, mailer } = deps;
  const key = `${n.event}:${n.recipient.email}`;
  const row = await db.notification.upsert({
    where: { key },
    create: {
      key,
      event: n.event,
      caseId: n.caseId,
      template: n.template,
      language: n.language,
      recipientEmail: n.recipient.email,
      recipientName: n.recipient.name,
      subject: n.rendered.subject,
    },
    update: {},
  });
  if (row.status === 'SENT') return 'already_sent';
  if (row.status === 'FAILED') return 'failed';
  try {
    const info = await mailer.send({ from: deps.mailFrom, to: `"${n.recipient.name}" <${n.recipient.email}>`, ...n.rendered, messageId: `<${row.id}@petitions.local>` });
    await db.notification.update({
      where: { id: row.id },
      data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, providerMessageId: info.messageId, lastError: null },
    });
  } catch (err) {
    const permanent = isPermanentSmtpFailure(err);
    await db.notification.update({
      where: { id: row.id },
      data: { attempts: { increment: 1 }, lastError: String(err), ...(permanent ? { status: 'FAILED' } : {}) },
    });
    if (!permanent) throw err;
    await record(deps, n, row.id, 'notice_failed', String(err));
    return 'failed';
  }
  await record(deps, n, row.id, 'notice_sent');
  return 'sent';
}

async function record(deps: ActivityDeps, n: Notice, notificationId: string, type: 'notice_sent' | 'notice_failed', error?: string) {
  if (!n.caseId) return;
  await writeCaseEvent(deps.db, {
    caseId: n.caseId,
    eventKey: `${type}:${n.event}:${n.recipient.email}`,
    type,
    actor: 'system',
    reason: error,
    data: { template: n.template, recipient: n.recipient.name, notificationId },
  });
}
