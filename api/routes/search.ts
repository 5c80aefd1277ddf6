import { Router } from 'express';
import type { Database } from '../../infra/database';
import { requireStaff } from '../auth/authenticate';
import { caseScope, unitSubtree } from '../auth/scope';
import { searchCases, searchQuerySchema } from '../services/search-cases';

/**
 * `GET /api/cases/search?q=`: staff find cases in their scope by tracking code, words of the title
 * or content (diacritics optional: "xa thai" finds "xả thải"), unit or agency name, or the
 * petitioner's name where their role may read it. Filters: `unit` (and below), `type`, `status`.
 */
export function searchRouter({ db }: { db: Database }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = requireStaff(res);
    const q = searchQuerySchema.parse(req.query);
    const unit = q.unit ? await db.unit.findUnique({ where: { code: q.unit }, select: { id: true } }) : null;
    const unitIds = q.unit ? (unit ? await unitSubtree(db, unit.id) : []) : null;
    res.set('Cache-Control', 'no-store').json(await searchCases(db, user, await caseScope(db, user), q, unitIds));
  });
  return router;
}
