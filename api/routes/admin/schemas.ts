import { z } from 'zod';
import { text } from '../../../domain/fields';
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
    /** The head's mobile: overdue escalations also go there by SMS (null removes it). */
    headPhone: z.string().trim().regex(/^\+?[0-9 .-]{6,20}$/, 'Số điện thoại không hợp lệ / invalid phone number').nullable().optional(),
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

const ruleBasis = z.object({ basis: text(500) }).strict();
const limitRule = z.object({ limit: duration, basis: text(500), basisEn: text(500) }).strict();
/** Denunciations Law 2018 arts. 24, 26(2), 29: without them a version takes the built-in ones. */
const denunciationRules = z.object({ severalPlaces: limitRule, transfer: limitRule, forwarderResult: limitRule, accusedNotice: limitRule }).strict();

/** A new legal-clock policy version; versions are never edited, a new one supersedes from its date. */
export const clockPolicySchema = z
  .object({
    version: text(64),
    effectiveFrom: z.string().datetime({ offset: true }),
    note: text(1000),
    rules: z.object(Object.fromEntries(CASE_TYPES.map((t) => [t, rule])) as Record<(typeof CASE_TYPES)[number], typeof rule>).strict(),
    sessionNotice: z.object({ limit: duration, basis: text(500) }).strict(),
    recommendationResponse: z.object({ limit: duration, basis: text(500) }).strict().optional(),
    /** The complainant's windows: to lodge (calendar days, Complaints Law 2011 art. 9) and to appeal (art. 33, 44). */
    complaintWindows: z
      .object({
        lodge: z.object({ limit: z.object({ amount: z.number().int().min(1).max(3650), unit: z.literal('calendar_days') }).strict(), basis: text(500) }).strict(),
        appeal: z.object({ limit: duration, remoteLimit: duration, basis: text(500) }).strict(),
      })
      .strict()
      .optional(),
    ladder: z.object({ reminderBefore: duration, graceAfterDue: duration }).strict(),
    ratingWindow: duration,
    /** The amended complaint procedure (Law 136/2025/QH15): the basis of each rule; without it, none of them. */
    complaintProcedure: z.object({ suspension: ruleBasis, termination: ruleBasis, partialWithdrawal: ruleBasis, dialogueAbsence: ruleBasis }).strict().optional(),
    denunciation: denunciationRules.optional(),
  })
  .strict();

export const calendarOverrideSchema = z.object({ dayOff: z.boolean(), reason: text(300) }).strict();
/** A day that exists on the calendar (not `2099-13-45` or `2027-02-29`), as YYYY-MM-DD. */
export const localDateSchema = z.iso.date('Ngày không có thật hoặc không theo dạng YYYY-MM-DD / not a real date as YYYY-MM-DD');
export const calendarDateParams = z.object({ date: localDateSchema });

/** One day of a year's announcement; without a reason it takes the announcement's basis. */
const announcedDay = z.object({ date: localDateSchema, reason: text(300).optional() }).strict();
export const calendarYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
/** A year's announced calendar (days off and make-up working days), replacing that year's overrides. */
export const calendarYearSchema = z
  .object({
    /** The announcement, e.g. "Thông báo của Bộ Nội vụ về lịch nghỉ Tết và Quốc khánh năm 2027". */
    basis: text(300),
    daysOff: z.array(announcedDay).max(60),
    workingDays: z.array(announcedDay).max(30).default([]),
  })
  .strict();

const MONTH_LENGTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A day that comes every year, as MM-DD (29 February does not). */
export const monthDayParams = z.object({
  monthDay: z
    .string()
    .regex(/^\d{2}-\d{2}$/, 'MM-DD')
    .refine((v) => {
      const [m, d] = v.split('-').map(Number);
      return m! >= 1 && m! <= 12 && d! >= 1 && d! <= MONTH_LENGTH[m! - 1]!;
    }, 'Ngày không có trong mọi năm, theo dạng MM-DD / not a day of every year, as MM-DD'),
});
export const recurringHolidaySchema = z.object({ fromYear: z.number().int().min(2000).max(2100), name: text(200), basis: text(300) }).strict();

const ROLES = ['RECEPTION_OFFICER', 'AGENCY_OFFICER', 'HEAD_OF_GOVERNMENT', 'FRONT_SUPERVISOR', 'ADMINISTRATOR'] as const;
export const userSchema = z
  .object({ email, fullName: text(200), role: z.enum(ROLES), unitCode: code.nullable().optional(), organisationCode: code.nullable().optional(), password: passwordSchema })
  .strict();
export const userPatchSchema = userSchema.omit({ email: true }).partial().extend({ unlock: z.boolean().optional() }).strict();

export const idSchema = uuid;
