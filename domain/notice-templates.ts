import { CASE_TYPE_LABELS, type CaseType } from './case-types';
import { formatVnDateTime } from './local-time';
import { describeDuration, describeDurationEn, type DeadlineStep, type Duration } from './legal-clock';
import { describeOverdue } from './overdue';

export type Language = 'vi' | 'en';

/** The rungs of every escalation ladder: a reminder, then the head of government, then the Front to supervise. */
type LadderTemplate = 'reminder' | 'overdue_head' | 'overdue_front';

export type CaseTemplate =
  | LadderTemplate
  | 'assignment'
  | 'needs_routing'
  | 'extension_requested'
  | 'extension_decided'
  | 'inspectorate_notice'
  | 'accused_notice'
  | 'forwarder_notice'
  | 'respondent_notice'
  | 'accused_extension'
  | 'forwarder_result'
  | 'citizen_update'
  | 'citizen_receipt'
  | 'citizen_secret';
export type SessionTemplate = LadderTemplate | 'session_rollup';
export type RecommendationTemplate = LadderTemplate | 'recommendation_received' | 'recommendation_answered';

/** What the citizen is told about. */
export type CitizenEvent =
  | 'accepted'
  | 'refused'
  | 'guided'
  | 'transferred'
  | 'info_requested'
  | 'extension_decided'
  | 'answered'
  | 'reopened'
  | 'closed'
  | 'appealed'
  | 'suspended'
  | 'resumed'
  | 'terminated'
  | 'partly_withdrawn';

/** A notice about a case, as its recipient may see it. */
export interface CaseNoticeContext {
  subject: 'case';
  recipientName: string;
  caseTitle: string;
  caseType: CaseType;
  trackingCode: string;
  unitName: string;
  /** null until an agency is assigned. */
  agencyName: string | null;
  dueAt: Date | null;
  step: DeadlineStep | null;
  /** The citizen's tracking page, or the case in the console for staff. */
  url: string;
  /** Escalation to the case's own unit, or to its superior unit after the grace period. */
  scope?: 'unit' | 'superior';
  citizenEvent?: CitizenEvent;
  /** Free text from the officer: a reason, the answer, a decision. */
  note?: string;
  /** When the case was received: how a forwarding body knows which letter the result is about. */
  receivedAt?: Date;
  /** The citizen's secret: in the receipt sent right after submission and in a new secret (never stored). */
  secret?: string;
  /** The acceptance limit of the case type, said in words in the receipt ("10 ngày làm việc"). */
  firstStepLimit?: Duration;
}

/** A notice about a dialogue session's written conclusion (thông báo kết luận) and its follow-up. */
export interface SessionNoticeContext {
  subject: 'session';
  recipientName: string;
  /** Its topic, unit and date. */
  title: string;
  unitName: string;
  /** Who chaired it; the head answers for the notice even when a deputy chaired. */
  chairName: string;
  /** The notice's deadline. */
  dueAt: Date | null;
  scope: 'unit' | 'superior';
  rollup: { opinions: number; resolved: number; open: number };
  url: string;
}

/** A notice about a Front committee's supervision recommendation. */
export interface RecommendationNoticeContext {
  subject: 'recommendation';
  recipientName: string;
  /** What the Front recommends, and the head's answer once given. */
  content: string;
  response: string | null;
  unitName: string;
  frontName: string;
  /** The answer's deadline. */
  dueAt: Date | null;
  scope: 'unit' | 'superior';
  url: string;
}

/** The periodic digest of a unit's overdue cases. */
export interface DigestNoticeContext {
  subject: 'digest';
  recipientName: string;
  unitName: string;
  /** Most overdue first. */
  lines: DigestLine[];
  url: string;
}

export interface DigestLine {
  trackingCode: string;
  title: string;
  /** null while the case has no agency. */
  agencyName: string | null;
  unitName: string;
  step: DeadlineStep;
  dueAt: Date;
  /** How long past due when the digest was made. */
  overdueMs: number;
}

/** Each subject's context and the templates written for it. */
interface Subjects {
  case: { context: CaseNoticeContext; template: CaseTemplate };
  session: { context: SessionNoticeContext; template: SessionTemplate };
  recommendation: { context: RecommendationNoticeContext; template: RecommendationTemplate };
  digest: { context: DigestNoticeContext; template: 'overdue_digest' };
}
export type NoticeSubject = keyof Subjects;
export type TemplateOf<S extends NoticeSubject> = Subjects[S]['template'];
export type ContextOf<S extends NoticeSubject> = Subjects[S]['context'];
export type NoticeContext = ContextOf<NoticeSubject>;
export type NoticeTemplate = TemplateOf<NoticeSubject>;

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

/** `private`: for someone with no account and no right to the case (the accused): no link, no tracking code. */
type Lines = { subject: string; body: string[]; private?: true };
type CaseRender = (c: CaseNoticeContext & { agencyName: string }, due: string, type: string, step: string) => Lines;
type Render<C> = (c: C, due: string) => Lines;

