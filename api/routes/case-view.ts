import { z } from 'zod';
import { caseActionName } from '../../domain/case-actions';
import type { FilingWindow } from '../../domain/complaint-windows';
import type { Deadline } from '../../domain/legal-clock';
import type { Case, Category, Notification, Organisation, Unit } from '../../prisma/generated/client';
import { CaseOutcome, CaseStatus, CaseType, Complexity, DeciderRole, NotificationStatus, TerminationGround } from '../../prisma/generated/enums';
import { bilingual, instant, isoInstant, responseType, type Conforms } from '../response-schemas';

const duration = z.object({ amount: z.number(), unit: z.string() });
const decision = z.object({ number: z.string(), date: z.string() });
const suspension = z.object({ decision, basis: z.string(), resumedBy: decision.optional() });

/** A deadline as the case stores it (domain/legal-clock.ts `Deadline`): everything that explains it. */
export const deadlineSchema = responseType(
  'Deadline',
  z.object({
    step: z.string(),
    startedAt: isoInstant,
    limit: duration,
    extensions: z.array(duration),
    pausedMs: z.number(),
    pauses: z.array(z.object({ from: isoInstant, to: isoInstant, suspension: suspension.optional() })).optional(),
    pausedAt: isoInstant.nullable(),
    suspension: suspension.optional(),
    dueAt: isoInstant.nullable(),
    metAt: isoInstant.optional(),
    legalBasis: z.string(),
    inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    history: z.array(z.object({ at: isoInstant, kind: z.string(), dueAt: isoInstant.nullable(), note: z.string() })),
    ladder: z.array(z.object({ kind: z.string(), at: isoInstant })),
  }),
);
true satisfies Conforms<Deadline, typeof deadlineSchema>;

/** A complaint's window to be lodged (domain/complaint-windows.ts `FilingWindow`). */
export const filingWindowSchema = responseType(
  'FilingWindow',
  z.object({
    learnedOn: z.string(),
    obstacleDays: z.number(),
    obstacleReason: z.string().nullable(),
    limitDays: z.number(),
    basis: z.string(),
    endsAt: isoInstant,
    late: z.boolean(),
    explanation: bilingual,
  }),
);
true satisfies Conforms<FilingWindow, typeof filingWindowSchema>;

const fileRef = z.object({ name: z.string(), url: z.string() });
const person = z.object({ fullName: z.string(), position: z.string().nullable(), email: z.string().nullable() });

/** The public shape of a case: content and process, never the petitioner's identity. */
export const caseViewSchema = responseType(
  'CaseView',
  z.object({
    id: z.string(),
    trackingCode: z.string(),
    type: z.enum(CaseType),
    status: z.enum(CaseStatus),
    title: z.string(),
    content: z.string(),
    attachments: z.array(fileRef),
    /** A denunciation's accused (their identity is not protected as the denouncer's is). */
    accused: person.nullable(),
    /** Whom a complaint is against, when the complainant named them. */
    respondent: person.nullable(),
    /** Why a complaint's resolution was terminated. */
    terminationGround: z.enum(TerminationGround).nullable(),
    /** Whoever forwarded the petition, told of a complaint's acceptance (Complaints Law 2011 art. 27). */
    forwardedBy: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
    category: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
    unit: z.object({ code: z.string(), name: z.string() }),
    agency: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    receivedAt: instant,
    firstStepDueAt: instant.nullable(),
    resolutionDueAt: instant.nullable(),
    /** A complaint's window to be lodged (Complaints Law 2011 art. 9) with its explanation; null when the date was not given. */
    filingWindow: filingWindowSchema.nullable(),
    /** A first complaint's answer: until when a second complaint may be lodged (art. 33); then the decision takes effect (art. 44). */
    appealDueAt: instant.nullable(),
    /** Who signed a first complaint's decision, when the officer said. */
    decidedBy: z.enum(DeciderRole).nullable(),
    acceptedAt: instant.nullable(),
    answeredAt: instant.nullable(),
    answer: z.string().nullable(),
    answerDocuments: z.array(fileRef).nullable(),
    complexity: z.enum(Complexity),
    outcome: z.enum(CaseOutcome).nullable(),
    closedAt: instant.nullable(),
    sessionId: z.string().nullable(),
    linkedFromId: z.string().nullable(),
    policyVersion: z.string(),
    /** Each deadline with its rule, legal basis, inputs and recalculation history. */
    deadlines: z.record(z.string(), deadlineSchema).nullable(),
    /** Delivery of each notice by channel; the citizen's own address stays out. */
    notices: z.array(
      z.object({
        template: z.string(),
        channel: z.enum(['email', 'sms']),
        recipient: z.string(),
        language: z.string(),
        status: z.enum(NotificationStatus),
        attempts: z.number(),
        sentAt: instant.nullable(),
        error: z.string().nullable().optional(),
      }),
    ),
  }),
);
export type CaseView = z.output<typeof caseViewSchema>;

