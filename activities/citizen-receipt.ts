import type { CaseType } from '../domain/case-types';
import { startDeadline, type Duration } from '../domain/legal-clock';
import { renderNotice, type CaseNoticeContext, type CaseTemplate, type Language } from '../domain/notice-templates';
import { toMsisdn } from '../domain/phone';
import { renderSms } from '../domain/sms-templates';
import { loadCalendar, policyByVersion } from '../infra/clock-config';
import type { ActivityDeps } from './deps';
import { deliver, type Notice } from './outbox';

/**
 * The outbox event of a case's receipt. The API (or the session activity) sends the receipt with
 * the secret right after storing the case; the case workflow's intake sends it again under the same
 * key, which does nothing once it is sent and otherwise sends the receipt without the secret.
 */
export const receiptEvent = (caseId: string) => `${caseId}:receipt`;

/** The citizen's console page for a case: staff pages (`/cases/<id>`) need a login. */
export const trackingUrl = (publicUrl: string, trackingCode: string) => `${publicUrl}/track/${trackingCode}`;

export interface Addressee {
  name: string;
  email?: string | null;
  phone?: string | null;
}

/**
 * One notice on every channel the addressee has: a mail to the email, and an SMS to the phone when
 * SMS is on and the template has an SMS form. An unusable number sends nothing by SMS.
 */
export function noticesFor(
  deps: ActivityDeps,
  a: Addressee,
  n: { event: string; caseId: string | null; template: CaseTemplate; language: Language; ctx: CaseNoticeContext },
): Notice[] {
  const rendered = renderNotice(n.template, n.language, n.ctx);
  const base = { event: n.event, caseId: n.caseId, template: n.template, language: n.language };
  const out: Notice[] = a.email ? [{ ...base, recipient: { email: a.email, name: a.name }, rendered }] : [];
  const phone = a.phone ? toMsisdn(a.phone) : null;
  const text = deps.sms && phone ? renderSms(n.template, n.language, n.ctx, { gsm7: deps.sms.gsm7 }) : null;
  if (phone && text) out.push({ ...base, channel: 'sms', recipient: { phone, name: a.name }, text, subject: rendered.subject });
  return out;
}

/** The acceptance limit of a stored case, and its due date: the workflow's if its clock has started, else the same computation it will make. */
export async function acceptanceDeadline(db: ActivityDeps['db'], c: { type: CaseType; receivedAt: Date; policyVersion: string; firstStepDueAt: Date | null }): Promise<{ dueAt: Date | null; limit: Duration }> {
  const policy = await policyByVersion(db, c.policyVersion);
  const rule = policy.rules[c.type];
  if (c.firstStepDueAt) return { dueAt: c.firstStepDueAt, limit: rule.firstStep };
  const dl = startDeadline({ step: 'first_step', start: c.receivedAt, limit: rule.firstStep, legalBasis: rule.firstStepBasis, inputs: {} }, policy, await loadCalendar(db));
  return { dueAt: dl.dueAt ? new Date(dl.dueAt) : null, limit: rule.firstStep };
}

/** The receipt's notices for a stored case: tracking code, the secret if given, what comes next and the acceptance deadline. */
export async function receiptNotices(deps: ActivityDeps, caseId: string, secret: string | null): Promise<Notice[]> {
  const c = await deps.db.case.findUnique({ where: { id: caseId }, include: { petitioner: true, unit: true } });
  const p = c?.petitioner;
  if (!c || !p || p.anonymous || (!p.email && !p.phone)) return [];
  const { dueAt, limit } = await acceptanceDeadline(deps.db, c);
  const language = p.language === 'en' ? 'en' : 'vi';
  const name = p.fullName ?? p.email ?? (language === 'vi' ? 'người gửi đơn' : 'petitioner');
  return noticesFor(deps, { name, email: p.email, phone: p.phone }, {
    event: receiptEvent(c.id), caseId: c.id, template: 'citizen_receipt', language,
    ctx: {
      subject: 'case', recipientName: name, caseTitle: c.title, caseType: c.type, trackingCode: c.trackingCode, unitName: c.unit.name, agencyName: null,
      dueAt, step: 'first_step', url: trackingUrl(deps.publicUrl, c.trackingCode), firstStepLimit: limit, ...(secret ? { secret } : {}),
    },
  });
}

export type ReceiptStatus = Array<{ channel: 'email' | 'sms'; status: 'SENT' | 'PENDING' | 'FAILED' }>;

/**
 * Sends the receipt with the secret on every channel at once and waits at most `waitMs` for them:
 * a slow or unreachable relay or SMS centre never holds the submission up. What has not gone when
 * this returns (an outage) stays PENDING in the outbox, and the case workflow's intake sends it
 * later — without the secret, which exists only here, in memory: it then says how to get a new one.
 */
export async function sendReceipt(deps: ActivityDeps, caseId: string, secret: string | null, waitMs = 5_000): Promise<ReceiptStatus> {
  const notices = await receiptNotices(deps, caseId, secret);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(notices.map((n) => deliver(deps, n))),
    new Promise((resolve) => (timer = setTimeout(resolve, waitMs))),
  ]);
  clearTimeout(timer);
  return receiptStatus(deps.db, caseId);
}

/** Where the receipt stands on each channel (nothing when the case has no email or phone). */
export async function receiptStatus(db: ActivityDeps['db'], caseId: string): Promise<ReceiptStatus> {
  const rows = await db.notification.findMany({ where: { caseId, event: receiptEvent(caseId) }, orderBy: { channel: 'asc' }, select: { channel: true, status: true } });
  return rows.map((r) => ({ channel: r.channel === 'SMS' ? 'sms' : 'email', status: r.status }));
}
