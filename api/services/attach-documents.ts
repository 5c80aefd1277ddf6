import { DRAFT_DOCUMENT_TTL_MS, megabytes } from '../../domain/documents';
import type { Database } from '../../infra/database';
import type { Prisma } from '../../prisma/generated/client';
import { AppError } from '../errors';
import type { DocumentLimits } from '../../infra/documents';

const refused = (message: string) => new AppError('validation_failed', message, [{ field: 'documentIds', message }]);

/**
 * Joins uploaded documents to a case, with the submission or action that names them, inside the
 * caller's transaction. Each must be a clean upload that joined no case yet and is fresh (the id
 * is the uploader's to use, a day at most), and the case stays within its total size. The case
 * row is locked, so two actions at once cannot both pass the total.
 */
export async function claimDocuments(tx: Prisma.TransactionClient, { caseId, ids, attachedWith, limits }: { caseId: string; ids: string[]; attachedWith: string; limits: DocumentLimits }): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  await tx.$queryRaw`SELECT 1 FROM "Case" WHERE id = ${caseId}::uuid FOR UPDATE`;
  const docs = await tx.document.findMany({ where: { id: { in: unique } }, select: { id: true, caseId: true, scanStatus: true, createdAt: true, size: true } });
  const since = Date.now() - DRAFT_DOCUMENT_TTL_MS;
  const usable = docs.filter((d) => d.caseId === null && d.scanStatus === 'CLEAN' && d.createdAt.getTime() >= since);
  if (usable.length !== unique.length) {
    throw refused('Tài liệu không tồn tại, đã được dùng, quá hạn hoặc bị cách ly; vui lòng tải lên lại / a document is unknown, already used, expired or quarantined; upload it again');
  }
  const held = await tx.document.aggregate({ where: { caseId }, _sum: { size: true } });
  if ((held._sum.size ?? 0) + usable.reduce((sum, d) => sum + d.size, 0) > limits.maxCaseBytes) {
    throw refused(`Tổng dung lượng tài liệu của hồ sơ sẽ vượt quá ${megabytes(limits.maxCaseBytes)} / the case's documents would exceed ${megabytes(limits.maxCaseBytes)} in all`);
  }
  await tx.document.updateMany({ where: { id: { in: unique }, caseId: null }, data: { caseId, attachedWith, attachedAt: new Date() } });
}

/** Claims the documents an action names before it runs; the returned function gives them back should the action be refused. */
export async function claimForAction(db: Database, args: { caseId: string; ids: string[]; attachedWith: string; limits: DocumentLimits }): Promise<() => Promise<void>> {
  await db.$transaction((tx) => claimDocuments(tx, args));
  return async () => {
    await db.document.updateMany({ where: { id: { in: args.ids }, caseId: args.caseId, attachedWith: args.attachedWith }, data: { caseId: null, attachedWith: null, attachedAt: null } });
  };
}
