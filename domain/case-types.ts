/** The kinds of case the law distinguishes; each has its own legal clock. */
export const CASE_TYPES = [
  'FEEDBACK', // phản ánh / kiến nghị
  'COMPLAINT_FIRST', // khiếu nại lần đầu
  'COMPLAINT_SECOND', // khiếu nại lần hai
  'DENUNCIATION', // tố cáo
  'SESSION_OPINION', // ý kiến tại buổi tiếp xúc, đối thoại
] as const;

export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_TYPE_LABELS: Record<CaseType, { vi: string; en: string }> = {
  FEEDBACK: { vi: 'Phản ánh, kiến nghị', en: 'Feedback / recommendation' },
  COMPLAINT_FIRST: { vi: 'Khiếu nại lần đầu', en: 'First complaint' },
  COMPLAINT_SECOND: { vi: 'Khiếu nại lần hai', en: 'Second complaint' },
  DENUNCIATION: { vi: 'Tố cáo', en: 'Denunciation' },
  SESSION_OPINION: { vi: 'Ý kiến tại buổi đối thoại', en: 'Opinion raised at a dialogue session' },
};
