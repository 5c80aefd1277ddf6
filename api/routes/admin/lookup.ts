import type { Database } from '../../../infra/database';
import { AppError } from '../../errors';

const invalid = (field: string, message: string) => new AppError('validation_failed', 'Dữ liệu không hợp lệ / invalid input', [{ field, message }]);

/** Resolves codes in a request to ids, answering 422 on the field that names nothing. */
export const lookup = (db: Database) => ({
  async unit(code: string, field = 'unitCode') {
    const u = await db.unit.findUnique({ where: { code } });
    if (!u) throw invalid(field, `Không có đơn vị ${code} / unknown unit`);
    return u;
  },
  async organisation(code: string, field = 'organisationCode') {
    const o = await db.organisation.findUnique({ where: { code } });
    if (!o) throw invalid(field, `Không có cơ quan ${code} / unknown organisation`);
    return o;
  },
  async category(code: string, field = 'categoryCode') {
    const c = await db.category.findUnique({ where: { code } });
    if (!c) throw invalid(field, `Không có lĩnh vực ${code} / unknown category`);
    return c;
  },
  /** A user's or a service account's unit and organisation: given codes to ids, null clears, absent leaves as is. */
  async placement(unitCode?: string | null, organisationCode?: string | null) {
    return {
      ...(unitCode !== undefined ? { unitId: unitCode ? (await this.unit(unitCode)).id : null } : {}),
      ...(organisationCode !== undefined ? { organisationId: organisationCode ? (await this.organisation(organisationCode)).id : null } : {}),
    };
  },
});

/** A unique-constraint violation on create is a conflict with what exists, not a server error. */
export function duplicateToConflict(err: unknown): unknown {
  return (err as { code?: string }).code === 'P2002' ? new AppError('conflict', 'Đã tồn tại / already exists') : err;
}
