import type { LadderStep } from './legal-clock';
import type { CaseTemplate, TemplateOf } from './notice-templates';

/**
 * Who is told what, and when, for each thing with a deadline: a case, a dialogue session's written
 * conclusion, a Front committee's supervision recommendation. The workflows take their notices
 * from here; the activities find the recipients of each audience and send the template named,
 * never another.
 */
export type LadderSubject = 'case' | 'session' | 'recommendation';

/** A rung of an escalation ladder: before the due date, at it, and after the grace period. */
export type Rung = LadderStep['kind'];

/** The head of government (People's Committee) or the Front committee, of the subject's unit or of its superior unit. */
export type LeaderAudience = 'unit_head' | 'unit_front' | 'superior_head' | 'superior_front';

/** Which committee and whose: leadership notices go to the committee's head, by title and name. */
export const LEADERS: Record<LeaderAudience, { kind: 'PEOPLES_COMMITTEE' | 'FRONT_COMMITTEE'; level: 'unit' | 'superior' }> = {
  unit_head: { kind: 'PEOPLES_COMMITTEE', level: 'unit' },
  unit_front: { kind: 'FRONT_COMMITTEE', level: 'unit' },
  superior_head: { kind: 'PEOPLES_COMMITTEE', level: 'superior' },
  superior_front: { kind: 'FRONT_COMMITTEE', level: 'superior' },
};

/** Who hears about a case besides the leaders; the recipients come from the data (activities/send-notices.ts). */
export type CaseAudience = LeaderAudience | 'assigned_agency' | 'reception' | 'citizen' | 'inspectorate' | 'accused' | 'forwarder' | 'respondent';

export type AudienceOf<S extends LadderSubject> = S extends 'case' ? CaseAudience : LeaderAudience;

/** One notice: to whom, with which template. */
export interface NoticeTarget<S extends LadderSubject = LadderSubject> {
  audience: AudienceOf<S>;
  template: TemplateOf<S>;
}

type Table = { [S in LadderSubject]: Record<Rung | OccasionOf<S>, readonly NoticeTarget<S>[]> };

/** The notices a subject has besides its ladder. */
type OccasionOf<S extends LadderSubject> = { case: 'routed' | 'unrouted'; session: 'closed'; recommendation: 'received' | 'answered' }[S];

// At the due date the head is called to act and the Front told for supervision; after the grace period, the superior unit's.
const UNIT_OVERDUE = [
  { audience: 'unit_head', template: 'overdue_head' },
  { audience: 'unit_front', template: 'overdue_front' },
] as const;
const SUPERIOR_OVERDUE = [
  { audience: 'superior_head', template: 'overdue_head' },
  { audience: 'superior_front', template: 'overdue_front' },
] as const;

/**
 * The ladder of each subject (its rungs), and its other fixed notices. A case's reminder goes to
 * its agency; a session's or a recommendation's to the head, who owes the conclusion or the answer.
 */
export const NOTICE_LADDER = {
  case: {
    routed: [{ audience: 'assigned_agency', template: 'assignment' }],
    unrouted: [{ audience: 'reception', template: 'needs_routing' }],
    reminder: [{ audience: 'assigned_agency', template: 'reminder' }],
    due: UNIT_OVERDUE,
    superior: SUPERIOR_OVERDUE,
  },
  session: {
    reminder: [{ audience: 'unit_head', template: 'reminder' }],
    due: UNIT_OVERDUE,
    superior: SUPERIOR_OVERDUE,
    closed: [{ audience: 'unit_front', template: 'session_rollup' }],
  },
  recommendation: {
    received: [{ audience: 'unit_head', template: 'recommendation_received' }],
    reminder: [{ audience: 'unit_head', template: 'reminder' }],
    due: UNIT_OVERDUE,
    superior: SUPERIOR_OVERDUE,
    answered: [{ audience: 'unit_front', template: 'recommendation_answered' }],
  },
} as const satisfies Table;

/** The notices of a subject's rung or occasion. */
export function noticesAt<S extends LadderSubject>(subject: S, at: Rung | OccasionOf<S>): NoticeTarget<S>[] {
  return [...(NOTICE_LADDER[subject] as Table[S])[at]];
}

/** Case audiences that only ever get one kind of notice: a transition's step to them may leave the template out. */
export const AUDIENCE_TEMPLATE = {
  reception: 'needs_routing',
  citizen: 'citizen_update',
  inspectorate: 'inspectorate_notice',
  accused: 'accused_notice',
  forwarder: 'forwarder_notice',
  respondent: 'respondent_notice',
} as const satisfies Partial<Record<CaseAudience, CaseTemplate>>;

/** Who a case step notifies: an audience with a template of its own may leave it out, any other names it. */
export type CaseNoticeChoice =
  | { audience: keyof typeof AUDIENCE_TEMPLATE; template?: CaseTemplate }
  | { audience: Exclude<CaseAudience, keyof typeof AUDIENCE_TEMPLATE>; template: CaseTemplate };

/** The notice a case step asks for: the template it names, else its audience's own. */
export function caseNotice(choice: CaseNoticeChoice): NoticeTarget<'case'> {
  return { audience: choice.audience, template: choice.template ?? AUDIENCE_TEMPLATE[choice.audience as keyof typeof AUDIENCE_TEMPLATE] };
}