/** A first complaint's second-complaint authority, or the way on beyond the province. */
export const secondComplaintSchema = responseType('SecondComplaint', z.object({ to: z.string().nullable(), basis: z.string(), wayOn: z.string().nullable() }));

/** An action's form for a case (domain/case-actions.ts `ActionForm`): its body as JSON Schema. */
export const actionFormSchema = responseType(
  'ActionForm',
  z.object({
    properties: z.record(z.string(), z.object({ type: z.string().optional(), enum: z.array(z.string()).optional(), maxLength: z.number().optional(), format: z.string().optional() }).loose()),
    required: z.array(z.string()),
  }),
);

/** The case as staff see it: with who takes its second complaint and what the caller may do now. */
export const staffCaseViewSchema = responseType(
  'StaffCaseView',
  caseViewSchema.extend({
    secondComplaint: secondComplaintSchema.nullable(),
    allowedActions: z.array(caseActionName),
    actionForms: z.record(z.string(), actionFormSchema),
  }),
);
export type StaffCaseView = z.output<typeof staffCaseViewSchema>;

/** What `toCaseView` needs loaded with the case. */
export const CASE_VIEW_INCLUDE = { unit: true, agency: true, category: true, notifications: { orderBy: { createdAt: 'asc' as const } } };

const CITIZEN_TEMPLATES = new Set(['citizen_update', 'citizen_receipt', 'citizen_secret']);

/** Delivery status of each notice by channel; the citizen's own address or number (and errors that may quote it) stay out. */
function noticeView(n: Notification): CaseView['notices'][number] {
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

/** A JSON column as the domain wrote it. */
const stored = <T>(v: unknown) => v as T | null;

export function toCaseView(c: Case & { unit: Unit; agency: Organisation | null; category: Category; notifications: Notification[] }): CaseView {
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    type: c.type,
    status: c.status,
    title: c.title,
    content: c.content,
    attachments: stored<CaseView['attachments']>(c.attachments) ?? [],
    accused: c.accusedName ? { fullName: c.accusedName, position: c.accusedPosition, email: c.accusedEmail } : null,
    respondent: c.respondentName ? { fullName: c.respondentName, position: c.respondentPosition, email: c.respondentEmail } : null,
    terminationGround: c.terminationGround,
    forwardedBy: c.forwarderName ? { name: c.forwarderName, email: c.forwarderEmail } : null,
    category: { code: c.category.code, nameVi: c.category.nameVi, nameEn: c.category.nameEn },
    unit: { code: c.unit.code, name: c.unit.name },
    agency: c.agency ? { id: c.agency.id, code: c.agency.code, name: c.agency.name } : null,
    receivedAt: c.receivedAt,
    firstStepDueAt: c.firstStepDueAt,
    resolutionDueAt: c.resolutionDueAt,
    filingWindow: stored<FilingWindow>(c.filingWindow),
    appealDueAt: c.appealDueAt,
    decidedBy: c.decidedBy,
    acceptedAt: c.acceptedAt,
    answeredAt: c.answeredAt,
    answer: c.answer,
    answerDocuments: stored<CaseView['answerDocuments']>(c.answerDocuments),
    complexity: c.complexity,
    outcome: c.outcome,
    closedAt: c.closedAt,
    sessionId: c.sessionId,
    linkedFromId: c.linkedFromId,
    policyVersion: c.policyVersion,
    deadlines: stored<Record<string, Deadline>>(c.deadlines),
    notices: c.notifications.map(noticeView),
  };
}
