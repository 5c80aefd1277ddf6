import { z } from 'zod';
import { text } from '../../domain/fields';


export const createSessionSchema = z
  .object({
    unitCode: text(64),
    heldOn: z.string().datetime({ offset: true }),
    kind: z.enum(['PERIODIC', 'THEMATIC']),
    topic: text(300).optional(),
    chairName: text(200),
    chairTitle: text(200),
    chairedByHead: z.boolean(),
    attendees: z.number().int().min(0).max(100_000),
  })
  .strict();

export const opinionsSchema = z
  .object({
    opinions: z
      .array(
        z
          .object({
            categoryCode: text(64),
            title: text(300),
            content: text(20_000),
            citizenName: text(200).optional(),
            citizenEmail: z.string().trim().email().max(254).optional(),
            /** A phone that takes SMS: the receipt (tracking code and secret) and later notices go there too. */
            citizenPhone: z.string().trim().regex(/^\+?[0-9 .-]{6,20}$/, 'Số điện thoại không hợp lệ / invalid phone number').optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const concludeSchema = z.object({ conclusion: text(20_000) }).strict();
