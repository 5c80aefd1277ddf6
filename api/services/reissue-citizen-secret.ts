import { randomUUID } from 'node:crypto';
import { noticesFor, trackingUrl } from '../../activities/citizen-receipt';
import type { ActivityDeps } from '../../activities/deps';
import { deliver } from '../../activities/outbox';
import { newCitizenSecret } from '../../infra/citizen-secret';
import { AppError } from '../errors';

/** What mailing a citizen from the API needs: the outbox's own dependencies. */
export type CitizenMailDeps = ActivityDeps;

/**
 * A citizen who lost the secret gets a new one at the email and the phone (SMS) on file; the old
 * one stops working once the new one is on its way. The secret is only ever in what is sent: not
 * in the outbox, the subject, Temporal's history or a log. Nothing happens for a case without an
 * email or phone.
 */
export async function reissueCitizenSecret(deps: CitizenMailDeps, trackingCode: string): Promise<void> {
  const c = await deps.db.case.findUnique({ where: { trackingCode }, include: { petitioner: true, unit: true, agency: true } });
  const p = c?.petitioner;
  if (!c || !p || p.anonymous || (!p.email && !p.phone)) return;
  const language = p.language === 'en' ? 'en' : 'vi';
  const fresh = newCitizenSecret();
  const name = p.fullName ?? p.email ?? (language === 'vi' ? 'người gửi đơn' : 'petitioner');
  const notices = noticesFor(deps, { name, email: p.email, phone: p.phone }, {
    event: `${c.id}:citizen-secret:${randomUUID()}`, caseId: c.id, template: 'citizen_secret', language,
    ctx: {
      subject: 'case', recipientName: name, caseTitle: c.title, caseType: c.type, trackingCode: c.trackingCode, unitName: c.unit.name, agencyName: c.agency?.name ?? null,
      dueAt: null, step: null, url: trackingUrl(deps.publicUrl, c.trackingCode), secret: fresh.secret,
    },
  });
  const outcomes = await Promise.allSettled(notices.map((n) => deliver(deps, n)));
  if (outcomes.some((o) => o.status === 'fulfilled' && o.value === 'sent')) {
    await deps.db.case.update({ where: { id: c.id }, data: { citizenSecretHash: fresh.hash, citizenSecretAt: new Date() } });
  } else if (outcomes.some((o) => o.status === 'rejected')) {
    throw new AppError('temporarily_unavailable', 'Chưa gửi được mã, vui lòng thử lại sau / the secret could not be sent yet, retry later');
  }
}
