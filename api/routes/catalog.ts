import { Router } from 'express';
import { CASE_TYPES } from '../../domain/case-types';
import type { Database } from '../../infra/database';
import { requireStaff } from '../auth/authenticate';

/** What the forms offer: units and categories for anyone; the agencies a case can go to for staff. */
export function catalogRouter({ db }: { db: Database }): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const [units, categories] = await Promise.all([
      db.unit.findMany({ where: { dissolvedAt: null }, orderBy: [{ level: 'asc' }, { name: 'asc' }], include: { parent: { select: { code: true } } } }),
      db.category.findMany({ orderBy: { code: 'asc' } }),
    ]);
    res.set('Cache-Control', 'public, max-age=60').json({
      caseTypes: CASE_TYPES,
      units: units.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parent?.code ?? null })),
      categories: categories.map((c) => ({ code: c.code, nameVi: c.nameVi, nameEn: c.nameEn })),
    });
  });

  router.get('/agencies', async (_req, res) => {
    requireStaff(res);
    const orgs = await db.organisation.findMany({
      where: { kind: { in: ['SECTOR_AGENCY', 'PEOPLES_COMMITTEE', 'INSPECTORATE'] }, unit: { dissolvedAt: null } },
      orderBy: { name: 'asc' },
      include: { unit: { select: { code: true, name: true } } },
    });
    res.json({ agencies: orgs.map((o) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind, unit: o.unit })) });
  });

  return router;
}
