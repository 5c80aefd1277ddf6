import { Router } from 'express';
import type { Database } from '../../../infra/database';
import type { Prisma } from '../../../prisma/generated/client';
import { AppError } from '../../errors';
import { unitAndDescendants } from '../../../domain/unit-tree';
import { changeLogger, type Tx } from './change-log';
import { duplicateToConflict, lookup } from './lookup';
import { categoryPatchSchema, categorySchema, idSchema, organisationPatchSchema, organisationSchema, routingRuleSchema, unitPatchSchema, unitSchema } from './schemas';

const notFound = () => new AppError('not_found', 'Không tìm thấy / not found');
/** A routing rule is logged under its unit and category, the way an administrator looks for it. */
const ruleTarget = (r: { unitCode: string; categoryCode: string }) => `${r.unitCode}/${r.categoryCode}`;
const RULE_INCLUDE = { category: true, unit: true, agency: true } as const;
/** A routing rule as the list shows it and the change log records its removal: by codes. */
const ruleView = (r: Prisma.RoutingRuleGetPayload<{ include: typeof RULE_INCLUDE }>) => ({
  id: r.id, categoryCode: r.category.code, unitCode: r.unit.code, caseType: r.caseType, agencyCode: r.agency.code, priority: r.priority,
});

/**
 * A unit may not sit under itself or under a unit below it: the tree would become a loop (scopes,
 * reports and routing walk it). Moves are serialised, so two moves cannot close a loop together.
 */
async function refuseLoop(tx: Tx, unitId: string, parentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('unit-tree'))`;
  const units = await tx.unit.findMany({ select: { id: true, parentId: true } });
  if (unitAndDescendants(units, unitId).has(parentId)) {
    throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [
      { field: 'parentCode', message: 'Đơn vị cấp trên không được là chính nó hoặc đơn vị cấp dưới của nó / the parent cannot be the unit itself or a unit below it' },
    ]);
  }
}

/** Units, organisations (committees, Fronts, agencies, inspectorates), categories and routing rules. */
export function referenceDataRouter(db: Database): Router {
  const router = Router();
  const find = lookup(db);
  const logged = changeLogger(db);

  router.get('/units', async (_req, res) => {
    res.json(await db.unit.findMany({ orderBy: { code: 'asc' } }));
  });
  router.post('/units', async (req, res) => {
    const { parentCode, dissolvedAt, ...input } = unitSchema.parse(req.body ?? {});
    const parentId = parentCode ? (await find.unit(parentCode, 'parentCode')).id : null;
    const change = { action: 'unit.created', target: input.code, data: { ...input, parentCode, dissolvedAt } } as const;
    const row = await logged(res, change, (tx) => tx.unit.create({ data: { ...input, parentId, dissolvedAt: dissolvedAt ? new Date(dissolvedAt) : null } })).catch((e: unknown) => Promise.reject(duplicateToConflict(e)));
    res.status(201).json(row);
  });
  router.patch('/units/:code', async (req, res) => {
    const { parentCode, dissolvedAt, ...input } = unitPatchSchema.parse(req.body ?? {});
    const unit = await db.unit.findUnique({ where: { code: req.params.code } });
    if (!unit) throw notFound();
    const parentId = parentCode === undefined ? undefined : parentCode === null ? null : (await find.unit(parentCode, 'parentCode')).id;
    const data = { ...input, parentId, ...(dissolvedAt !== undefined ? { dissolvedAt: dissolvedAt ? new Date(dissolvedAt) : null } : {}) };
    res.json(await logged(res, { action: 'unit.changed', target: unit.code, data: { ...input, parentCode, dissolvedAt } }, async (tx) => {
      if (parentId) await refuseLoop(tx, unit.id, parentId);
      return tx.unit.update({ where: { id: unit.id }, data });
    }));
  });

  router.get('/organisations', async (_req, res) => {
    res.json(await db.organisation.findMany({ orderBy: { code: 'asc' }, include: { unit: { select: { code: true } } } }));
  });
  router.post('/organisations', async (req, res) => {
    const { unitCode, ...input } = organisationSchema.parse(req.body ?? {});
    const unit = await find.unit(unitCode);
    const change = { action: 'organisation.created', target: input.code, data: { ...input, unitCode } } as const;
    res.status(201).json(await logged(res, change, (tx) => tx.organisation.create({ data: { ...input, unitId: unit.id } })).catch((e: unknown) => Promise.reject(duplicateToConflict(e))));
  });
  router.patch('/organisations/:code', async (req, res) => {
    const input = organisationPatchSchema.parse(req.body ?? {});
    const org = await db.organisation.findUnique({ where: { code: req.params.code } });
    if (!org) throw notFound();
    res.json(await logged(res, { action: 'organisation.changed', target: org.code, data: input }, (tx) => tx.organisation.update({ where: { id: org.id }, data: input })));
  });

  router.get('/categories', async (_req, res) => {
    res.json(await db.category.findMany({ orderBy: { code: 'asc' } }));
  });
  router.post('/categories', async (req, res) => {
    const input = categorySchema.parse(req.body ?? {});
    const change = { action: 'category.created', target: input.code, data: input } as const;
    res.status(201).json(await logged(res, change, (tx) => tx.category.create({ data: input })).catch((e: unknown) => Promise.reject(duplicateToConflict(e))));
  });
  router.patch('/categories/:code', async (req, res) => {
    const input = categoryPatchSchema.parse(req.body ?? {});
    const category = await db.category.findUnique({ where: { code: req.params.code } });
    if (!category) throw notFound();
    res.json(await logged(res, { action: 'category.changed', target: category.code, data: input }, (tx) => tx.category.update({ where: { id: category.id }, data: input })));
  });

  router.get('/routing-rules', async (_req, res) => {
    res.json((await db.routingRule.findMany({ include: RULE_INCLUDE })).map(ruleView));
  });
  router.post('/routing-rules', async (req, res) => {
    const input = routingRuleSchema.parse(req.body ?? {});
    const [category, unit, agency] = [await find.category(input.categoryCode), await find.unit(input.unitCode), await find.organisation(input.agencyCode, 'agencyCode')];
    const data = { categoryId: category.id, unitId: unit.id, agencyId: agency.id, caseType: input.caseType, priority: input.priority };
    const row = await logged(res, { action: 'routing_rule.created', target: ruleTarget(input), data: input }, (tx) => tx.routingRule.create({ data }));
    res.status(201).json({ id: row.id, ...input });
  });
  router.delete('/routing-rules/:id', async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    const rule = id.success ? await db.routingRule.findUnique({ where: { id: id.data }, include: RULE_INCLUDE }) : null;
    if (!rule) throw notFound();
    const removed = ruleView(rule);
    await logged(res, { action: 'routing_rule.removed', target: ruleTarget(removed), data: removed }, async (tx) => {
      if ((await tx.routingRule.deleteMany({ where: { id: rule.id } })).count === 0) throw notFound();
    });
    res.status(204).end();
  });

  return router;
}
