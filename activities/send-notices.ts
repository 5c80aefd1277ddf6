import type { Organisation } from '../prisma/generated/client';
import type { DeadlineStep } from '../domain/legal-clock';
import { caseNotice, noticesAt, type CaseAudience, type CaseNoticeChoice, type NoticeTarget } from '../domain/notice-ladder';
import type { CaseTemplate, CitizenEvent, Language } from '../domain/notice-templates';
import { noticesFor, receiptNotices, trackingUrl, type Addressee } from './citizen-receipt';
import type { ActivityDeps } from './deps';
import { leaderOf, scopeOf } from './leaders';
import { deliver, type Notice } from './outbox';

export interface NoticeRequest {
  caseId: string;
  /** One notice per event × recipient. */
  eventKey: string;
  /** Each audience with the template it gets, as the ladder table or the case's transition says. */
  to: NoticeTarget<'case'>[];
  step?: DeadlineStep;
  dueAt?: string | null;
  note?: string;
  citizenEvent?: CitizenEvent;
}

/**
 * A request by audience alone, as workflow code before the notice ladder table scheduled it (issue
 * 13); one scheduled before the deploy may still be retried after it. Drop once no such run is open.
 */
type EarlierRequest = Omit<NoticeRequest, 'to'> & { audience: CaseAudience | 'unit_leaders' | 'superior_leaders'; template?: CaseTemplate };

function targetsOf(req: NoticeRequest | EarlierRequest): NoticeTarget<'case'>[] {
  if ('to' in req) return req.to;
  if (req.audience === 'unit_leaders') return noticesAt('case', 'due');
  if (req.audience === 'superior_leaders') return noticesAt('case', 'superior');
  return [caseNotice({ audience: req.audience, template: req.template } as CaseNoticeChoice)];
}

/** A recipient with the channels they have: an email, and a phone for SMS (citizens; heads with a number on file). */
type Addressed = Addressee & { language?: Language };

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
    if (users.length) return users.map((u) => ({ email: u.email, name: u.fullName }));
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
 * Who an audience is, from the data. A denouncer's identity goes only to the denouncer: notices to
 * anyone else never carry petitioner details.
 */
async function addressees(db: ActivityDeps['db'], audience: CaseAudience, c: CaseWithOrgs): Promise<Addressed[]> {
  switch (audience) {
    case 'assigned_agency': {
      if (!c.agency) return [];
      const officers = await db.user.findMany({ where: { organisationId: c.agency.id, role: 'AGENCY_OFFICER' } });
      return [{ email: c.agency.email, name: c.agency.name }, ...officers.map((u) => ({ email: u.email, name: u.fullName }))];
    }
    case 'unit_head':
    case 'unit_front':
    case 'superior_head':
    case 'superior_front': {
      const leader = leaderOf(c.unit, audience);
      return leader ? [leader] : [];
    }
    case 'inspectorate': {
      const org = await inspectorate(db, c.unitId);
      return org ? [{ email: org.email, name: org.name }] : [];
    }
    case 'reception':
      return receptionOfficers(db, c.unitId);
    case 'accused':
      return c.accusedEmail ? [{ email: c.accusedEmail, name: c.accusedName ?? c.accusedEmail }] : [];
    // The forwarding body is told the outcome of the intake, never who the petitioner is.
    case 'forwarder':
      return c.forwarderEmail ? [{ email: c.forwarderEmail, name: c.forwarderName ?? c.forwarderEmail }] : [];
    case 'respondent':
      return c.respondentEmail ? [{ email: c.respondentEmail, name: c.respondentName ?? c.respondentEmail }] : [];
    case 'citizen': {
      const p = c.petitioner;
      if (!p || p.anonymous || (!p.email && !p.phone)) return [];
      return [{ email: p.email, phone: p.phone, name: p.fullName ?? p.email ?? p.phone ?? '', language: p.language === 'en' ? 'en' : 'vi' }];
    }
  }
}

/** Each target's notices: its audience's recipients, each sent the target's template in the case's context. */
async function compose(deps: ActivityDeps, req: NoticeRequest | EarlierRequest, target: NoticeTarget<'case'>, c: CaseWithOrgs): Promise<{ notices: Notice[]; recipients: number }> {
  // The receipt from the intake: nothing when the API (or the session activity) has sent it, which it does with the secret.
  if (target.template === 'citizen_receipt') {
    const notices = await receiptNotices(deps, c.id, null);
    return { notices, recipients: notices.length > 0 ? 1 : 0 };
  }
  const { audience, template } = target;
  const addressed = await addressees(deps.db, audience, c);
  const notices = addressed.flatMap((r) => {
    const language = r.language ?? deps.language;
    return noticesFor(deps, r, {
      event: req.eventKey, caseId: c.id, template, language,
      ctx: {
        subject: 'case', recipientName: r.name, caseTitle: c.title, caseType: c.type, trackingCode: c.trackingCode, unitName: c.unit.name,
        agencyName: c.agency?.name ?? null, dueAt: req.dueAt ? new Date(req.dueAt) : null, step: req.step ?? null,
        url: audience === 'citizen' ? trackingUrl(deps.publicUrl, c.trackingCode) : `${deps.publicUrl}/cases/${c.id}`,
        scope: scopeOf(audience), citizenEvent: req.citizenEvent, note: req.note, receivedAt: c.receivedAt,
      },
    });
  });
  return { notices, recipients: addressed.length };
}

export function sendNotices(deps: ActivityDeps) {
  /** `recipients`: how many the notice is for (some may have had it from an earlier attempt). */
  return async function sendNotices(req: NoticeRequest | EarlierRequest): Promise<{ sent: number; recipients: number }> {
    const c = await loadCase(deps.db, req.caseId);
    if (!c) return { sent: 0, recipients: 0 };
    const composed = await Promise.all(targetsOf(req).map((t) => compose(deps, req, t, c)));
    const notices = composed.flatMap((x) => x.notices);
    // Every mail first, then the SMS: an SMS centre outage (the activity retries) never holds a mail back.
    let sent = 0;
    for (const n of [...notices.filter((x) => x.channel !== 'sms'), ...notices.filter((x) => x.channel === 'sms')]) {
      if ((await deliver(deps, n)) === 'sent') sent += 1;
    }
    return { sent, recipients: composed.reduce((sum, x) => sum + x.recipients, 0) };
  };
}
