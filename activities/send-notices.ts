import type { Organisation } from '../prisma/generated/client';
import type { DeadlineStep } from '../domain/legal-clock';
import type { CitizenEvent, Language, NoticeTemplate } from '../domain/notice-templates';
import { noticesFor, receiptNotices, trackingUrl, type Addressee } from './citizen-receipt';
import type { ActivityDeps } from './deps';
import { headOf, leadersOf, templateFor } from './leaders';
import { deliver } from './outbox';

export type Audience = 'assigned_agency' | 'unit_leaders' | 'superior_leaders' | 'unit_head' | 'citizen' | 'inspectorate' | 'reception' | 'accused' | 'forwarder';

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

/** A recipient with the channels they have: an email, and a phone for SMS (citizens; heads with a number on file). */
type Addressed = Addressee & { template: NoticeTemplate; language?: Language };

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
      return leadersOf(c.unit, req.audience).map((o) => ({ ...headOf(o), phone: o.headPhone, template: templateFor('overdue_head', o) }));
    case 'inspectorate': {
      const org = await inspectorate(db, c.unitId);
      return org ? [{ email: org.email, name: org.name, template: 'inspectorate_notice' }] : [];
    }
    case 'reception':
      return receptionOfficers(db, c.unitId);
    case 'accused':
      return c.accusedEmail ? [{ email: c.accusedEmail, name: c.accusedName ?? c.accusedEmail, template: 'accused_notice' }] : [];
    // The forwarding body is told the outcome of the intake, never who the petitioner is.
    case 'forwarder':
      return c.forwarderEmail ? [{ email: c.forwarderEmail, name: c.forwarderName ?? c.forwarderEmail, template: 'forwarder_notice' }] : [];
    case 'citizen': {
      const p = c.petitioner;
      const language = p?.language === 'en' ? 'en' : 'vi';
      if (!p || p.anonymous || (!p.email && !p.phone)) return [];
      return [{ email: p.email, phone: p.phone, name: p.fullName ?? p.email ?? p.phone ?? '', template: 'citizen_update', language }];
    }
  }
}

export function sendNotices(deps: ActivityDeps) {
  /** `recipients`: how many the notice is for (some may have had it from an earlier attempt). */
  return async function sendNotices(req: NoticeRequest): Promise<{ sent: number; recipients: number }> {
    const c = await loadCase(deps.db, req.caseId);
    if (!c) return { sent: 0, recipients: 0 };
    if (req.audience === 'citizen' && req.template === 'citizen_receipt') return sendReceiptLater(deps, c.id);
    const addressed = await recipients(deps.db, req, c);
    const notices = addressed.flatMap((r) => {
      const language = r.language ?? deps.language;
      const citizen = req.audience === 'citizen';
      const ctx = {
        recipientName: r.name,
        caseTitle: c.title,
        caseType: c.type,
        trackingCode: c.trackingCode,
        unitName: c.unit.name,
        agencyName: c.agency?.name ?? (language === 'vi' ? '(chưa phân công)' : '(not yet assigned)'),
        dueAt: req.dueAt ? new Date(req.dueAt) : null,
        step: req.step ?? null,
        caseUrl: citizen ? trackingUrl(deps.publicUrl, c.trackingCode) : `${deps.publicUrl}/cases/${c.id}`,
        scope: req.audience === 'superior_leaders' ? ('superior' as const) : ('unit' as const),
        citizenEvent: req.citizenEvent,
        note: req.note,
      };
      return noticesFor(deps, r, { event: req.eventKey, caseId: c.id, template: r.template, language, ctx });
    });
    // Every mail first, then the SMS: an SMS centre outage (the activity retries) never holds a mail back.
    let sent = 0;
    for (const n of [...notices.filter((x) => x.channel !== 'sms'), ...notices.filter((x) => x.channel === 'sms')]) {
      if ((await deliver(deps, n)) === 'sent') sent += 1;
    }
    return { sent, recipients: addressed.length };
  };
}

/**
 * The receipt from the case workflow's intake: nothing when the API (or the session activity) has
 * sent it already, which it does with the secret; otherwise the receipt without the secret (it is
 * known only at submission), which says how to get a new one. Same outbox rows, so never twice.
 */
async function sendReceiptLater(deps: ActivityDeps, caseId: string): Promise<{ sent: number; recipients: number }> {
  const notices = await receiptNotices(deps, caseId, null);
  let sent = 0;
  for (const n of notices) if ((await deliver(deps, n)) === 'sent') sent += 1;
  return { sent, recipients: notices.length > 0 ? 1 : 0 };
}