const STEP: Record<DeadlineStep, Record<Language, string>> = {
  first_step: { vi: 'thời hạn thụ lý', en: 'acceptance deadline' },
  recommendation_response: { vi: 'thời hạn trả lời kiến nghị giám sát', en: 'deadline to answer the supervision recommendation' },
  resolution: { vi: 'thời hạn giải quyết', en: 'resolution deadline' },
  session_notice: { vi: 'thời hạn ra thông báo kết luận', en: 'deadline for the written conclusion' },
  rating: { vi: 'thời hạn đánh giá', en: 'rating window' },
  accused_notice: { vi: 'thời hạn thông báo bằng văn bản cho người bị tố cáo', en: 'deadline for the written notice to the accused' },
  forwarder_result: { vi: 'thời hạn thông báo kết quả xử lý cho cơ quan chuyển đơn', en: 'deadline to tell the forwarding body the result' },
  appeal_window: { vi: 'thời hạn khiếu nại lần hai', en: 'deadline for a second complaint' },
};

/** In place of the agency while none is assigned. */
export const UNASSIGNED: Record<Language, string> = { vi: '(chưa phân công)', en: '(not yet assigned)' };

/** The result of a denunciation's handling as the body or press that forwarded it is told (Denunciations Law 2018 art. 26(2)). */
const FORWARDED_RESULT: Partial<Record<CitizenEvent, Record<Language, string>>> = {
  accepted: { vi: 'đã được thụ lý giải quyết', en: 'has been accepted for resolution' },
  refused: { vi: 'không được thụ lý', en: 'was not accepted' },
  guided: { vi: 'không thuộc thẩm quyền; người tố cáo đã được hướng dẫn đến cơ quan có thẩm quyền', en: 'is outside this body’s competence; the denouncer was guided to the competent body' },
  transferred: { vi: 'đã được chuyển đến cơ quan có thẩm quyền giải quyết', en: 'has been transferred to the competent body' },
};
const forwardedResult = (c: CaseNoticeContext, lang: Language) => (FORWARDED_RESULT[c.citizenEvent ?? 'closed'] ?? CITIZEN_EVENT[c.citizenEvent ?? 'closed'])[lang];
const receivedOn = (c: CaseNoticeContext) => (c.receivedAt ? formatVnDateTime(c.receivedAt).slice(0, 10) : '');

const CITIZEN_EVENT: Record<CitizenEvent, Record<Language, string>> = {
  accepted: { vi: 'đã được thụ lý giải quyết', en: 'has been accepted for resolution' },
  refused: { vi: 'không được thụ lý', en: 'was not accepted' },
  guided: { vi: 'không thuộc thẩm quyền; xin hướng dẫn như sau', en: 'is outside this body’s competence; please follow this guidance' },
  transferred: { vi: 'đã được chuyển đến cơ quan có thẩm quyền', en: 'has been transferred to the competent body' },
  info_requested: { vi: 'cần bổ sung thông tin, tài liệu', en: 'needs more information from you' },
  extension_decided: { vi: 'có quyết định về gia hạn thời hạn giải quyết', en: 'has a decision on extending its deadline' },
  answered: { vi: 'đã có kết quả trả lời', en: 'has been answered' },
  reopened: { vi: 'được mở lại để xem xét tiếp', en: 'has been reopened' },
  closed: { vi: 'đã kết thúc', en: 'has been closed' },
  appealed: { vi: 'đã được chuyển thành khiếu nại lần hai lên cấp trên', en: 'has become a second complaint to the superior body' },
  suspended: { vi: 'bị tạm đình chỉ giải quyết; thời gian tạm đình chỉ không tính vào thời hạn giải quyết', en: 'has its resolution suspended; the suspended time does not count towards the deadline' },
  resumed: { vi: 'được tiếp tục giải quyết', en: 'is being resolved again' },
  terminated: { vi: 'bị đình chỉ giải quyết', en: 'has its resolution terminated' },
  partly_withdrawn: { vi: 'được rút một phần; phần còn lại tiếp tục được giải quyết', en: 'is withdrawn in part; the rest is still being resolved' },
};

/** Every event the citizen is told of. */
export const CITIZEN_EVENTS = Object.keys(CITIZEN_EVENT) as CitizenEvent[];

/** The receipt's first due date: the limit in words, and the date once it is computed. */
function receiptDue(c: CaseNoticeContext, due: string, lang: Language): string {
  const limit = c.firstStepLimit ? (lang === 'vi' ? describeDuration(c.firstStepLimit) : describeDurationEn(c.firstStepLimit)) : null;
  if (lang === 'vi') return limit ? `trong ${limit}${c.dueAt ? `, hạn thụ lý ${due}` : ''}` : c.dueAt ? `trước ${due}` : 'trong thời hạn luật định';
  return limit ? `within ${limit}${c.dueAt ? `, by ${due}` : ''}` : c.dueAt ? `by ${due}` : 'within the legal time limit';
}

