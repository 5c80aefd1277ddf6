import { z } from 'zod';
import type { CaseAction } from '../../domain/case-state';
import { COMPLEXITIES } from '../../domain/legal-clock';
import { documentRef } from './petitions.schema';

const reason = z.string().trim().min(1, 'Cần nêu lý do / a reason is required').max(5000);
const note = z.string().trim().max(5000).optional();
const agencyId = z.string().uuid('Mã cơ quan không hợp lệ / invalid agency id');

/** The body of each case action; unknown fields are refused. */
export const ACTION_SCHEMAS = {
  assign: z.object({ agencyId }).strict(),
  reassign: z.object({ agencyId, reason: reason.optional() }).strict(),
  accept: z.object({ note, complexity: z.enum(COMPLEXITIES).optional(), accusedSummary: z.string().trim().min(1).max(5000).optional() }).strict(),
  return: z.object({ reason }).strict(),
  transfer: z.object({ agencyId, reason }).strict(),
  guide: z.object({ reason }).strict(),
  refuse: z.object({ reason }).strict(),
  requestInfo: z.object({ reason }).strict(),
  provideInfo: z.object({ note }).strict(),
  requestExtension: z.object({ reason }).strict(),
  decideExtension: z.object({ approved: z.boolean(), note }).strict(),
  reclassify: z.object({ complexity: z.enum(COMPLEXITIES), reason }).strict(),
  answer: z
    .object({
      answer: z.string().trim().min(1, 'Cần nội dung trả lời / the answer is required').max(20_000),
      documents: z.array(documentRef).max(50).optional(),
    })
    .strict(),
  rate: z.object({ satisfied: z.boolean(), comment: note }).strict(),
  appeal: z.object({ reason }).strict(),
  withdraw: z.object({ reason }).strict(),
  // The target is named as officers know it; the API resolves it within the caller's scope.
  merge: z.object({ targetTrackingCode: z.string().trim().toUpperCase().min(1, 'Cần mã theo dõi của hồ sơ gộp vào / the tracking code of the case to merge into is required').max(40), reason }).strict(),
} satisfies Record<CaseAction, z.ZodType>;

export const actionNameSchema = z.enum(Object.keys(ACTION_SCHEMAS) as [CaseAction, ...CaseAction[]]);
