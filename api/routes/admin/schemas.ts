import { z } from 'zod';
import { text } from '../fields';
import { CASE_TYPES } from '../../../domain/case-types';
import { COMPLEXITIES } from '../../../domain/legal-clock';
import { passwordSchema } from '../../security/password-policy';

const code = z.string().trim().regex(/^[A-Za-z0-9-]{1,64}$/, 'Chữ, số và dấu gạch ngang / letters, digits and dashes');
const uuid = z.string().uuid();
const email = z.string().trim().toLowerCase().email().max(254);

export const unitSchema = z
  .object({ code, name: text(200), level: z.enum(['PROVINCE', 'DISTRICT', 'COMMUNE']), parentCode: code.nullable().optional(), remoteArea: z.boolean().default(false), dissolvedAt: z.string().datetime({ offset: true }).nullable().optional() })
  .strict();
export const unitPatchSchema = unitSchema.omit({ code: true }).partial().strict();

export const organisationSchema = z
  .object({
    code,
    unitCode: code,
    kind: z.enum(['PEOPLES_COMMITTEE', 'FRONT_COMMITTEE', 'SECTOR_AGENCY', 'INSPECTORATE']),
    name: text(300),
    email,
    headName: text(200),
    headTitle: z.string().trim().max(200),
    headEmail: email,
  })
  .strict();
export const organisationPatchSchema = organisationSchema.omit({ code: true, unitCode: true, kind: true }).partial().strict();

export const categorySchema = z.object({ code, nameVi: text(200), nameEn: text(200) }).strict();
export const categoryPatchSchema = categorySchema.omit({ code: true }).partial().strict();

export const routingRuleSchema = z
  .object({ categoryCode: code, unitCode: code, caseType: z.enum(CASE_TYPES).nullable().default(null), agencyCode: code, priority: z.number().int().min(-1000).max(1000).default(0) })
  .strict();

const duration = z.object({ amount: z.number().int().min(0).max(3650), unit: z.enum(['calendar_days', 'working_days', 'seconds']) }).strict();
const tiered = z.object(Object.fromEntries(COMPLEXITIES.map((c) => [c, duration])) as Record<(typeof COMPLEXITIES)[number], typeof duration>).strict();
const rule = z
  .object({
    firstStep: duration,
    firstStepBasis: text(500),
    resolution: tiered,
    remoteResolution: tiered,
    resolutionBasis: text(500),
    extension: z.object({ duration, maxCount: z.object(Object.fromEntries(COMPLEXITIES.map((c) => [c, z.number().int().min(0).max(5)])) as Record<(typeof COMPLEXITIES)[number], z.ZodNumber>).strict(), basis: text(500) }).strict(),
  })
  .strict();

/** A new legal-clock policy version; versions are never edited, a new one supersedes from its date. */
export const clockPolicySchema = z
  .object({
    version: text(64),
    effectiveFrom: z.string().datetime({ offset: true }),
    note: text(1000),
    rules: z.object(Object.fromEntries(CASE_TYPES.map((t) => [t, rule])) as Record<(typeof CASE_TYPES)[number], typeof rule>).strict(),
    sessionNotice: z.object({ limit: duration, basis: text(500) }).strict(),
    recommendationResponse: z.object({ limit: duration, basis: text(500) }).strict().optional(),
    ladder: z.object({ reminderBefore: duration, graceAfterDue: duration }).strict(),
    ratingWindow: duration,
  })
  .strict();

export const calendarOverrideSchema = z.object({ dayOff: z.boolean(), reason: text(300) }).strict();
/** A day that exists on the calendar (not `2099-13-45` or `2027-02-29`), as YYYY-MM-DD. */
export const localDateSchema = z.iso.date('Ngày không có thật hoặc không theo dạng YYYY-MM-DD / not a real date as YYYY-MM-DD');
export const calendarDateParams = z.object({ date: localDateSchema });

const ROLES = ['RECEPTION_OFFICER', 'AGENCY_OFFICER', 'HEAD_OF_GOVERNMENT', 'FRONT_SUPERVISOR', 'ADMINISTRATOR'] as const;
export const userSchema = z
  .object({ email, fullName: text(200), role: z.enum(ROLES), unitCode: code.nullable().optional(), organisationCode: code.nullable().optional(), password: passwordSchema })
  .strict();
export const userPatchSchema = userSchema.omit({ email: true }).partial().extend({ unlock: z.boolean().optional() }).strict();

export const apiTokenSchema = z.object({ name: text(200), userEmail: email }).strict();
export const idSchema = uuid;
