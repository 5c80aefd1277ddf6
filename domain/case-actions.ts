import { z } from 'zod';
import type { CaseType } from './case-types';
import { OPEN_STATUSES, type CaseFile, type CaseStatus } from './case-state';
import { TERMINATION_GROUNDS } from './complaint-procedure';
import { documentIds, documentRef, text } from './fields';
import { appealWindowRefusal, lateFilingRefusal } from './complaint-windows';
import { COMPLEXITIES } from './legal-clock';
import { DECIDER_ROLES } from './second-complaint';

/**
 * Every case action, declared once: the statuses it may start from, who may take it, the body it
 * takes, and any rule beyond the status. The workflow's updates and validators, the API's
 * validation, authorisation and `allowedActions`, the OpenAPI document and the console derive from
 * this table; a new action is one entry here plus its effect in the workflow.
 */

/** Staff roles that act on cases (the Prisma `Role` values), and the citizen, who acts with the case's secret. */
export type CaseActor = 'RECEPTION_OFFICER' | 'AGENCY_OFFICER' | 'HEAD_OF_GOVERNMENT' | 'CITIZEN';

const reason = z.string().trim().min(1, 'Cần nêu lý do / a reason is required').max(5000);
const note = z.string().trim().max(5000).optional();
const agencyId = z.string().uuid('Mã cơ quan không hợp lệ / invalid agency id');

const IN_PROGRESS: CaseStatus[] = ['ACCEPTED', 'AWAITING_INFO'];
const BEING_RESOLVED: CaseStatus[] = [...IN_PROGRESS, 'SUSPENDED'];
const WITHDRAWABLE: CaseType[] = ['COMPLAINT_FIRST', 'COMPLAINT_SECOND', 'DENUNCIATION'];
const COMPLAINTS: CaseType[] = ['COMPLAINT_FIRST', 'COMPLAINT_SECOND'];

/** Grounds of a refusal the law names, whose reason the system writes: a complaint lodged after its window (Complaints Law 2011 art. 9, 11). */
export const REFUSAL_GROUNDS = ['FILING_WINDOW_PASSED'] as const;

/** The case as the rules see it when an action is asked for. */
export type RuleFacts = Pick<CaseFile, 'status'> & Partial<CaseFile>;

interface ActionSpec {
  /** The statuses the action may start from. */
  from: readonly CaseStatus[];
  /** Who may take it. */
  by: readonly CaseActor[];
  /** Its body; unknown fields are refused. */
  input: z.ZodObject;
  /** The workflow update's body, when the API turns the input into something else (merge: a case id). */
  update?: z.ZodObject;
  /** Fields only some case types take, and what is said when another type gives one. */
  onlyFor?: Record<string, { types: readonly CaseType[]; refusal: string }>;
  /** A rule beyond the status: why the action is refused now, or null. */
  refusal?: (f: RuleFacts, input: Record<string, unknown>, now: Date) => string | null;
}

/** Who a written notice went to, and the duty it meets. */
export const WRITTEN_NOTICE_TO = { accused: 'accused_notice', forwarder: 'forwarder_result' } as const;

function writtenNoticeRefusal(f: RuleFacts, input: Record<string, unknown>): string | null {
  const pending = Object.entries(WRITTEN_NOTICE_TO).filter(([, step]) => f.duties?.[step] && !f.duties[step]!.metAt).map(([to]) => to);
  if (pending.length === 0) return 'Không có thông báo bằng văn bản nào đang chờ / no written notice is pending';
  const to = input.to as string | undefined;
  return to && !pending.includes(to) ? 'Thông báo này không còn chờ / this notice is not pending' : null;
}

function extensionRefusal(f: RuleFacts): string | null {
  if (f.extensionPending) return 'Đã có yêu cầu gia hạn đang chờ quyết định / an extension request is already pending';
  const max = f.extensionMax && f.complexity ? f.extensionMax[f.complexity] : 0;
  if (max === 0) return 'Loại hồ sơ và mức độ phức tạp này không được gia hạn / no extension for this case type and complexity';
  return (f.extensionsUsed ?? 0) >= max ? `Đã dùng hết ${max} lần gia hạn / all ${max} extensions used` : null;
}

/** A written decision: its number and date, as the agency issued it. */
const decision = {
  decisionNumber: text(100),
  decisionDate: z.iso.date('Ngày quyết định không hợp lệ (YYYY-MM-DD) / invalid decision date (YYYY-MM-DD)'),
};

