import type { NoticeTemplate, RenderedNotice } from '../domain/notice-templates';
import type { ActivityDeps } from './deps';
import { writeCaseEvent } from './record-event';

export interface Recipient {
  email: string;
  name: string;
}

/**
 * One notice through the outbox: the row is keyed by event × recipient, so a retry finds it and
 * sends only what is not yet sent. Returns whether this call sent it.
 */
export async function deliver(
  deps: ActivityDeps,
  n: { key: string; caseId: string | null; template: NoticeTemplate; recipient: Recipient; rendered: RenderedNotice },
): Promise<boolean> {
  const { db, mailer } = deps;
  const row = await db.notification.upsert({
    where: { key: n.key },
    create: {
      key: n.key,
      caseId: n.caseId,
      template: n.template,
      language: deps.language,
      recipientEmail: n.recipient.email,
      recipientName: n.recipient.name,
      subject: n.rendered.subject,
    },
    update: {},
  });
  if (row.status === 'SENT') return false;
  try {
    const info = await mailer.send({ from: deps.mailFrom, to: `"${n.recipient.name}" <${n.recipient.email}>`, ...n.rendered, messageId: `<${row.id}@petitions.local>` });
    await db.notification.update({
      where: { id: row.id },
      data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, providerMessageId: info.messageId, lastError: null },
    });
  } catch (err) {
    await db.notification.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError: String(err) } });
    throw err;
  }
  if (n.caseId) {
    await writeCaseEvent(db, {
      caseId: n.caseId,
      eventKey: `notice:${n.key}`,
      type: 'notice_sent',
      actor: 'system',
      data: { template: n.template, recipient: n.recipient.name, notificationId: row.id },
    });
  }
  return true;
}
