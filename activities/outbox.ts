import type { Language, NoticeTemplate, RenderedNotice } from '../domain/notice-templates';
import { ApplicationFailure } from '@temporalio/activity';
import { isPermanentSmtpFailure } from '../infra/mailer';
import type { ActivityDeps } from './deps';
import { CLAIM_ENDED, claimNotice } from './notice-claim';
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
 * sends only what is not yet sent; a claim (notice-claim.ts) keeps two live attempts from sending it
 * at once. An outage throws (the activity retries with backoff, nothing is lost); a permanent refusal
 * marks the row FAILED and records it on the case. Returns the outcome.
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
  if (row.status !== 'PENDING') return settled(row.status);
  const claim = await claimNotice(db, row.id);
  if (!claim) return settledOrBusy(db, row.id);
  let providerMessageId: string;
  try {
    ({ messageId: providerMessageId } = await mailer.send({ from: deps.mailFrom, to: `"${n.recipient.name}" <${n.recipient.email}>`, ...n.rendered, messageId: `<${row.id}@petitions.local>` }));
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
  const permanent = isPermanentSmtpFailure(err);
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
    eventKey: `${type}:${n.event}:${n.recipient.email}`,
    type,
    actor: 'system',
    reason: error,
    data: { template: n.template, recipient: n.recipient.name, notificationId },
  });
}
