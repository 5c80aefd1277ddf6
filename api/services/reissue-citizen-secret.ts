import { randomUUID } from 'node:crypto';
import type { ActivityDeps } from '../../activities/deps';
import { deliver } from '../../activities/outbox';
import { renderNotice } from '../../domain/notice-templates';
import { newCitizenSecret } from '../../infra/citizen-secret';
import { AppError } from '../errors';

/** What mailing a citizen from the API needs: the outbox's own dependencies. */
export type CitizenMailDeps = ActivityDeps;

/**
 * A citizen who lost the secret gets a new one at the email on file; the old one stops working
 * once the new one is on its way. The secret is only ever in this mail's body: not in the outbox,
 * the subject, Temporal's history or a log. Nothing happens for a case without an email.
 */
export async function reissueCitizenSecret(deps: CitizenMailDeps, trackingCode: string): Promise<void> {
  const c = await deps.db.case.findUnique({ where: { trackingCode }, include: { petitioner: true, unit: true, agency: true } });
  const p = c?.petitioner;
  if (!c || !p?.email || p.anonymous) return;
  const language = p.language === 'en' ? 'en' : 'vi';
  const fresh = newCitizenSecret();
  const rendered = renderNotice('citizen_secret', language, {
    recipientName: p.fullName ?? p.email, caseTitle: c.title, caseType: c.type, trackingCode: c.trackingCode,
    unitName: c.unit.name, agencyName: c.agency?.name ?? '', dueAt: null, step: null,
    caseUrl: `${deps.publicUrl}/track/${c.trackingCode}`, note: fresh.secret,
  });
  const recipient = { email: p.email, name: p.fullName ?? p.email };
  const outcome = await deliver(deps, { event: `${c.id}:citizen-secret:${randomUUID()}`, caseId: c.id, template: 'citizen_secret', language, recipient, rendered }).catch(() => {
    throw new AppError('temporarily_unavailable', 'Chưa gửi được thư, vui lòng thử lại sau / the mail could not be sent yet, retry later');
  });
  if (outcome === 'sent') await deps.db.case.update({ where: { id: c.id }, data: { citizenSecretHash: fresh.hash, citizenSecretAt: new Date() } });
}
