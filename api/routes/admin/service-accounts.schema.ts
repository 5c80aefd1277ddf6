import { z } from 'zod';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from '../../auth/api-tokens';
import { text } from '../../../domain/fields';
import { userSchema } from './schemas';

const DAY_MS = 86_400_000;
/** Any role but administrator: a leaked token can never administer, issue tokens or create accounts. */
const SERVICE_ROLES = ['RECEPTION_OFFICER', 'AGENCY_OFFICER', 'HEAD_OF_GOVERNMENT', 'FRONT_SUPERVISOR'] as const;

/** An integration's account: named, with its own role and placement like a user's, and no password. */
export const serviceAccountSchema = userSchema
  .pick({ email: true, unitCode: true, organisationCode: true })
  .extend({ name: text(200), role: z.enum(SERVICE_ROLES, 'Vai trò của tài khoản dịch vụ, không phải quản trị / a service account’s role, never administrator') })
  .strict();
export const serviceAccountPatchSchema = serviceAccountSchema.omit({ email: true }).partial().strict();

/** A token for a service account; it expires at `expiresAt` (at most 365 days ahead), 90 days from now when not given. */
export const apiTokenSchema = z
  .object({
    name: text(200),
    serviceAccountId: z.uuid('Mã tài khoản dịch vụ không hợp lệ / invalid service account id'),
    expiresAt: z
      .string()
      .datetime({ offset: true })
      .refine((v) => Date.parse(v) > Date.now() && Date.parse(v) <= Date.now() + MAX_TOKEN_DAYS * DAY_MS, `Trong vòng ${MAX_TOKEN_DAYS} ngày tới / within the next ${MAX_TOKEN_DAYS} days`)
      .optional(),
  })
  .strict()
  .transform(({ expiresAt, ...rest }) => ({ ...rest, expiresAt: expiresAt ? new Date(expiresAt) : new Date(Date.now() + DEFAULT_TOKEN_DAYS * DAY_MS) }));