const CASE_VI: Record<CaseTemplate, CaseRender> = {
  needs_routing: (c, due, type) => ({
    subject: `[${c.trackingCode}] Cần phân công xử lý: ${c.caseTitle}`,
    body: [
      `Kính gửi ${c.recipientName},`,
      c.note ? `Cơ quan được giao đã trả lại ${type} "${c.caseTitle}" (${c.unitName}). Lý do: ${c.note}` : `Không có quy tắc phân công phù hợp cho ${type} "${c.caseTitle}" (${c.unitName}).`,
      `Đề nghị phân công cơ quan xử lý trước hạn thụ lý ${due}.`,
    ],
  }),
  assignment: (c, due, type) => ({
    subject: `[${c.trackingCode}] Giao xử lý: ${c.caseTitle}`,
    body: [`Kính gửi ${c.recipientName},`, `${c.agencyName} được giao xử lý ${type} "${c.caseTitle}" (${c.unitName}).`, `Hạn thụ lý: ${due}.`],
  }),
  reminder: (c, due, type, step) => ({
    subject: `[${c.trackingCode}] Nhắc hạn: ${c.caseTitle}`,
    body: [`Kính gửi ${c.recipientName},`, `Hồ sơ ${type} "${c.caseTitle}" sắp đến ${step}: ${due}.`, 'Đề nghị khẩn trương xử lý.'],
  }),
  overdue_head: (c, due, type, step) => ({
    subject: `[${c.trackingCode}] Quá hạn${c.scope === 'superior' ? ' (báo cáo cấp trên)' : ''}: ${c.caseTitle}`,
    body: [
      `Kính gửi đồng chí ${c.recipientName},`,
      `Hồ sơ ${type} "${c.caseTitle}" giao ${c.agencyName} (${c.unitName}) đã quá ${step} lúc ${due}${c.scope === 'superior' ? ' và vẫn chưa được xử lý sau thời gian gia hạn đôn đốc' : ''}.`,
      'Đề nghị đồng chí chỉ đạo, đôn đốc giải quyết.',
    ],
  }),
  overdue_front: (c, due, type, step) => ({
    subject: `[${c.trackingCode}] Thông báo quá hạn để giám sát: ${c.caseTitle}`,
    body: [`Kính gửi ${c.recipientName},`, `Hồ sơ ${type} "${c.caseTitle}" giao ${c.agencyName} (${c.unitName}) đã quá ${step} lúc ${due}.`, 'Thông báo để Mặt trận Tổ quốc theo dõi, giám sát.'],
  }),
  extension_requested: (c, due, type) => ({
    subject: `[${c.trackingCode}] Đề nghị gia hạn: ${c.caseTitle}`,
    body: [`Kính gửi đồng chí ${c.recipientName},`, `${c.agencyName} đề nghị gia hạn giải quyết ${type} "${c.caseTitle}" (hạn hiện tại ${due}).`, `Lý do: ${c.note ?? ''}`, 'Đề nghị đồng chí xem xét, quyết định.'],
  }),
  extension_decided: (c, due) => ({
    subject: `[${c.trackingCode}] Quyết định gia hạn: ${c.caseTitle}`,
    body: [`Kính gửi ${c.recipientName},`, `${c.note ?? ''}`, `Hạn giải quyết: ${due}.`],
  }),
  inspectorate_notice: (c, due, type) => ({
    subject: `[${c.trackingCode}] Thông báo thụ lý ${type}: ${c.caseTitle}`,
    body: [`Kính gửi ${c.recipientName},`, `${c.agencyName} đã thụ lý ${type} "${c.caseTitle}" (${c.unitName}). Hạn giải quyết: ${due}.`],
  }),
  // Nothing the denouncer wrote (title, content) and nothing that leads to the case: Denunciations Law 2018 art. 9.
  accused_notice: (c, due) => ({
    subject: `Thông báo thụ lý tố cáo — ${c.agencyName}`,
    body: [
      `Kính gửi ông/bà ${c.recipientName},`,
      `${c.agencyName} (${c.unitName}) đã thụ lý giải quyết tố cáo liên quan đến ông/bà.`,
      c.note ? `Nội dung tố cáo: ${c.note}` : 'Nội dung tố cáo sẽ được cơ quan giải quyết thông báo trực tiếp với ông/bà.',
      ...(c.dueAt ? [`Thời hạn giải quyết: ${due}.`] : []),
      'Thông báo theo Điều 29 Luật Tố cáo năm 2018. Ông/bà có quyền được giải trình và được bảo vệ quyền, lợi ích hợp pháp khi chưa có kết luận.',
    ],
    private: true,
  }),
  // A body with no account here: no link; nothing about the petitioner.
  forwarder_notice: (c, due, type) => ({
    subject: `[${c.trackingCode}] Thông báo ${c.citizenEvent === 'refused' ? 'không thụ lý' : 'thụ lý'} ${type}: ${c.caseTitle}`,
    body: [
      `Kính gửi ${c.recipientName},`,
      `Đơn ${type} "${c.caseTitle}" do quý cơ quan, tổ chức chuyển đến ${CITIZEN_EVENT[c.citizenEvent ?? 'accepted'].vi}; cơ quan giải quyết: ${c.agencyName} (${c.unitName}).`,
      ...(c.note ? [`Lý do: ${c.note}`] : []),
      ...(c.dueAt ? [`Thời hạn giải quyết: ${due}.`] : []),
      'Thông báo theo Điều 27 Luật Khiếu nại năm 2011.',
    ],
    private: true,
  }),
  // The person complained against has no account here: no link; nothing about the complainant.
  respondent_notice: (c, due, type) => ({
    subject: `Thông báo về việc giải quyết ${type} — ${c.agencyName}`,
    body: [
      `Kính gửi ${c.recipientName},`,
      `Việc giải quyết ${type} "${c.caseTitle}" liên quan đến ông/bà (quý cơ quan) ${CITIZEN_EVENT[c.citizenEvent ?? 'closed'].vi}.`,
      ...(c.note ? [c.note] : []),
      ...(c.dueAt ? [`Thời hạn giải quyết: ${due}.`] : []),
      `Cơ quan giải quyết: ${c.agencyName} (${c.unitName}).`,
    ],
    private: true,
  }),
  // As the notice of acceptance: nothing of the denouncer, no link to the case.
  accused_extension: (c, due) => ({
    subject: `Thông báo gia hạn giải quyết tố cáo — ${c.agencyName}`,
    body: [
      `Kính gửi ông/bà ${c.recipientName},`,
      `${c.agencyName} (${c.unitName}) đã quyết định gia hạn thời hạn giải quyết tố cáo liên quan đến ông/bà.`,
      ...(c.dueAt ? [`Thời hạn giải quyết sau khi gia hạn: ${due}.`] : []),
      'Thông báo theo Điều 30 khoản 4 Luật Tố cáo năm 2018.',
    ],
    private: true,
  }),
  // The forwarder knows the letter it sent: named by its date, never by its title (it may name the denouncer, art. 9).
  forwarder_result: (c, due) => ({
    subject: `Thông báo kết quả xử lý đơn tố cáo do quý cơ quan chuyển đến — ${c.agencyName}`,
    body: [
      `Kính gửi ${c.recipientName},`,
      `Đơn tố cáo quý cơ quan chuyển đến, ${c.unitName} tiếp nhận ngày ${receivedOn(c)}, ${forwardedResult(c, 'vi')} (${c.agencyName}).`,
      ...(c.note ? [c.note] : []),
      ...(c.dueAt ? [`Thời hạn giải quyết: ${due}.`] : []),
      'Thông báo theo Điều 26 khoản 2 Luật Tố cáo năm 2018.',
    ],
    private: true,
  }),
  citizen_update: (c, due, type) => ({
    subject: `[${c.trackingCode}] Đơn của ông/bà ${CITIZEN_EVENT[c.citizenEvent ?? 'closed'].vi}`,
    body: [
      `Kính gửi ông/bà ${c.recipientName},`,
      `Đơn ${type} "${c.caseTitle}" (mã hồ sơ ${c.trackingCode}) ${CITIZEN_EVENT[c.citizenEvent ?? 'closed'].vi}.`,
      ...(c.note ? [c.note] : []),
      ...(c.dueAt ? [`Thời hạn: ${due}.`] : []),
    ],
  }),
  citizen_receipt: (c, due, type) => ({
    subject: `[${c.trackingCode}] Biên nhận đơn của ông/bà`,
    body: [
      `Kính gửi ông/bà ${c.recipientName},`,
      `${c.unitName} đã tiếp nhận ${type} "${c.caseTitle}" của ông/bà.`,
      `Mã hồ sơ: ${c.trackingCode} (dùng để theo dõi hồ sơ).`,
      c.secret
        ? `Mã bí mật: ${c.secret} (dùng để đánh giá kết quả, bổ sung thông tin, rút đơn hoặc khiếu nại tiếp; không đưa mã này cho ai, kể cả cán bộ).`
        : 'Mã bí mật đã hiện trên màn hình khi nộp đơn. Nếu ông/bà không lưu lại, hãy chọn "Gửi lại mã bí mật" trên trang theo dõi hồ sơ để nhận mã mới.',
      `Tiếp theo: đơn được chuyển đến cơ quan có thẩm quyền; cơ quan đó thụ lý giải quyết, hướng dẫn, chuyển đơn hoặc trả lời không thụ lý và báo cho ông/bà ${receiptDue(c, due, 'vi')}.`,
    ],
  }),
  citizen_secret: (c) => ({
    subject: `[${c.trackingCode}] Mã bí mật mới cho hồ sơ của ông/bà`,
    body: [
      `Kính gửi ông/bà ${c.recipientName},`,
      `Theo yêu cầu, hệ thống đã cấp mã bí mật mới cho hồ sơ ${c.trackingCode} ("${c.caseTitle}").`,
      `Mã bí mật: ${c.secret ?? ''}`,
      'Mã này dùng để đánh giá kết quả, rút đơn, khiếu nại tiếp hoặc bổ sung thông tin; mã cũ không còn dùng được. Không đưa mã này cho ai, kể cả cán bộ.',
      'Nếu ông/bà không yêu cầu, xin bỏ qua thư này.',
    ],
  }),
};