/** The amended complaint procedure applies to complaints received under a policy version that has it (Law 136/2025/QH15, in force 1 Jul 2026). */
function amendedComplaintRefusal(f: RuleFacts): string | null {
  if (f.type !== 'COMPLAINT_FIRST' && f.type !== 'COMPLAINT_SECOND') return 'Chỉ áp dụng với khiếu nại / complaints only';
  if (!f.complaintProcedure) {
    return 'Hồ sơ theo phiên bản chính sách trước Luật 136/2025/QH15 (hiệu lực 01/7/2026) nên không áp dụng / the case is under a policy version before Law 136/2025/QH15 (in force 1 Jul 2026)';
  }
  return null;
}

/**
 * An action that may bring uploaded documents: the API takes their ids and joins the documents to
 * the case (api/services/attach-documents.ts); the workflow's update takes the rest.
 */
function withDocuments<S extends z.ZodRawShape>(shape: S) {
  return { input: z.object({ ...shape, documentIds: documentIds.optional() }).strict(), update: z.object(shape).strict() };
}

export const CASE_ACTIONS = {
  /** Reception routes by hand (no rule matched, or the agency returned it). */
  assign: { from: ['UNROUTED'], by: ['RECEPTION_OFFICER'], input: z.object({ agencyId }).strict() },
  /** The head moves it to another agency. */
  reassign: { from: ['ASSIGNED', ...IN_PROGRESS], by: ['HEAD_OF_GOVERNMENT'], input: z.object({ agencyId, reason: reason.optional() }).strict() },
  /** Thụ lý. */
  accept: {
    from: ['ASSIGNED'],
    by: ['AGENCY_OFFICER'],
    input: z.object({ note, complexity: z.enum(COMPLEXITIES).optional(), accusedSummary: z.string().trim().min(1).max(5000).optional() }).strict(),
    // What the accused is told (Denunciations Law 2018 art. 29), never the denouncer's own words.
    onlyFor: { accusedSummary: { types: ['DENUNCIATION'], refusal: 'Chỉ đơn tố cáo có người bị tố cáo / only a denunciation has an accused to inform' } },
  },
  /** Outside the agency's competence: back to reception. */
  return: { from: ['ASSIGNED'], by: ['AGENCY_OFFICER'], input: z.object({ reason }).strict() },
  /** Chuyển đơn to the competent agency. */
  transfer: {
    from: ['ASSIGNED'],
    by: ['AGENCY_OFFICER'],
    input: z.object({ agencyId, reason }).strict(),
    refusal: (f) => (f.type === 'DENUNCIATION' && (f.transfers ?? 0) >= 1 ? 'Đơn tố cáo chỉ được chuyển một lần / a denunciation may be transferred only once' : null),
  },
  /**
   * A denunciation to be verified at several places: its initial handling may take up to 10 working
   * days instead of 7 (Denunciations Law 2018 art. 24(1)).
   */
  verifyAtSeveralPlaces: {
    from: ['ASSIGNED'],
    by: ['AGENCY_OFFICER'],
    input: z.object({ reason }).strict(),
    refusal: (f) => {
      if (f.type !== 'DENUNCIATION') return 'Chỉ áp dụng với đơn tố cáo / only for a denunciation';
      return f.firstStep?.inputs.severalPlaces ? 'Đã áp dụng thời hạn xác minh tại nhiều địa điểm / already verified at several places' : null;
    },
  },
  /** Hướng dẫn the citizen to the right body. */
  guide: { from: ['ASSIGNED'], by: ['AGENCY_OFFICER'], input: z.object({ reason }).strict() },
  /** Không thụ lý, with reasons; a complaint also on the ground that its window has passed (the reason then states the dates). */
  refuse: {
    from: ['ASSIGNED'],
    by: ['AGENCY_OFFICER'],
    input: z
      .object({ reason: reason.optional(), refusalGround: z.enum(REFUSAL_GROUNDS).optional() })
      .strict()
      .refine((d) => d.refusalGround || d.reason, { path: ['reason'], message: 'Cần nêu lý do / a reason is required' }),
    onlyFor: { refusalGround: { types: COMPLAINTS, refusal: 'Chỉ khiếu nại mới có thời hiệu / only a complaint has a limitation period' } },
    refusal: (f, input) => (input.refusalGround === 'FILING_WINDOW_PASSED' ? lateFilingRefusal(f.filingWindow) : null),
  },
  requestInfo: { from: ['ACCEPTED'], by: ['AGENCY_OFFICER'], input: z.object({ reason }).strict() },
  provideInfo: { from: ['AWAITING_INFO'], by: ['AGENCY_OFFICER', 'RECEPTION_OFFICER', 'CITIZEN'], ...withDocuments({ note }) },
  requestExtension: { from: IN_PROGRESS, by: ['AGENCY_OFFICER'], input: z.object({ reason }).strict(), refusal: extensionRefusal },
  decideExtension: {
    from: IN_PROGRESS,
    by: ['HEAD_OF_GOVERNMENT'],
    // A refusal says why: the agency and the citizen are told.
    input: z
      .object({ approved: z.boolean(), note })
      .strict()
      .refine((d) => d.approved || Boolean(d.note), { path: ['note'], message: 'Cần nêu lý do không đồng ý gia hạn / a refusal needs its reason' }),
    refusal: (f) => (f.extensionPending ? null : 'Không có yêu cầu gia hạn nào đang chờ / no extension request is pending'),
  },
  reclassify: { from: IN_PROGRESS, by: ['AGENCY_OFFICER'], input: z.object({ complexity: z.enum(COMPLEXITIES), reason }).strict() },
  answer: {
    from: ['ACCEPTED'],
    by: ['AGENCY_OFFICER'],
    ...withDocuments({
      answer: z.string().trim().min(1, 'Cần nội dung trả lời / the answer is required').max(20_000),
      documents: z.array(documentRef).max(50).optional(),
      // Who signed a first complaint's decision, when not the agency's own head: its second complaint goes to their superior.
      decidedBy: z.enum(DECIDER_ROLES).optional(),
    }),
    onlyFor: { decidedBy: { types: ['COMPLAINT_FIRST'], refusal: 'Chỉ quyết định giải quyết khiếu nại lần đầu mới ghi người ký / only a first complaint’s decision records who signed it' } },
  },
  rate: {
    from: ['ANSWERED'],
    by: ['CITIZEN'],
    input: z.object({ satisfied: z.boolean(), comment: note }).strict(),
    refusal: (f) => (f.rated ? 'Công dân đã đánh giá câu trả lời / the answer has already been rated' : null),
  },
  appeal: {
    from: ['ANSWERED'],
    by: ['CITIZEN'],
    ...withDocuments({ reason }),
    refusal: (f, _input, now) => (f.type === 'COMPLAINT_FIRST' ? appealWindowRefusal(f.appealDueAt, now) : 'Chỉ khiếu nại lần đầu mới được khiếu nại lần hai / only a first complaint can be appealed'),
  },
  withdraw: {
    from: [...OPEN_STATUSES, 'ANSWERED'],
    by: ['CITIZEN'],
    input: z.object({ reason }).strict(),
    refusal: (f) => (f.type && WITHDRAWABLE.includes(f.type) ? null : 'Chỉ khiếu nại, tố cáo mới được rút / only complaints and denunciations can be withdrawn'),
  },
  /** Tạm đình chỉ: a complaint's resolution suspended by a written decision with reasons (its scan may be uploaded); the clock stands. */
  suspend: { from: ['ACCEPTED'], by: ['AGENCY_OFFICER'], ...withDocuments({ ...decision, reason }), refusal: amendedComplaintRefusal },
  /** The decision that resumes a suspended resolution; the suspended time is added back. */
  resumeResolution: { from: ['SUSPENDED'], by: ['AGENCY_OFFICER'], ...withDocuments({ ...decision, note }), refusal: amendedComplaintRefusal },
  /** Đình chỉ: a complaint's resolution ends by a decision on a ground of the law; the case closes. */
  terminate: { from: BEING_RESOLVED, by: ['AGENCY_OFFICER'], ...withDocuments({ ground: z.enum(TERMINATION_GROUNDS), ...decision, reason }), refusal: amendedComplaintRefusal },
  /** The complainant withdraws part of the complaint in writing; the resolution continues on the rest. */
  withdrawPart: { from: BEING_RESOLVED, by: ['AGENCY_OFFICER'], input: z.object({ parts: text(5000) }).strict(), refusal: amendedComplaintRefusal },
  /** The dialogue with the complainant: held, or the complainant did not come and the resolution continues. */
  recordDialogue: { from: ['ACCEPTED'], by: ['AGENCY_OFFICER'], input: z.object({ complainantAttended: z.boolean(), note: text(5000) }).strict(), refusal: amendedComplaintRefusal },
  /**
   * The agency sent in writing what it could not mail: the accused told of the acceptance
   * (Denunciations Law 2018 art. 29), or the forwarding body of the result (art. 26(2)). It meets
   * that deadline and stops its ladder. `letter`: its number and date.
   */
  recordWrittenNotice: {
    from: [...OPEN_STATUSES, 'ANSWERED'],
    by: ['AGENCY_OFFICER'],
    input: z.object({ to: z.enum(['accused', 'forwarder']), letter: text(300) }).strict(),
    refusal: writtenNoticeRefusal,
  },
  /** An internal note on the case for colleagues: in the staff timeline, never shown to the citizen. */
  note: { from: [...OPEN_STATUSES, 'ANSWERED'], by: ['AGENCY_OFFICER', 'RECEPTION_OFFICER', 'HEAD_OF_GOVERNMENT'], input: z.object({ note: text(5000) }).strict() },
  /** Closes a duplicate into an open case, named as officers know it; the API resolves it within the caller's scope. */
  merge: {
    from: OPEN_STATUSES,
    by: ['AGENCY_OFFICER', 'RECEPTION_OFFICER'],
    input: z.object({ targetTrackingCode: text(40).toUpperCase(), reason }).strict(),
    update: z.object({ targetCaseId: z.string().uuid(), reason }).strict(),
  },
} as const satisfies Record<string, ActionSpec>;

