import { z } from 'zod';
import { documentIds, documentRef, text } from '../../domain/fields';
import { CASE_TYPES } from '../../domain/case-types';
import { VN_OFFSET_MS } from '../../domain/local-time';


/** A named link to a document, as attached by a citizen or sent with an answer. */

const email = z.string().trim().email('Email không hợp lệ / invalid email').max(254);

/** Only feedback and dialogue-session opinions may be anonymous; complaints and denunciations need an identity. */
const ANONYMOUS_ALLOWED = new Set(['FEEDBACK', 'SESSION_OPINION']);
const COMPLAINTS = new Set(['COMPLAINT_FIRST', 'COMPLAINT_SECOND']);

/** Today in Asia/Ho_Chi_Minh as YYYY-MM-DD. */
const todayInVietnam = () => new Date(Date.now() + VN_OFFSET_MS).toISOString().slice(0, 10);

export const submitPetitionSchema = z
  .object({
    type: z.enum(CASE_TYPES, { message: `Một trong / one of: ${CASE_TYPES.join(', ')}` }),
    categoryCode: text(64),
    unitCode: text(64),
    title: text(300),
    content: text(20_000),
    /** Links to documents the citizen already published (scans, photos); files are not uploaded here. */
    attachments: z.array(documentRef).max(20, 'Tối đa 20 tệp đính kèm / at most 20 attachments').optional(),
    /** Files uploaded first (POST /api/documents): the scanned letter, photos. */
    documentIds: documentIds.optional(),
    anonymous: z.boolean().default(false),
    /** Language of the notices the citizen receives. */
    language: z.enum(['vi', 'en']).default('vi'),
    petitioner: z
      .object({
        fullName: text(200),
        email: email.optional(),
        phone: z.string().trim().regex(/^\+?[0-9 .-]{6,20}$/, 'Số điện thoại không hợp lệ / invalid phone number').optional(),
        address: text(500).optional(),
      })
      .strict()
      .optional(),
    /** Whom a denunciation accuses; told of its acceptance, never of the denouncer. */
    accused: z
      .object({
        fullName: text(200),
        /** Position and workplace, as the denouncer knows them. */
        position: text(300).optional(),
        email: email.optional(),
      })
      .strict()
      .optional(),
    /** Whom a complaint is against (người bị khiếu nại): told of a suspension, its resumption and a termination. */
    respondent: z.object({ fullName: text(200), position: text(300).optional(), email: email.optional() }).strict().optional(),
    /** A complaint: the day the complainant learned of the decision (a second complaint: received the first decision), which starts their window (Complaints Law 2011 art. 9, 33). */
    learnedOfDecisionOn: z.iso.date('Ngày không có thật hoặc không theo dạng YYYY-MM-DD / not a real date as YYYY-MM-DD').optional(),
    /** Time lost to an objective obstacle (illness, natural disaster, travel, …), not counted in that window (art. 9). */
    obstacle: z.object({ days: z.number().int().min(1).max(3650), reason: text(1000) }).strict().optional(),
    /** Whoever forwarded the petition (a body, an elected representative, the press): told of a complaint's acceptance or refusal. */
    forwardedBy: z.object({ name: text(300), email: email.optional() }).strict().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.accused && v.type !== 'DENUNCIATION') {
      ctx.addIssue({ code: 'custom', path: ['accused'], message: 'Chỉ đơn tố cáo có người bị tố cáo / only a denunciation names an accused' });
    }
    if (v.respondent && v.type !== 'COMPLAINT_FIRST' && v.type !== 'COMPLAINT_SECOND') {
      ctx.addIssue({ code: 'custom', path: ['respondent'], message: 'Chỉ đơn khiếu nại có người bị khiếu nại / only a complaint names whom it is against' });
    }
    if (v.anonymous && !ANONYMOUS_ALLOWED.has(v.type)) {
      ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'Loại đơn này không được gửi ẩn danh / this case type cannot be anonymous' });
    }
    if (!v.anonymous && !v.petitioner) {
      ctx.addIssue({ code: 'custom', path: ['petitioner'], message: 'Cần thông tin người gửi / petitioner details are required' });
    }
    if ((v.learnedOfDecisionOn || v.obstacle) && !COMPLAINTS.has(v.type)) {
      ctx.addIssue({ code: 'custom', path: [v.learnedOfDecisionOn ? 'learnedOfDecisionOn' : 'obstacle'], message: 'Chỉ khiếu nại mới có thời hiệu / only a complaint has a window to be lodged' });
    }
    if (v.learnedOfDecisionOn && v.learnedOfDecisionOn > todayInVietnam()) {
      ctx.addIssue({ code: 'custom', path: ['learnedOfDecisionOn'], message: 'Ngày biết quyết định không thể ở tương lai / the day you learned of the decision cannot be in the future' });
    }
    if (v.obstacle && !v.learnedOfDecisionOn) {
      ctx.addIssue({ code: 'custom', path: ['learnedOfDecisionOn'], message: 'Cần ngày biết quyết định để tính thời gian trở ngại / the day you learned of the decision is needed to count the obstacle' });
    }
    if (!ANONYMOUS_ALLOWED.has(v.type) && !v.petitioner?.address) {
      ctx.addIssue({ code: 'custom', path: ['petitioner', 'address'], message: 'Khiếu nại, tố cáo cần địa chỉ người gửi / complaints and denunciations need an address' });
    }
  });

export type SubmitPetition = z.infer<typeof submitPetitionSchema>;

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8, 'Idempotency-Key: 8–200 ký tự / 8 to 200 characters')
  .max(200, 'Idempotency-Key: 8–200 ký tự / 8 to 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key: chỉ ký tự ASCII in được / printable ASCII only');

export const caseIdSchema = z.string().uuid();
