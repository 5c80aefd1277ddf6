import type { Organisation } from '../prisma/generated/client';
import type { DeadlineStep } from '../domain/legal-clock';
import { renderNotice, type CitizenEvent, type Language, type NoticeTemplate } from '../domain/notice-templates';
import type { ActivityDeps } from './deps';
import { headOf, leadersOf, templateFor } from './leaders';
import { deliver, type Recipient } from './outbox';

export type Audience = 'assigned_agency' | 'unit_leaders' | 'superior_leaders' | 'unit_head' | 'citizen' | 'inspectorate' | 'reception' | 'accused';

export interface NoticeRequest {
  caseId: string;
  /** One notice per event × recipient. */
  eventKey: string;
  audience: Audience;
  /** For the agency and the head: which message (assignment, reminder, extension…). */
  template?: NoticeTemplate;
  step?: DeadlineStep;
  dueAt?: string | null;
  note?: string;
  citizenEvent?: CitizenEvent;
}

type Addressed = Recipient & { template: NoticeTemplate; language?: Language };

function loadCase(db: ActivityDeps['db'], caseId: string) {
  return db.case.findUnique({
    where: { id: caseId },
    include: { agency: true, petitioner: true, unit: { include: { organisations: true, parent: { include: { organisations: true } } } } },
  });
}
type CaseWithOrgs = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

/** The reception officers of the case's unit, or of the nearest superior unit that has some. */
async function receptionOfficers(db: ActivityDeps['db'], unitId: string | null): Promise<Addressed[]> {
  for (let id = unitId; id; ) {
    const users = await db.user.findMany({ where: { unitId: id, role: 'RECEPTION_OFFICER' } });
    if (users.length) return users.map((u) => ({ email: u.email, name: u.fullName, template: 'needs_routing' as const }));
    id = (await db.unit.findUnique({ where: { id } }))?.parentId ?? null;
  }
  return [];
}

async function inspectorate(db: ActivityDeps['db'], unitId: string | null): Promise<Organisation | undefined> {
  for (let id = unitId; id; ) {
    const unit = await db.unit.findUnique({ where: { id }, include: { organisations: true } });
    const found = unit?.organisations.find((o) => o.kind === 'INSPECTORATE');
    if (found) return found;
    id = unit?.parentId ?? null;
  }
  return undefined;
}

/**
 * Recipients come from the data. A denouncer's identity goes only to the denouncer: notices to
 * anyone else never carry petitioner details.
 */
async function recipients(db: ActivityDeps['db'], req: NoticeRequest, c: CaseWithOrgs): Promise<Addressed[]> {
  switch (req.audience) {
    case 'assigned_agency': {
      if (!c.agency) return [];
      const template = req.template ?? 'assignment';
      const officers = await db.user.findMany({ where: { organisationId: c.agency.id, role: 'AGENCY_OFFICER' } });
      return [{ email: c.agency.email, name: c.agency.name, template }, ...officers.map((u) => ({ email: u.email, name: u.fullName, template }))];
    }
    case 'unit_head':
      return leadersOf(c.unit, 'unit_head').map((o) => ({ ...headOf(o), template: req.template ?? 'extension_requested' }));
    case 'unit_leaders':
    case 'superior_leaders':
      return leadersOf(c.unit, req.audience).map((o) => ({ ...headOf(o), template: templateFor('overdue_head', o) }));
    case 'inspectorate': {
      const org = await inspectorate(db, c.unitId);
      return org ? [{ email: org.email, name: org.name, template: 'inspectorate_notice' }] : [];
    }
    case 'reception':
      return receptionOfficers(db, c.unitId);
    case 'accused':
      return c.accusedEmail ? [{ email: c.accusedEmail, name: c.accusedName ?? c.accusedEmail, template: 'accused_notice' }] : [];
    case 'citizen': {
      const p = c.petitioner;
      const language = p?.language === 'en' ? 'en' : 'vi';
      return p?.email && !p.anonymous ? [{ email: p.email, name: p.fullName ?? p.email, template: 'citizen_update', language }] : [];
    }
  }
}

export function sendNotices(deps: ActivityDeps) {
  /** `recipients`: how many the notice is for (some may have had it from an earlier attempt). */
  return async function sendNotices(req: NoticeRequest): Promise<{ sent: number; recipients: number }> {
    const c = await loadCase(deps.db, req.caseId);
    if (!c) return { sent: 0, recipients: 0 };
    let sent = 0;
    const addressed = await recipients(deps.db, req, c);
    for (const r of addressed) {
      const language = r.language ?? deps.language;
      const rendered = renderNotice(r.template, language, {
        recipientName: r.name,
        caseTitle: c.title,
        caseType: c.type,
        trackingCode: c.trackingCode,
        unitName: c.unit.name,
        agencyName: c.agency?.name ?? (language === 'vi' ? '(chưa phân công)' : '(not yet assigned)'),
        dueAt: req.dueAt ? new Date(req.dueAt) : null,
        step: req.step ?? null,
        caseUrl: `${deps.publicUrl}/cases/${c.id}`,
        scope: req.audience === 'superior_leaders' ? 'superior' : 'unit',
        citizenEvent: req.citizenEvent,
        note: req.note,
      });
      const outcome = await deliver(deps, { event: req.eventKey, caseId: c.id, template: r.template, language, recipient: r, rendered });
      if (outcome === 'sent') sent += 1;
    }
    return { sent, recipients: addressed.length };
  };
}
