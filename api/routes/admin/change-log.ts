import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Database } from '../../../infra/database';
import type { Prisma } from '../../../prisma/generated/client';
import { requireStaff } from '../../auth/authenticate';

export type Tx = Prisma.TransactionClient;

export type ChangeAction =
  | 'unit.created' | 'unit.changed'
  | 'organisation.created' | 'organisation.changed'
  | 'category.created' | 'category.changed'
  | 'routing_rule.created' | 'routing_rule.removed'
  | 'clock_policy.created'
  | 'calendar_override.set' | 'calendar_override.removed' | 'calendar_year.loaded'
  | 'recurring_holiday.set' | 'recurring_holiday.removed'
  | 'user.created' | 'user.changed'
  | 'service_account.created' | 'service_account.changed'
  | 'api_token.issued' | 'api_token.revoked';

export interface Change {
  action: ChangeAction;
  target: string;
  data: object;
}

// A password never enters the log; that it was changed does. JSON round trip: dates as text, no undefined.
function loggable(data: object): Prisma.InputJsonObject {
  const { password, ...rest } = data as Record<string, unknown>;
  return JSON.parse(JSON.stringify({ ...rest, ...(password ? { passwordChanged: true } : {}) })) as Prisma.InputJsonObject;
}

/** Applies a change and writes its log entry in one transaction: no change without its entry. */
export function changeLogger(db: Database) {
  return <T>(res: Response, change: Change, apply: (tx: Tx) => Promise<T>): Promise<T> =>
    db.$transaction(async (tx) => {
      const result = await apply(tx);
      await tx.adminChange.create({ data: { actor: requireStaff(res).email, action: change.action, target: change.target, data: loggable(change.data) } });
      return result;
    });
}

export const changeLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The id of the last entry of the previous page. */
  after: z.uuid().optional(),
  target: z.string().trim().min(1).max(200).optional(),
});

/** The change log, newest first, a page at a time. */
export function changeLogRouter(db: Database): Router {
  const router = Router();
  router.get('/changes', async (req, res) => {
    const q = changeLogQuerySchema.parse(req.query);
    const rows = await db.adminChange.findMany({
      where: q.target ? { target: q.target } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: q.limit + 1,
      ...(q.after ? { cursor: { id: q.after }, skip: 1 } : {}),
    });
    const items = rows.slice(0, q.limit);
    res.json({ items, next: rows.length > q.limit ? items.at(-1)!.id : null });
  });
  return router;
}
