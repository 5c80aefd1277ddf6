import type { Case, Category, Notification, Organisation, Unit } from '../../prisma/generated/client';

/** The public shape of a case: content and process, never the petitioner's identity. */
/** What `toCaseView` needs loaded with the case. */
export const CASE_VIEW_INCLUDE = { unit: true, agency: true, category: true, notifications: { orderBy: { createdAt: 'asc' as const } } };

const CITIZEN_TEMPLATES = new Set(['citizen_update', 'citizen_receipt', 'citizen_secret']);

/** Delivery status of each notice by channel; the citizen's own address or number (and errors that may quote it) stay out. */
function noticeView(n: Notification) {
  const toCitizen = CITIZEN_TEMPLATES.has(n.template);
  return {
    template: n.template,
    channel: n.channel === 'SMS' ? 'sms' : 'email',
    recipient: toCitizen ? 'người gửi đơn / petitioner' : n.recipientName,
    language: n.language,
    status: n.status,
    attempts: n.attempts,
    sentAt: n.sentAt,
    ...(n.status === 'FAILED' && !toCitizen ? { error: n.lastError } : {}),
  };
}

export function toCaseView(c: Case & { unit: Unit; agency: Organisation | null; category: Category; notifications: Notification[] }) {
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    type: c.type,
    status: c.status,
    title: c.title,
    content: c.content,
    attachments: c.attachments ?? [],
    /** A denunciation's accused (their identity is not protected as the denouncer's is). */
    accused: c.accusedName ? { fullName: c.accusedName, position: c.accusedPosition, email: c.accusedEmail } : null,
    /** Whom a complaint is against, when the complainant named them. */
    respondent: c.respondentName ? { fullName: c.respondentName, position: c.respondentPosition, email: c.respondentEmail } : null,
    /** Why a complaint's resolution was terminated. */
    terminationGround: c.terminationGround,
    /** Whoever forwarded the petition, told of a complaint's acceptance (Complaints Law 2011 art. 27). */
    forwardedBy: c.forwarderName ? { name: c.forwarderName, email: c.forwarderEmail } : null,
    category: { code: c.category.code, nameVi: c.category.nameVi, nameEn: c.category.nameEn },
    unit: { code: c.unit.code, name: c.unit.name },
    agency: c.agency ? { id: c.agency.id, code: c.agency.code, name: c.agency.name } : null,
    receivedAt: c.receivedAt,
    firstStepDueAt: c.firstStepDueAt,
    resolutionDueAt: c.resolutionDueAt,
    /** A complaint's window to be lodged (Complaints Law 2011 art. 9) with its explanation; null when the date was not given. */
    filingWindow: c.filingWindow,
    /** A first complaint's answer: until when a second complaint may be lodged (art. 33); then the decision takes effect (art. 44). */
    appealDueAt: c.appealDueAt,
    /** Who signed a first complaint's decision, when the officer said. */
    decidedBy: c.decidedBy,
    acceptedAt: c.acceptedAt,
    answeredAt: c.answeredAt,
    answer: c.answer,
    answerDocuments: c.answerDocuments,
    complexity: c.complexity,
    outcome: c.outcome,
    closedAt: c.closedAt,
    sessionId: c.sessionId,
    linkedFromId: c.linkedFromId,
    policyVersion: c.policyVersion,
    /** Each deadline with its rule, legal basis, inputs and recalculation history. */
    deadlines: c.deadlines,
    notices: c.notifications.map(noticeView),
  };
}
