import type { Database } from '../../infra/database';
import { caseScope, type StaffUser } from '../auth/scope';
import { AppError } from '../errors';

/**
 * The open case a tracking code names, within what the caller may see, other than the case being
 * merged. One answer for "no such code", "outside your scope" and "closed", so nothing leaks.
 */
export async function findMergeTargetInScope(db: Database, user: StaffUser, caseId: string, trackingCode: string): Promise<string> {
  const target = await db.case.findFirst({
    where: { trackingCode, id: { not: caseId }, status: { not: 'CLOSED' }, ...(await caseScope(db, user)) },
    select: { id: true },
  });
  if (!target) {
    const message = 'Không có hồ sơ đang mở với mã này trong phạm vi của bạn / no open case with this tracking code in your scope';
    throw new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [{ field: 'targetTrackingCode', message }]);
  }
  return target.id;
}