export type CaseAction = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseAction[];

/** An action's name as it comes in a URL. */
export const caseActionName = z.enum(CASE_ACTION_NAMES as [CaseAction, ...CaseAction[]]);

/** The body of an action as the API receives it. */
export type ActionInput<A extends CaseAction> = z.output<(typeof CASE_ACTIONS)[A]['input']>;

/** The body of an action as its workflow update takes it. */
export type UpdateInput<A extends CaseAction> = (typeof CASE_ACTIONS)[A] extends { update: infer U extends z.ZodType } ? z.output<U> : ActionInput<A>;

/** What the workflow update takes, besides who acts. */
export function updateSchemaOf(action: CaseAction): z.ZodObject {
  const spec: ActionSpec = CASE_ACTIONS[action];
  return spec.update ?? spec.input;
}

export class InvalidTransition extends Error {
  constructor(
    readonly action: CaseAction,
    readonly status: CaseStatus,
    reason?: string,
  ) {
    super(reason ?? `Không thể thực hiện "${action}" khi hồ sơ đang ở trạng thái ${status} / action "${action}" is not allowed in status ${status}`);
    this.name = 'InvalidTransition';
  }
}

/** Why `action` is refused for this case now (status first, then its own rule), or null. */
export function refusalOf(f: RuleFacts, action: CaseAction, input: Record<string, unknown> = {}, now = new Date()): string | null {
  const spec: ActionSpec = CASE_ACTIONS[action];
  if (!spec.from.includes(f.status)) return new InvalidTransition(action, f.status).message;
  const misplaced = Object.entries(spec.onlyFor ?? {}).find(([field, only]) => input[field] !== undefined && !(f.type && only.types.includes(f.type)));
  return misplaced?.[1].refusal ?? spec.refusal?.(f, input, now) ?? null;
}

