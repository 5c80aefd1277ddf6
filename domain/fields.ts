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
    // One message at a time: a missing link is "required", not also "not http(s)".
    url: z
      .string(requiredText)
      .trim()
      .min(1, { error: 'Cần đường dẫn tới tài liệu / the link is required', abort: true })
      .max(2000, { error: 'Tối đa 2000 ký tự / at most 2000 characters', abort: true })
      .url({ error: 'Đường dẫn không hợp lệ / invalid link', abort: true })
      .refine((u) => /^https?:/i.test(u), 'Chỉ nhận đường dẫn http:// hoặc https:// / only http:// or https:// links'),
  })
  .strict();

/** Uploaded documents (POST /api/documents) a submission or an action brings to the case, by their ids. */
export const documentIds = z
  .array(z.string().uuid('Mã tài liệu không hợp lệ / invalid document id'))
  .max(20, 'Tối đa 20 tài liệu mỗi lần / at most 20 documents at a time');