const CASE_EN: Record<CaseTemplate, CaseRender> = {
  needs_routing: (c, due, type) => ({
    subject: `[${c.trackingCode}] Needs routing: ${c.caseTitle}`,
    body: [
      `Dear ${c.recipientName},`,
      c.note ? `The assigned agency returned the ${type} "${c.caseTitle}" (${c.unitName}). Reason: ${c.note}` : `No routing rule matches the ${type} "${c.caseTitle}" (${c.unitName}).`,
      `Please assign an agency before the acceptance deadline, ${due}.`,
    ],
  }),
  assignment: (c, due, type) => ({
    subject: `[${c.trackingCode}] Assigned: ${c.caseTitle}`,
    body: [`Dear ${c.recipientName},`, `${c.agencyName} has been assigned the ${type} "${c.caseTitle}" (${c.unitName}).`, `Accept by: ${due}.`],
  }),
  reminder: (c, due, type, step) => ({
    subject: `[${c.trackingCode}] Reminder: ${c.caseTitle}`,
    body: [`Dear ${c.recipientName},`, `The ${type} "${c.caseTitle}" reaches its ${step} at ${due}.`, 'Please act on it promptly.'],
  }),
  overdue_head: (c, due, type, step) => ({
    subject: `[${c.trackingCode}] Overdue${c.scope === 'superior' ? ' (escalated to the superior unit)' : ''}: ${c.caseTitle}`,
    body: [`Dear ${c.recipientName},`, `The ${type} "${c.caseTitle}" assigned to ${c.agencyName} (${c.unitName}) passed its ${step} at ${due}.`, 'Please direct and urge its resolution.'],
  }),
  overdue_front: (c, due, type, step) => ({
    subject: `[${c.trackingCode}] Overdue, for supervision: ${c.caseTitle}`,
    body: [`Dear ${c.recipientName},`, `The ${type} "${c.caseTitle}" assigned to ${c.agencyName} (${c.unitName}) passed its ${step} at ${due}.`, 'For the Fatherland Front to follow and supervise.'],
  }),
  extension_requested: (c, due, type) => ({
    subject: `[${c.trackingCode}] Extension requested: ${c.caseTitle}`,
    body: [`Dear ${c.recipientName},`, `${c.agencyName} asks to extend the ${type} "${c.caseTitle}" (due ${due}).`, `Reason: ${c.note ?? ''}`, 'Please decide.'],
  }),
  extension_decided: (c, due) => ({
    subject: `[${c.trackingCode}] Extension decided: ${c.caseTitle}`,
    body: [`Dear ${c.recipientName},`, `${c.note ?? ''}`, `Due: ${due}.`],
  }),
  inspectorate_notice: (c, due, type) => ({
    subject: `[${c.trackingCode}] ${type} accepted: ${c.caseTitle}`,
    body: [`Dear ${c.recipientName},`, `${c.agencyName} accepted the ${type} "${c.caseTitle}" (${c.unitName}). Due: ${due}.`],
  }),
  accused_notice: (c, due) => ({
    subject: `Notice: a denunciation has been accepted — ${c.agencyName}`,
    body: [
      `Dear ${c.recipientName},`,
      `${c.agencyName} (${c.unitName}) has accepted for resolution a denunciation concerning you.`,
      c.note ? `What it concerns: ${c.note}` : 'The agency will inform you directly of what it concerns.',
      ...(c.dueAt ? [`Due: ${due}.`] : []),
      'Notice under art. 29 of the Denunciations Law 2018. You may explain yourself, and your lawful rights are protected until a conclusion is reached.',
    ],
    private: true,
  }),
  forwarder_notice: (c, due, type) => ({
    subject: `[${c.trackingCode}] ${type} ${c.citizenEvent === 'refused' ? 'not accepted' : 'accepted'}: ${c.caseTitle}`,
    body: [
      `Dear ${c.recipientName},`,
      `The ${type} "${c.caseTitle}" you forwarded ${CITIZEN_EVENT[c.citizenEvent ?? 'accepted'].en}; resolving body: ${c.agencyName} (${c.unitName}).`,
      ...(c.note ? [`Reason: ${c.note}`] : []),
      ...(c.dueAt ? [`Resolution due: ${due}.`] : []),
      'Notice under art. 27 of the Complaints Law 2011.',
    ],
    private: true,
  }),
  respondent_notice: (c, due, type) => ({
    subject: `Notice on the resolution of a ${type} — ${c.agencyName}`,
    body: [
      `Dear ${c.recipientName},`,
      `The ${type} "${c.caseTitle}" concerning you ${CITIZEN_EVENT[c.citizenEvent ?? 'closed'].en}.`,
      ...(c.note ? [c.note] : []),
      ...(c.dueAt ? [`Resolution due: ${due}.`] : []),
      `Resolving body: ${c.agencyName} (${c.unitName}).`,
    ],
    private: true,
  }),
  accused_extension: (c, due) => ({
    subject: `Notice: the resolution of a denunciation has been extended — ${c.agencyName}`,
    body: [
      `Dear ${c.recipientName},`,
      `${c.agencyName} (${c.unitName}) has extended the time to resolve a denunciation concerning you.`,
      ...(c.dueAt ? [`Due after the extension: ${due}.`] : []),
      'Notice under art. 30(4) of the Denunciations Law 2018.',
    ],
    private: true,
  }),
  forwarder_result: (c, due) => ({
    subject: `The result of the denunciation you forwarded — ${c.agencyName}`,
    body: [
      `Dear ${c.recipientName},`,
      `The denunciation you forwarded, received by ${c.unitName} on ${receivedOn(c)}, ${forwardedResult(c, 'en')} (${c.agencyName}).`,
      ...(c.note ? [c.note] : []),
      ...(c.dueAt ? [`Due: ${due}.`] : []),
      'Notice under art. 26(2) of the Denunciations Law 2018.',
    ],
    private: true,
  }),
  citizen_update: (c, due, type) => ({
    subject: `[${c.trackingCode}] Your petition ${CITIZEN_EVENT[c.citizenEvent ?? 'closed'].en}`,
    body: [
      `Dear ${c.recipientName},`,
      `Your ${type} "${c.caseTitle}" (tracking code ${c.trackingCode}) ${CITIZEN_EVENT[c.citizenEvent ?? 'closed'].en}.`,
      ...(c.note ? [c.note] : []),
      ...(c.dueAt ? [`Due: ${due}.`] : []),
    ],
  }),
  citizen_receipt: (c, due, type) => ({
    subject: `[${c.trackingCode}] Receipt for your petition`,
    body: [
      `Dear ${c.recipientName},`,
      `${c.unitName} has received your ${type} "${c.caseTitle}".`,
      `Tracking code: ${c.trackingCode} (to follow the case).`,
      c.secret
        ? `Secret: ${c.secret} (you need it to rate the answer, provide information, withdraw or appeal; never give it to anyone, officials included).`
        : 'Your secret was shown on the screen when you submitted. If you did not keep it, choose "Send a new secret" on the tracking page.',
      `Next: the petition goes to the competent body, which accepts it, guides you elsewhere, transfers it or declines it, and tells you ${receiptDue(c, due, 'en')}.`,
    ],
  }),
  citizen_secret: (c) => ({
    subject: `[${c.trackingCode}] A new secret for your petition`,
    body: [
      `Dear ${c.recipientName},`,
      `As requested, a new secret was issued for the case ${c.trackingCode} ("${c.caseTitle}").`,
      `Secret: ${c.secret ?? ''}`,
      'You need it to rate the answer, withdraw, appeal or provide information; the old one no longer works. Never give it to anyone, officials included.',
      'If you did not ask for it, ignore this message.',
    ],
  }),
};


