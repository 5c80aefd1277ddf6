/**
 * The complaint procedure as Law 136/2025/QH15 amends the Complaints Law 2011 (passed 10 Dec 2025, in
 * force 1 Jul 2026): a resolution may be suspended by a written decision (tạm đình chỉ) and resumed by
 * another, terminated as its own outcome on stated grounds (đình chỉ), withdrawn in part, and it
 * continues when the complainant does not come to the dialogue. A policy version carries it with the
 * basis of each rule; cases under a version without it have none of these.
 */
export interface ComplaintProcedure {
  suspension: { basis: string };
  termination: { basis: string };
  partialWithdrawal: { basis: string };
  dialogueAbsence: { basis: string };
}

const LAW_136 = 'Luật Khiếu nại 2011, sửa đổi, bổ sung bởi Luật số 136/2025/QH15 (hiệu lực 01/7/2026)';

export const LAW_136_COMPLAINT_PROCEDURE: ComplaintProcedure = {
  suspension: { basis: `${LAW_136}: tạm đình chỉ giải quyết khiếu nại bằng quyết định có nêu lý do; thời gian tạm đình chỉ không tính vào thời hạn giải quyết` },
  termination: { basis: `${LAW_136}: đình chỉ giải quyết khiếu nại` },
  partialWithdrawal: { basis: `${LAW_136}: rút một phần nội dung khiếu nại` },
  dialogueAbsence: { basis: `${LAW_136}: người khiếu nại không đến đối thoại thì việc giải quyết vẫn tiếp tục` },
};

/** Why a complaint's resolution is terminated (căn cứ đình chỉ giải quyết khiếu nại). */
export const TERMINATION_GROUNDS = ['WITHDRAWN', 'COMPLAINANT_DIED', 'ORGANISATION_DISSOLVED', 'DECISION_REVOKED', 'COURT_ACCEPTED', 'OTHER'] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];

export const TERMINATION_GROUND_LABELS: Record<TerminationGround, { vi: string; en: string }> = {
  WITHDRAWN: { vi: 'Người khiếu nại rút toàn bộ khiếu nại', en: 'the complainant withdrew the whole complaint' },
  COMPLAINANT_DIED: { vi: 'Người khiếu nại chết mà không có người thừa kế quyền, nghĩa vụ', en: 'the complainant died without a successor to their rights and duties' },
  ORGANISATION_DISSOLVED: { vi: 'Cơ quan, tổ chức khiếu nại bị giải thể, chấm dứt hoạt động mà không có tổ chức kế thừa', en: 'the complaining body was dissolved without a successor' },
  DECISION_REVOKED: { vi: 'Người bị khiếu nại đã hủy bỏ quyết định, chấm dứt hành vi bị khiếu nại', en: 'the decision or act complained of was revoked or stopped' },
  COURT_ACCEPTED: { vi: 'Tòa án đã thụ lý vụ án hành chính về cùng nội dung', en: 'a court accepted an administrative suit on the same matter' },
  OTHER: { vi: 'Căn cứ khác theo quy định của pháp luật', en: 'another ground in the law' },
};

/** A written decision: its number and date (YYYY-MM-DD). */
export interface Decision {
  number: string;
  date: string;
}

const dmy = (date: string) => date.split('-').reverse().join('/');

export const describeDecision = (d: Decision, lang: 'vi' | 'en'): string =>
  lang === 'vi' ? `Quyết định số ${d.number} ngày ${dmy(d.date)}` : `decision no. ${d.number} of ${dmy(d.date)}`;
