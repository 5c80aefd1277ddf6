import { z } from 'zod';

/** Missing and blank read the same to a citizen: "required". */
const requiredText = { error: (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? 'Không được để trống / required' : 'Phải là văn bản / must be text') };

/** A required, trimmed text field of at most `max` characters, with bilingual messages. */
export const text = (max: number) =>
  z.string(requiredText).trim().min(1, 'Không được để trống / required').max(max, `Tối đa ${max} ký tự / at most ${max} characters`);
