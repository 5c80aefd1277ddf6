import { Router } from 'express';
import { z } from 'zod';
import { CASE_TYPES } from '../../domain/case-types';
import type { Database } from '../../infra/database';
import { OrganisationKind, UnitLevel } from '../../prisma/generated/enums';
import { requireStaff } from '../auth/authenticate';
import { responseType } from '../response-schemas';

const unitRef = z.object({ code: z.string(), name: z.string() });

/** What the forms offer: the case types, the units (not dissolved) and the categories. */
export const catalogSchema = responseType(
  'Catalog',
  z.object({
    caseTypes: z.array(z.enum(CASE_TYPES)),
    units: z.array(unitRef.extend({ level: z.enum(UnitLevel), parentCode: z.string().nullable() })),
    categories: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  }),
);

/** The agencies a case can be assigned or transferred to, each with its unit. */
export const agencyListSchema = responseType(
  'AgencyList',
  z.object({ agencies: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(OrganisationKind), unit: unitRef })) }),
);

/** What the forms offer: units and categories for anyone; the agencies a case can go to for staff. */
export function catalogRouter({ db }: { db: Database }): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const [units, categories] = await Promise.all([
      db.unit.findMany({ where: { dissolvedAt: null }, orderBy: [{ level: 'asc' }, { name: 'asc' }], include: { parent: { select: { code: true } } } }),
      db.category.findMany({ orderBy: { code: 'asc' } }),
    ]);
    const catalog: z.output<typeof catalogSchema> = {
      caseTypes: [...CASE_TYPES],
      units: units.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parent?.code ?? null })),
      categories: categories.map((c) => ({ code: c.code, nameVi: c.nameVi, nameEn: c.nameEn })),
    };
    res.set('Cache-Control', 'public, max-age=60').json(catalog);
  });

  router.get('/agencies', async (_req, res) => {
    requireStaff(res);
    const orgs = await db.organisation.findMany({
      where: { kind: { in: ['SECTOR_AGENCY', 'PEOPLES_COMMITTEE', 'INSPECTORATE'] }, unit: { dissolvedAt: null } },
      orderBy: { name: 'asc' },
      include: { unit: { select: { code: true, name: true } } },
    });
    const list: z.output<typeof agencyListSchema> = { agencies: orgs.map((o) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind, unit: o.unit })) };
    res.json(list);
  });

  return router;
}