const SESSION_VI: Record<SessionTemplate, Render<SessionNoticeContext>> = {
  reminder: (c, due) => ({
    subject: `Nhắc hạn ra thông báo kết luận: ${c.title}`,
    body: [`Kính gửi đồng chí ${c.recipientName},`, `Buổi tiếp xúc, đối thoại "${c.title}" (chủ trì: ${c.chairName}) sắp đến thời hạn ra thông báo kết luận: ${due}.`, 'Đề nghị đồng chí ban hành thông báo kết luận bằng văn bản (Quy định 11-QĐi/TW).'],
  }),
  overdue_head: (c, due) => ({
    subject: `Quá hạn ra thông báo kết luận${c.scope === 'superior' ? ' (báo cáo cấp trên)' : ''}: ${c.title}`,
    body: [
      `Kính gửi đồng chí ${c.recipientName},`,
      `Buổi tiếp xúc, đối thoại "${c.title}" (chủ trì: ${c.chairName}) đã quá thời hạn ra thông báo kết luận lúc ${due}${c.scope === 'superior' ? ' và vẫn chưa có thông báo sau thời gian gia hạn đôn đốc' : ''}.`,
      'Đề nghị đồng chí chỉ đạo ban hành thông báo kết luận.',
    ],
  }),
  overdue_front: (c, due) => ({
    subject: `Thông báo quá hạn để giám sát: ${c.title}`,
    body: [`Kính gửi ${c.recipientName},`, `Buổi tiếp xúc, đối thoại "${c.title}" (chủ trì: ${c.chairName}) đã quá thời hạn ra thông báo kết luận lúc ${due}.`, 'Thông báo để Mặt trận Tổ quốc theo dõi, giám sát.'],
  }),
  session_rollup: (c) => ({
    subject: `Kết quả giải quyết ý kiến sau buổi đối thoại: ${c.title}`,
    body: [
      `Kính gửi ${c.recipientName},`,
      `Buổi tiếp xúc, đối thoại "${c.title}" (${c.unitName}) đã hoàn tất.`,
      `Số ý kiến: ${c.rollup.opinions}; đã giải quyết: ${c.rollup.resolved}; còn lại: ${c.rollup.open}.`,
      'Báo cáo để Mặt trận Tổ quốc giám sát việc thực hiện kết luận.',
    ],
  }),
};

