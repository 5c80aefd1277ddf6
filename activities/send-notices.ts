import { renderNotice, type DeadlineStep, type NoticeTemplate } from '../domain/notice-templates';
import type { ActivityDeps } from './deps';
import { writeCaseEvent } from './record-event';

export type Audience = 'assigned_agency' | 'unit_leaders';

export interface NoticeRequest {
  caseId: string;
  /** One notice per event × recipient: the outbox key is `${eventKey}:${recipient email}`. */
  eventKey: string;
  audience: Audience;
  step?: DeadlineStep;
  dueAt?: string;
}

interface Recipient {
  email: string;
  name: string;
  template: NoticeTemplate;
}

type CaseWithOrgs = NonNullable<Awaited<ReturnType<typeof loadCaseWithOrgs>>>;

function loadCaseWithOrgs(db: ActivityDeps['db'], caseId: string) {
  return db.case.findUnique({
    where: { id: caseId },
    include: { agency: true, unit: { include: { organisations: true } } },
  });
}

/** Recipients come from the data: the agency's inbox, or the unit's head of government and Front by name. */
function recipientsFor(audience: Audience, c: CaseWithOrgs): Recipient[] {
  if (audience === 'assigned_agency') {
    return c.agency ? [{ email: c.agency.email, name: c.agency.name, template: 'assignment' }] : [];
  }
  const orgs = c.unit.organisations;
  const committee = orgs.find((o) => o.kind === 'PEOPLES_COMMITTEE');
  const front = orgs.find((o) => o.kind === 'FRONT_COMMITTEE');
  return [
    ...(committee ? [{ email: committee.headEmail, name: `${committee.headTitle} ${committee.headName}`, template: 'overdue_head' as const }] : []),
    ...(front ? [{ email: front.headEmail, name: `${front.headTitle} ${front.headName}`, template: 'overdue_front' as const }] : []),
  ];
}

/**
 * Writes each notice to the outbox, then sends what is not yet sent. A retry skips what was
 * already delivered, so a recipient gets each notice once.
 */
export function sendNotices(deps: ActivityDeps) {
  const { db, mailer } = deps;
  return async function sendNotices(req: NoticeRequest): Promise<{ sent: number }> {
    const c = await loadCaseWithOrgs(db, req.caseId);
    if (!c) return { sent: 0 };
    let sent = 0;
    for (const r of recipientsFor(req.audience, c)) {
      const rendered = renderNotice(r.template, deps.language, {
        recipientName: r.name,
        caseTitle: c.title,
        caseType: c.type,
        trackingCode: c.trackingCode,
        unitName: c.unit.name,
        agencyName: c.agency?.name ?? (deps.language === 'vi' ? '(chưa phân công)' : '(not yet assigned)'),
        dueAt: req.dueAt ? new Date(req.dueAt) : c.firstStepDueAt,
        step: req.step ?? null,
        caseUrl: `${deps.publicUrl}/cases/${c.id}`,
      });
      const key = `${req.eventKey}:${r.email}`;
      const row = await db.notification.upsert({
        where: { key },
        create: { key, caseId: c.id, template: r.template, language: deps.language, recipientEmail: r.email, recipientName: r.name, subject: rendered.subject },
        update: {},
      });
      if (row.status === 'SENT') continue;
      try {
        const info = await mailer.send({ from: deps.mailFrom, to: `"${r.name}" <${r.email}>`, ...rendered, messageId: `<${row.id}@petitions.local>` });
        await db.notification.update({
          where: { id: row.id },
          data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, providerMessageId: info.messageId, lastError: null },
        });
        await writeCaseEvent(db, {
          caseId: c.id,
          eventKey: `notice:${key}`,
          type: 'notice_sent',
          actor: 'system',
          data: { template: r.template, recipient: r.name, email: r.email, notificationId: row.id },
        });
        sent += 1;
      } catch (err) {
        await db.notification.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError: String(err) } });
        throw err;
      }
    }
    return { sent };
  };
}
