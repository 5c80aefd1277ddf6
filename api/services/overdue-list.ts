import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import type { Database } from '../../infra/database';
import type { CaseType } from '../../domain/case-types';
import type { DeadlineStep } from '../../domain/legal-clock';
import { DUE_GROUPS } from './open-cases';

/** Query of an overdue list: a page, its order, and optionally one agency's cases. */
export const overdueQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    /** most_overdue: the longest overdue first; least_overdue: the most recent first; agency: by agency, then the longest overdue. */
    sort: z.enum(['most_overdue', 'least_overdue', 'agency']).default('most_overdue'),
    /** One agency's cases; `none` for cases no agency holds yet (waiting for reception). */
    agency: z.union([z.uuid(), z.literal('none')]).optional(),
  })
  .strict();
export type OverdueQuery = z.infer<typeof overdueQuerySchema>;

/** The cases a user may see (api/auth/scope.ts `caseScope`) as SQL on the "Case" alias c. */
export type CaseScope = { agencyId?: string; unitId?: { in: string[] } };
export function scopeSql(scope: CaseScope): Prisma.Sql {
  if (scope.agencyId) return Prisma.sql`c."agencyId" = ${scope.agencyId}::uuid`;
  if (scope.unitId) return scope.unitId.in.length ? Prisma.sql`c."unitId" IN (${Prisma.join(scope.unitId.in.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`FALSE`;
  return Prisma.sql`TRUE`;
}

const RUNNING = DUE_GROUPS.filter((g): g is { statuses: typeof g.statuses; due: NonNullable<typeof g.due> } => g.due !== null);
const statusList = (statuses: readonly string[]) => Prisma.join(statuses.map((s) => Prisma.sql`${s}::"CaseStatus"`));
/** The due date each open status runs against (domain/case-state.ts), as one SQL expression. */
const DUE = Prisma.sql`CASE ${Prisma.join(RUNNING.map((g) => Prisma.sql`WHEN c.status IN (${statusList(g.statuses)}) THEN c.${Prisma.raw(`"${g.due}"`)}`), ' ')} END`;
const STEP = Prisma.sql`CASE ${Prisma.join(RUNNING.map((g) => Prisma.sql`WHEN c.status IN (${statusList(g.statuses)}) THEN ${g.due === 'firstStepDueAt' ? 'first_step' : 'resolution'}`), ' ')} END`;
/** Open cases whose running deadline has passed, one indexable branch per due column. */
const overdueAt = (now: Date) => Prisma.sql`(${Prisma.join(RUNNING.map((g) => Prisma.sql`(c.status IN (${statusList(g.statuses)}) AND c.${Prisma.raw(`"${g.due}"`)} < ${now})`), ' OR ')})`;

const ORDER: Record<OverdueQuery['sort'], Prisma.Sql> = {
  most_overdue: Prisma.sql`due ASC, c."trackingCode" ASC`,
  least_overdue: Prisma.sql`due DESC, c."trackingCode" ASC`,
  agency: Prisma.sql`a.name ASC NULLS FIRST, due ASC, c."trackingCode" ASC`,
};

interface OverdueRow { id: string; trackingCode: string; type: CaseType; status: string; title: string; unit: string; agencyId: string | null; agency: string | null; step: DeadlineStep; due: Date }
interface AgencyRow { agencyId: string | null; agency: string | null; unit: string | null; count: number; oldest: Date }

const DAY_MS = 86_400_000;

/**
 * The overdue cases in a scope, a page at a time, with a summary by agency (how many, and how late
 * the oldest is), all counted and ordered by PostgreSQL. No petitioner details.
 */
export async function overdueList(db: Database, scope: CaseScope, q: OverdueQuery, now: Date) {
  const where = Prisma.sql`${scopeSql(scope)} AND ${overdueAt(now)}`;
  const onlyAgency = q.agency === undefined ? Prisma.sql`TRUE` : q.agency === 'none' ? Prisma.sql`c."agencyId" IS NULL` : Prisma.sql`c."agencyId" = ${q.agency}::uuid`;
  const [rows, groups] = await Promise.all([
    db.$queryRaw<OverdueRow[]>`
      SELECT c.id, c."trackingCode", c.type::text AS type, c.status::text AS status, c.title, u.name AS unit, c."agencyId", a.name AS agency, ${STEP} AS step, ${DUE} AS due
      FROM "Case" c JOIN "Unit" u ON u.id = c."unitId" LEFT JOIN "Organisation" a ON a.id = c."agencyId"
      WHERE ${where} AND ${onlyAgency}
      ORDER BY ${ORDER[q.sort]}
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    db.$queryRaw<AgencyRow[]>`
      SELECT c."agencyId", a.name AS agency, au.name AS unit, count(*)::int AS count, min(${DUE}) AS oldest
      FROM "Case" c LEFT JOIN "Organisation" a ON a.id = c."agencyId" LEFT JOIN "Unit" au ON au.id = a."unitId"
      WHERE ${where}
      GROUP BY c."agencyId", a.name, au.name
      ORDER BY count(*) DESC, min(${DUE}) ASC`,
  ]);
  const byAgency = groups.map((g) => ({ agencyId: g.agencyId, agency: g.agency, unit: g.unit, count: g.count, oldestDueAt: g.oldest, mostDaysOverdue: Math.floor((now.getTime() - g.oldest.getTime()) / DAY_MS) }));
  const total = q.agency === undefined ? byAgency.reduce((n, g) => n + g.count, 0) : (byAgency.find((g) => (q.agency === 'none' ? g.agencyId === null : g.agencyId === q.agency))?.count ?? 0);
  return {
    items: rows.map((r) => ({
      id: r.id, trackingCode: r.trackingCode, type: r.type, status: r.status, title: r.title, unit: r.unit, agencyId: r.agencyId, agency: r.agency,
      missedStep: r.step, dueAt: r.due, daysOverdue: Math.floor((now.getTime() - r.due.getTime()) / DAY_MS),
    })),
    summary: { total, page: q.page, pageSize: q.pageSize, sort: q.sort, agency: q.agency ?? null, byAgency },
  };
}
