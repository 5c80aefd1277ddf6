import { z } from 'zod';

/** Missing and blank read the same to a citizen: "required". */
const requiredText = { error: (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? 'Không được để trống / required' : 'Phải là văn bản / must be text') };

/** A required, trimmed text field of at most `max` characters, with bilingual messages. */
export const text = (max: number) =>
  z.string(requiredText).trim().min(1, 'Không được để trống / required').max(max, `Tối đa ${max} ký tự / at most ${max} characters`);

/** A document the citizen or the officer points to: a name and an http(s) link. */
export const documentRef = z
  .object({
    name: text(300),
    url: z.string().trim().url('Đường dẫn không hợp lệ / invalid URL').max(2000).refine((u) => /^https?:/i.test(u), 'Chỉ http(s) / http(s) only'),
  })
  .strict();