/** An action's form for a case: its body as JSON Schema, without the fields this case type does not take. */
export interface ActionForm {
  properties: Record<string, Record<string, unknown>>;
  required: string[];
}

export function actionForm(action: CaseAction, f: Pick<RuleFacts, 'type'>): ActionForm {
  const spec: ActionSpec = CASE_ACTIONS[action];
  const schema = z.toJSONSchema(spec.input, { io: 'input' }) as { properties?: ActionForm['properties']; required?: string[] };
  const takes = (field: string) => !spec.onlyFor?.[field] || Boolean(f.type && spec.onlyFor[field].types.includes(f.type));
  return {
    properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([field]) => takes(field))),
    required: (schema.required ?? []).filter(takes),
  };
}

/** Throws with the reason when `action` is not allowed now. */
export function assertAllowed(f: RuleFacts, action: CaseAction, input: Record<string, unknown> = {}): void {
  const reason = refusalOf(f, action, input);
  if (reason) throw new InvalidTransition(action, f.status, reason);
}

/** The actions `who` may take. */
export function actionsOf(who: CaseActor | string): CaseAction[] {
  return CASE_ACTION_NAMES.filter((a) => (CASE_ACTIONS[a].by as readonly string[]).includes(who));
}

/** Of what `who` may do, what this case allows now, its own rules included (a pending request, the caps). */
export function allowedActions(f: RuleFacts, who: CaseActor | string): CaseAction[] {
  return actionsOf(who).filter((a) => refusalOf(f, a) === null);
}
