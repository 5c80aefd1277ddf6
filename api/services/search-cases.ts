import { z } from 'zod';
import { Prisma, type Role } from '../../prisma/generated/client';
import type { Database } from '../../infra/database';
import { CASE_STATUSES } from '../../domain/case-state';
import { CASE_TYPES } from '../../domain/case-types';
import { CaseStatus, CaseType } from '../../prisma/generated/enums';
import { instant, responseType } from '../response-schemas';
import { type CaseScope, scopeSql } from './overdue-list';

export const searchQuerySchema = z
  .object({
    /** Words to find, with or without Vietnamese diacritics, or a tracking code (whole or its start). */
    q: z.string().trim().min(2).max(200),
    /** A unit's code: cases of that unit and the units below it. */
    unit: z.string().trim().max(64).optional(),
    type: z.enum(CASE_TYPES).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** Where a case matched, best first: its tracking code, its title, its content, its unit or agency, its petitioner. */
export const MATCHES = ['code', 'title', 'content', 'unit', 'agency', 'petitioner'] as const;
export type Match = (typeof MATCHES)[number];

/** A page of matching cases, best first: where each matched, the start of its content, never an identity. */
export const caseSearchResultsSchema = responseType(
  'CaseSearchResults',
  z.object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        trackingCode: z.string(),
        type: z.enum(CaseType),
        status: z.enum(CaseStatus),
        title: z.string(),
        /** The content's first 240 characters. */
        excerpt: z.string(),
        unit: z.object({ code: z.string(), name: z.string() }),
        /** The agency's name. */
        agency: z.string().nullable(),
        receivedAt: instant,
        matchedOn: z.array(z.enum(MATCHES)),
      }),
    ),
  }),
);

/** "Xả thải, Đồng Tâm!" → ["xa", "thai", "dong", "tam"]: the words as the index holds them (unaccented, lower case). */
export function searchWords(q: string): string[] {
  return q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 12);
}

/** All the words, the last one also as the start of a word (people stop typing mid-word). Only [a-z0-9] reach to_tsquery. */
export const tsQueryOf = (words: string[]): string => words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');

/** A tracking code or its start ("PA-7K3M", "7k3m9q…"), read as the tracking page does (O→0, I/L→1); null when the query is not one. */
export function codePrefix(q: string): string | null {
  const bare = q.toUpperCase().replace(/[\s-]/g, '').replace(/^PA/, '');
  if (!/^[0-9A-Z]{4,16}$/.test(bare) || !/\d/.test(bare)) return null;
  return `PA-${bare.replace(/O/g, '0').replace(/[IL]/g, '1')}`;
}

/**
 * Whose petitioner names a search may match: only cases whose petitioner the role may read
 * (api/routes/petitioner.ts): heads and administrators all, reception and agencies no denouncer, the Front none.
 */
function petitionerSearchable(role: Role): Prisma.Sql | null {
  if (role === 'ADMINISTRATOR' || role === 'HEAD_OF_GOVERNMENT') return Prisma.sql`TRUE`;
  if (role === 'RECEPTION_OFFICER' || role === 'AGENCY_OFFICER') return Prisma.sql`c.type <> 'DENUNCIATION'::"CaseType"`;
  return null;
}

/** The document the index holds for a case (the migration's expression, letter for letter, so the GIN index is used). */
const CASE_DOCUMENT = Prisma.sql`to_tsvector('simple'::regconfig, vn_unaccent(c.title || ' ' || c.content))`;
const words = (column: Prisma.Sql) => Prisma.sql`to_tsvector('simple'::regconfig, vn_unaccent(${column}))`;

interface Hit {
  id: string; trackingCode: string; type: CaseType; status: CaseStatus; title: string; content: string; unitCode: string; unitName: string;
  agency: string | null; receivedAt: Date; best: number; how: number[]; total: bigint;
}