const SESSION_EN: Record<SessionTemplate, Render<SessionNoticeContext>> = {
  reminder: (c, due) => ({
    subject: `Reminder, written conclusion due: ${c.title}`,
    body: [`Dear ${c.recipientName},`, `The written conclusion of the dialogue session "${c.title}" (chaired by ${c.chairName}) is due at ${due}.`, 'Please issue it in writing (Regulation 11-QĐi/TW).'],
  }),
  overdue_head: (c, due) => ({
    subject: `Written conclusion overdue${c.scope === 'superior' ? ' (escalated to the superior unit)' : ''}: ${c.title}`,
    body: [`Dear ${c.recipientName},`, `The written conclusion of the dialogue session "${c.title}" (chaired by ${c.chairName}) was due at ${due}.`, 'Please direct that it be issued.'],
  }),
  overdue_front: (c, due) => ({
    subject: `Overdue, for supervision: ${c.title}`,
    body: [`Dear ${c.recipientName},`, `The written conclusion of the dialogue session "${c.title}" (chaired by ${c.chairName}) was due at ${due}.`, 'For the Fatherland Front to follow and supervise.'],
  }),
  session_rollup: (c) => ({
    subject: `Follow-up of the dialogue session: ${c.title}`,
    body: [
      `Dear ${c.recipientName},`,
      `All opinions of the dialogue session "${c.title}" (${c.unitName}) are closed.`,
      `Opinions: ${c.rollup.opinions}; resolved: ${c.rollup.resolved}; open: ${c.rollup.open}.`,
      'For the Fatherland Front to supervise how the conclusions were carried out.',
    ],
  }),
};

