import { describeDuration, describeDurationEn } from './legal-clock';
import { formatVnDateTime } from './local-time';
import { UNASSIGNED, type CaseNoticeContext, type CaseTemplate, type CitizenEvent, type Language } from './notice-templates';
import { toGsm7 } from './gsm7';

/**
 * The SMS form of a notice: one or two short messages with the tracking code and a link. Only the
 * citizen's own notices and the escalations to heads and Front committees go by SMS; everything
 * else is mail only (null). Written with diacritics; `gsm7` takes them off for centres that carry
 * only the GSM-7 alphabet.
 */
export function renderSms(template: CaseTemplate, lang: Language, c: CaseNoticeContext, { gsm7 }: { gsm7: boolean }): string | null {
  const render = (lang === 'vi' ? VI : EN)[template];
  if (!render) return null;
  const due = c.dueAt ? formatVnDateTime(c.dueAt) : '';
  const text = render({ ...c, agencyName: c.agencyName ?? UNASSIGNED[lang] }, due).replace(/\s+/g, ' ').trim();
  return gsm7 ? toGsm7(text) : text;
}

type Sms = (c: CaseNoticeContext & { agencyName: string }, due: string) => string;

const short = (s: string, max = 50) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const STEP_VI = { first_step: 'hạn thụ lý', resolution: 'hạn giải quyết', accused_notice: 'hạn thông báo người bị tố cáo', forwarder_result: 'hạn báo kết quả nơi chuyển đơn' } as Record<string, string>;
const STEP_EN = { first_step: 'acceptance deadline', resolution: 'resolution deadline', accused_notice: 'deadline to notify the accused', forwarder_result: 'deadline to tell the forwarder' } as Record<string, string>;

// Every event, so a new one cannot reach a citizen's phone as "undefined".
const EVENT_VI: Record<CitizenEvent, string> = {
  accepted: 'đã được thụ lý', refused: 'không được thụ lý', guided: 'không thuộc thẩm quyền, có hướng dẫn', transferred: 'đã được chuyển cơ quan có thẩm quyền',
  info_requested: 'cần bổ sung thông tin', extension_decided: 'có quyết định gia hạn', answered: 'đã có kết quả trả lời', reopened: 'được mở lại',
  closed: 'đã kết thúc', appealed: 'đã chuyển khiếu nại lần hai',
  suspended: 'bị tạm đình chỉ giải quyết', resumed: 'được tiếp tục giải quyết', terminated: 'bị đình chỉ giải quyết', partly_withdrawn: 'đã được rút một phần, phần còn lại tiếp tục giải quyết',
};
const EVENT_EN: Record<CitizenEvent, string> = {
  accepted: 'was accepted', refused: 'was not accepted', guided: 'is outside this body’s competence: see the guidance', transferred: 'was transferred to the competent body',
  info_requested: 'needs more information', extension_decided: 'has an extension decision', answered: 'was answered', reopened: 'was reopened',
  closed: 'was closed', appealed: 'became a second complaint',
  suspended: 'has its resolution suspended', resumed: 'is being resolved again', terminated: 'has its resolution terminated', partly_withdrawn: 'was withdrawn in part; the rest is still being resolved',
};

const VI: Partial<Record<CaseTemplate, Sms>> = {
  citizen_receipt: (c, due) =>
    `Đã nhận đơn ${c.trackingCode}. ${c.secret ? `Mã bí mật: ${c.secret} (không đưa ai, kể cả cán bộ).` : 'Mất mã bí mật: xin mã mới trên trang theo dõi.'} ` +
    `Hạn thụ lý: ${c.firstStepLimit ? describeDuration(c.firstStepLimit) : ''}${c.dueAt ? `${c.firstStepLimit ? ', ' : ''}đến ${due}` : ''}. Theo dõi: ${c.url}`,
  citizen_update: (c, due) => `Đơn ${c.trackingCode} ${EVENT_VI[c.citizenEvent ?? 'closed']}.${c.dueAt ? ` Hạn: ${due}.` : ''} Xem: ${c.url}`,
  citizen_secret: (c) => `Mã bí mật mới cho hồ sơ ${c.trackingCode}: ${c.secret ?? ''}. Mã cũ hết hiệu lực. Không đưa mã cho ai. Nếu không yêu cầu, bỏ qua tin này.`,
  overdue_head: (c, due) =>
    `[${c.trackingCode}] Quá ${STEP_VI[c.step ?? ''] ?? 'hạn'} lúc ${due}${c.scope === 'superior' ? ' (báo cáo cấp trên)' : ''}: "${short(c.caseTitle)}" - ${c.agencyName}. Đề nghị chỉ đạo giải quyết. ${c.url}`,
  overdue_front: (c, due) => `[${c.trackingCode}] Quá ${STEP_VI[c.step ?? ''] ?? 'hạn'} lúc ${due}: "${short(c.caseTitle)}" - ${c.agencyName}. Để MTTQ giám sát. ${c.url}`,
};

const EN: Partial<Record<CaseTemplate, Sms>> = {
  citizen_receipt: (c, due) =>
    `Petition ${c.trackingCode} received. ${c.secret ? `Secret: ${c.secret} (never give it to anyone, officials included).` : 'Lost your secret? Ask for a new one on the tracking page.'} ` +
    `Acceptance within ${c.firstStepLimit ? describeDurationEn(c.firstStepLimit) : ''}${c.dueAt ? `${c.firstStepLimit ? ', ' : ''}by ${due}` : ''}. Track: ${c.url}`,
  citizen_update: (c, due) => `Petition ${c.trackingCode} ${EVENT_EN[c.citizenEvent ?? 'closed']}.${c.dueAt ? ` Due: ${due}.` : ''} See: ${c.url}`,
  citizen_secret: (c) => `New secret for case ${c.trackingCode}: ${c.secret ?? ''}. The old one no longer works. Never share it. Did not ask? Ignore this.`,
  overdue_head: (c, due) =>
    `[${c.trackingCode}] ${STEP_EN[c.step ?? ''] ?? 'deadline'} passed at ${due}${c.scope === 'superior' ? ' (escalated)' : ''}: "${short(c.caseTitle)}" - ${c.agencyName}. Please direct its resolution. ${c.url}`,
  overdue_front: (c, due) => `[${c.trackingCode}] ${STEP_EN[c.step ?? ''] ?? 'deadline'} passed at ${due}: "${short(c.caseTitle)}" - ${c.agencyName}. For the Front to supervise. ${c.url}`,
};