/**
 * Cases in the caller's scope that match, done by PostgreSQL: the words against the title and
 * content (full-text, unaccented, GIN-indexed), against unit and agency names, and against the
 * petitioner's name where the role may read it; a tracking code by its start. Code hits first,
 * then title, content, unit or agency, petitioner; newest first within each. Never an identity.
 */
export async function searchCases(db: Database, user: { role: Role }, scope: CaseScope, q: SearchQuery, unitIds: string[] | null): Promise<z.output<typeof caseSearchResultsSchema>> {
  const found = searchWords(q.q);
  const code = codePrefix(q.q);
  if (!found.length && !code) return { total: 0, page: q.page, pageSize: q.pageSize, items: [] };
  const tsq = tsQueryOf(found);
  // The scope and the filters go into every branch, so each index look-up is narrowed before the merge.
  const inScope = Prisma.join(
    [
      scopeSql(scope),
      unitIds ? (unitIds.length ? Prisma.sql`c."unitId" IN (${Prisma.join(unitIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`FALSE`) : null,
      q.type ? Prisma.sql`c.type = ${q.type}::"CaseType"` : null,
      q.status ? Prisma.sql`c.status = ${q.status}::"CaseStatus"` : null,
    ].filter((f): f is Prisma.Sql => f !== null),
    ' AND ',
  );
  const branches: Prisma.Sql[] = [];
  if (code) branches.push(Prisma.sql`SELECT c.id, 0 AS how FROM "Case" c WHERE ${inScope} AND c."trackingCode" LIKE ${`${code}%`}`);
  if (found.length) {
    const query = Prisma.sql`to_tsquery('simple'::regconfig, ${tsq})`;
    branches.push(Prisma.sql`SELECT c.id, CASE WHEN ${words(Prisma.sql`c.title`)} @@ ${query} THEN 1 ELSE 2 END AS how FROM "Case" c WHERE ${inScope} AND ${CASE_DOCUMENT} @@ ${query}`);
    branches.push(Prisma.sql`SELECT c.id, 3 AS how FROM "Case" c WHERE ${inScope} AND c."unitId" IN (SELECT u.id FROM "Unit" u WHERE ${words(Prisma.sql`u.name`)} @@ ${query})`);
    branches.push(Prisma.sql`SELECT c.id, 4 AS how FROM "Case" c WHERE ${inScope} AND c."agencyId" IN (SELECT a.id FROM "Organisation" a WHERE ${words(Prisma.sql`a.name`)} @@ ${query})`);
    const petitioner = petitionerSearchable(user.role);
    if (petitioner) {
      branches.push(Prisma.sql`SELECT c.id, 5 AS how FROM "Case" c JOIN "Petitioner" p ON p."caseId" = c.id
        WHERE ${inScope} AND ${petitioner} AND NOT p.anonymous AND ${words(Prisma.sql`coalesce(p."fullName", '')`)} @@ ${query}`);
    }
  }
  const rows = await db.$queryRaw<Hit[]>`
    WITH hits AS (${Prisma.join(branches, ' UNION ALL ')}),
    best AS (SELECT id, min(how) AS best, array_agg(DISTINCT how ORDER BY how) AS how FROM hits GROUP BY id)
    SELECT c.id, c."trackingCode", c.type::text AS type, c.status::text AS status, c.title, left(c.content, 240) AS content,
      u.code AS "unitCode", u.name AS "unitName", a.name AS agency, c."receivedAt", b.best, b.how, count(*) OVER () AS total
    FROM best b JOIN "Case" c ON c.id = b.id JOIN "Unit" u ON u.id = c."unitId" LEFT JOIN "Organisation" a ON a.id = c."agencyId"
    ORDER BY b.best, c."receivedAt" DESC, c.id
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id, trackingCode: r.trackingCode, type: r.type, status: r.status, title: r.title, excerpt: r.content,
      unit: { code: r.unitCode, name: r.unitName }, agency: r.agency, receivedAt: r.receivedAt,
      matchedOn: r.how.map((h) => MATCHES[h]!),
    })),
  };
}