const excerpt = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const RECOMMENDATION_VI: Record<RecommendationTemplate, Render<RecommendationNoticeContext>> = {
  recommendation_received: (c, due) => ({
    subject: `Kiến nghị giám sát của Mặt trận: ${excerpt(c.content)}`,
    body: [`Kính gửi đồng chí ${c.recipientName},`, `${c.frontName} kiến nghị: ${c.content}`, `Đề nghị trả lời trước ${due}.`],
  }),
  reminder: (c, due) => ({
    subject: `Nhắc hạn trả lời kiến nghị giám sát: ${excerpt(c.content)}`,
    body: [`Kính gửi đồng chí ${c.recipientName},`, `Kiến nghị giám sát của ${c.frontName} sắp đến hạn trả lời: ${due}.`, `Nội dung kiến nghị: ${c.content}`],
  }),
  overdue_head: (c, due) => ({
    subject: `Quá hạn trả lời kiến nghị giám sát${c.scope === 'superior' ? ' (báo cáo cấp trên)' : ''}: ${excerpt(c.content)}`,
    body: [`Kính gửi đồng chí ${c.recipientName},`, `Kiến nghị giám sát của ${c.frontName} (${c.unitName}) đã quá hạn trả lời lúc ${due}.`, `Nội dung kiến nghị: ${c.content}`, 'Đề nghị đồng chí chỉ đạo trả lời.'],
  }),
  overdue_front: (c, due) => ({
    subject: `Thông báo quá hạn để giám sát: ${excerpt(c.content)}`,
    body: [`Kính gửi ${c.recipientName},`, `Kiến nghị giám sát của ${c.frontName} (${c.unitName}) đã quá hạn trả lời lúc ${due}.`, `Nội dung kiến nghị: ${c.content}`, 'Thông báo để Mặt trận Tổ quốc theo dõi, giám sát.'],
  }),
  recommendation_answered: (c) => ({
    subject: `Trả lời kiến nghị giám sát: ${excerpt(c.content)}`,
    body: [`Kính gửi ${c.recipientName},`, `${c.unitName} trả lời kiến nghị giám sát "${excerpt(c.content)}":`, c.response ?? ''],
  }),
};

const RECOMMENDATION_EN: Record<RecommendationTemplate, Render<RecommendationNoticeContext>> = {
  recommendation_received: (c, due) => ({
    subject: `Supervision recommendation from the Front: ${excerpt(c.content)}`,
    body: [`Dear ${c.recipientName},`, `${c.frontName} recommends: ${c.content}`, `Please answer by ${due}.`],
  }),
  reminder: (c, due) => ({
    subject: `Reminder, answer due: ${excerpt(c.content)}`,
    body: [`Dear ${c.recipientName},`, `The answer to the supervision recommendation of ${c.frontName} is due at ${due}.`, `It recommends: ${c.content}`],
  }),
  overdue_head: (c, due) => ({
    subject: `Answer overdue${c.scope === 'superior' ? ' (escalated to the superior unit)' : ''}: ${excerpt(c.content)}`,
    body: [`Dear ${c.recipientName},`, `The answer to the supervision recommendation of ${c.frontName} (${c.unitName}) was due at ${due}.`, `It recommends: ${c.content}`, 'Please direct that it be answered.'],
  }),
  overdue_front: (c, due) => ({
    subject: `Overdue, for supervision: ${excerpt(c.content)}`,
    body: [`Dear ${c.recipientName},`, `The answer to the supervision recommendation of ${c.frontName} (${c.unitName}) was due at ${due}.`, `It recommends: ${c.content}`, 'For the Fatherland Front to follow and supervise.'],
  }),
  recommendation_answered: (c) => ({
    subject: `Answer to the supervision recommendation: ${excerpt(c.content)}`,
    body: [`Dear ${c.recipientName},`, `${c.unitName} answers the supervision recommendation "${excerpt(c.content)}":`, c.response ?? ''],
  }),
};

