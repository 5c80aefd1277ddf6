import { CASE_TYPE_LABELS, type CaseType } from './case-types';
import { formatVnDateTime } from './local-time';

export type Language = 'vi' | 'en';
export type NoticeTemplate = 'assignment' | 'overdue_head' | 'overdue_front';
export type DeadlineStep = 'first_step' | 'resolution';

export interface NoticeContext {
  recipientName: string;
  caseTitle: string;
  caseType: CaseType;
  trackingCode: string;
  unitName: string;
  agencyName: string;
  dueAt: Date | null;
  step: DeadlineStep | null;
  caseUrl: string;
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

const STEP_LABEL: Record<DeadlineStep, Record<Language, string>> = {
  first_step: { vi: 'thời hạn thụ lý', en: 'acceptance deadline' },
  resolution: { vi: 'thời hạn giải quyết', en: 'resolution deadline' },
};

function lines(template: NoticeTemplate, lang: Language, c: NoticeContext): { subject: string; body: string[] } {
  const due = c.dueAt ? `${formatVnDateTime(c.dueAt)} (giờ Việt Nam / Vietnam time)` : '';
  const type = CASE_TYPE_LABELS[c.caseType][lang];
  const step = c.step ? STEP_LABEL[c.step][lang] : '';
  if (lang === 'vi') {
    switch (template) {
      case 'assignment':
        return {
          subject: `[${c.trackingCode}] Giao xử lý: ${c.caseTitle}`,
          body: [`Kính gửi ${c.recipientName},`, `${c.agencyName} được giao xử lý ${type.toLowerCase()} "${c.caseTitle}" (${c.unitName}).`, `Hạn thụ lý: ${due}.`],
        };
      case 'overdue_head':
        return {
          subject: `[${c.trackingCode}] Quá hạn: ${c.caseTitle}`,
          body: [`Kính gửi đồng chí ${c.recipientName},`, `Hồ sơ ${type.toLowerCase()} "${c.caseTitle}" giao ${c.agencyName} (${c.unitName}) đã quá ${step} lúc ${due}.`, 'Đề nghị đồng chí chỉ đạo, đôn đốc giải quyết.'],
        };
      case 'overdue_front':
        return {
          subject: `[${c.trackingCode}] Thông báo quá hạn để giám sát: ${c.caseTitle}`,
          body: [`Kính gửi ${c.recipientName},`, `Hồ sơ ${type.toLowerCase()} "${c.caseTitle}" giao ${c.agencyName} (${c.unitName}) đã quá ${step} lúc ${due}.`, 'Thông báo để Mặt trận Tổ quốc theo dõi, giám sát.'],
        };
    }
  }
  switch (template) {
    case 'assignment':
      return {
        subject: `[${c.trackingCode}] Assigned: ${c.caseTitle}`,
        body: [`Dear ${c.recipientName},`, `${c.agencyName} has been assigned the ${type.toLowerCase()} "${c.caseTitle}" (${c.unitName}).`, `Accept by: ${due}.`],
      };
    case 'overdue_head':
      return {
        subject: `[${c.trackingCode}] Overdue: ${c.caseTitle}`,
        body: [`Dear ${c.recipientName},`, `The ${type.toLowerCase()} "${c.caseTitle}" assigned to ${c.agencyName} (${c.unitName}) passed its ${step} at ${due}.`, 'Please direct and urge its resolution.'],
      };
    case 'overdue_front':
      return {
        subject: `[${c.trackingCode}] Overdue, for supervision: ${c.caseTitle}`,
        body: [`Dear ${c.recipientName},`, `The ${type.toLowerCase()} "${c.caseTitle}" assigned to ${c.agencyName} (${c.unitName}) passed its ${step} at ${due}.`, 'For the Fatherland Front to follow and supervise.'],
      };
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

export function renderNotice(template: NoticeTemplate, lang: Language, ctx: NoticeContext): RenderedNotice {
  const { subject, body } = lines(template, lang, ctx);
  const linkLabel = lang === 'vi' ? 'Xem hồ sơ' : 'Open the case';
  const text = [...body, '', `${linkLabel}: ${ctx.caseUrl}`].join('\n');
  const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><body>${body
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}<p><a href="${escapeHtml(ctx.caseUrl)}">${linkLabel}</a></p></body></html>`;
  return { subject, text, html };
}
