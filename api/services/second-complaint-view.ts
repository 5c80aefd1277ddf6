import type { Database } from '../../infra/database';
import { secondComplaintBody } from '../../infra/second-complaint-body';
import type { Case } from '../../prisma/generated/client';
import type { StaffCaseView } from '../routes/case-view';

/**
 * A first complaint, once with an agency: who takes its second complaint ("Chủ tịch UBND tỉnh Hòa
 * Sơn" and the legal basis), or the way on beyond the province; shown to the officer and the citizen.
 */
export async function secondComplaintView(db: Database, c: Pick<Case, 'type' | 'decidedBy' | 'agencyId'>): Promise<StaffCaseView['secondComplaint']> {
  if (c.type !== 'COMPLAINT_FIRST' || !c.agencyId) return null;
  const agency = await db.organisation.findUnique({ where: { id: c.agencyId }, include: { unit: true } });
  const body = await secondComplaintBody(db, { decidedBy: c.decidedBy, agency });
  if (!body) return null;
  return body.kind === 'chairman' ? { to: body.to, basis: body.basis, wayOn: null } : { to: null, basis: body.basis, wayOn: body.wayOn };
}