// "quá thời hạn thụ lý 5 giờ": hours under a day, never "0 ngày".
const digestLine = (l: DigestLine, lang: Language) => {
  const agency = l.agencyName ?? UNASSIGNED[lang];
  return lang === 'vi'
    ? `- [${l.trackingCode}] ${l.title} — ${agency} (${l.unitName}): quá ${STEP[l.step].vi} ${describeOverdue(l.overdueMs, 'vi')} (hạn ${formatVnDateTime(l.dueAt)})`
    : `- [${l.trackingCode}] ${l.title} — ${agency} (${l.unitName}): ${describeOverdue(l.overdueMs, 'en')} past the ${STEP[l.step].en} (due ${formatVnDateTime(l.dueAt)})`;
};

const DIGEST: Record<Language, Render<DigestNoticeContext>> = {
  vi: (c) => ({
    subject: `Tổng hợp hồ sơ quá hạn: ${c.lines.length} hồ sơ – ${c.unitName}`,
    body: [`Kính gửi ${c.recipientName},`, `${c.unitName} và các đơn vị trực thuộc có ${c.lines.length} hồ sơ quá hạn:`, ...c.lines.map((l) => digestLine(l, 'vi'))],
  }),
  en: (c) => ({
    subject: `Overdue cases: ${c.lines.length} – ${c.unitName}`,
    body: [`Dear ${c.recipientName},`, `${c.unitName} and the units under it have ${c.lines.length} overdue cases:`, ...c.lines.map((l) => digestLine(l, 'en'))],
  }),
};

/** The subject line and body of a notice, from its subject's own renderers. */
function lines(template: NoticeTemplate, lang: Language, ctx: NoticeContext): Lines {
  const due = ctx.subject === 'digest' || !ctx.dueAt ? '' : lang === 'vi' ? `${formatVnDateTime(ctx.dueAt)} (giờ Việt Nam)` : `${formatVnDateTime(ctx.dueAt)} (Vietnam time)`;
  switch (ctx.subject) {
    case 'case': {
      const type = CASE_TYPE_LABELS[ctx.caseType][lang].toLowerCase();
      const step = ctx.step ? STEP[ctx.step][lang] : '';
      return (lang === 'vi' ? CASE_VI : CASE_EN)[template as CaseTemplate]({ ...ctx, agencyName: ctx.agencyName ?? UNASSIGNED[lang] }, due, type, step);
    }
    case 'session':
      return (lang === 'vi' ? SESSION_VI : SESSION_EN)[template as SessionTemplate](ctx, due);
    case 'recommendation':
      return (lang === 'vi' ? RECOMMENDATION_VI : RECOMMENDATION_EN)[template as RecommendationTemplate](ctx, due);
    case 'digest':
      return DIGEST[lang](ctx, due);
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const LINK: Record<NoticeSubject, Record<Language, string>> = {
  case: { vi: 'Xem hồ sơ', en: 'Open the case' },
  session: { vi: 'Xem buổi đối thoại', en: 'Open the session' },
  recommendation: { vi: 'Xem kiến nghị', en: 'Open the recommendation' },
  digest: { vi: 'Xem danh sách quá hạn', en: 'Open the overdue list' },
};

/** A notice in the recipient's language: the template is one written for the context's subject. */
export function renderNotice<C extends NoticeContext>(template: TemplateOf<C['subject']>, lang: Language, ctx: C): RenderedNotice {
  const { subject, body, private: unlinked } = lines(template, lang, ctx);
  const linkLabel = LINK[ctx.subject][lang];
  const text = [...body, ...(unlinked ? [] : ['', `${linkLabel}: ${ctx.url}`])].join('\n');
  const link = unlinked ? '' : `<p><a href="${escapeHtml(ctx.url)}">${linkLabel}</a></p>`;
  const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><body>${body.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}${link}</body></html>`;
  return { subject, text, html };
}

/** Every template of each subject, as written (the tests render each in both languages). */
export const TEMPLATES_OF = {
  case: Object.keys(CASE_VI) as CaseTemplate[],
  session: Object.keys(SESSION_VI) as SessionTemplate[],
  recommendation: Object.keys(RECOMMENDATION_VI) as RecommendationTemplate[],
  digest: ['overdue_digest'],
} satisfies { [S in NoticeSubject]: TemplateOf<S>[] };
