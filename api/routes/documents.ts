import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { attachmentDisposition, PETITIONER_SIDE } from '../../domain/documents';
import type { Database } from '../../infra/database';
import type { Case, Document } from '../../prisma/generated/client';
import { ScanStatus } from '../../prisma/generated/enums';
import { requireStaff } from '../auth/authenticate';
import { caseScope, type StaffUser } from '../auth/scope';
import { AppError } from '../errors';
import type { RateLimits } from '../security/rate-limits';
import type { DocumentDeps, DocumentLimits } from '../../infra/documents';
import { instant, responseType, type Conforms } from '../response-schemas';
import { storeUpload } from '../services/store-upload';
import { mayReadPetitioner } from './petitioner';
import { caseIdSchema } from './petitions.schema';
import { requireCitizenSecret } from './track';

/** A document as lists show it; `name` is withheld (null) from staff who may not see the petitioner's identity. */
export const documentInfoSchema = responseType(
  'DocumentInfo',
  z.object({
    id: z.string(),
    name: z.string().nullable(),
    contentType: z.string(),
    size: z.number(),
    scanStatus: z.enum(ScanStatus),
    /** "submission" or the case action it came with; null until a submission or an action names it. */
    attachedWith: z.string().nullable(),
    uploadedAt: instant,
  }),
);
/** A case's documents, oldest first. */
export const documentListSchema = responseType('DocumentList', z.object({ documents: z.array(documentInfoSchema) }));
/** The largest file taken and the most a case may hold, in bytes. */
export const documentLimitsSchema = responseType('DocumentLimits', z.object({ maxFileBytes: z.number(), maxCaseBytes: z.number() }));
true satisfies Conforms<DocumentLimits, typeof documentLimitsSchema>;

function documentView(d: Document, nameShown = true): z.output<typeof documentInfoSchema> {
  return { id: d.id, name: nameShown ? d.name : null, contentType: d.contentType, size: d.size, scanStatus: d.scanStatus, attachedWith: d.attachedWith, uploadedAt: d.createdAt };
}

/** Petitioner-side documents may identify the petitioner: staff see them as they may see the identity. */
const staffMayOpen = (user: StaffUser, c: Case, d: Document) => !PETITIONER_SIDE.has(d.attachedWith ?? '') || mayReadPetitioner(user, c);

const notFound = () => new AppError('not_found', 'Không tìm thấy tài liệu / no such document');

/**
 * Uploads (anyone: a citizen before submitting, staff before answering) and downloads, authorised
 * like the case: the citizen with the case's secret, staff within their scope. A document is served
 * only once clean, as an attachment with the type its content proved.
 */
export function documentsRouter({ db, documents, rateLimits }: { db: Database; documents: DocumentDeps; rateLimits: RateLimits }): Router {
  const router = Router();

  /** What the upload widget checks before sending: the same limits the server applies. */
  router.get('/documents/limits', (_req, res) => {
    const limits: z.output<typeof documentLimitsSchema> = documents.limits;
    res.set('Cache-Control', 'public, max-age=300').json(limits);
  });

  router.post('/documents', rateLimits.perAddress('upload'), async (req, res) => {
    try {
      const doc = await storeUpload(documents, db, req, (res.locals.user as StaffUser | undefined)?.email ?? 'citizen');
      res.status(201).set('Cache-Control', 'no-store').json(documentView(doc));
    } catch (err) {
      // The rest of a refused body is not read: the connection closes after the answer.
      res.set('Connection', 'close');
      throw err;
    }
  });

  const caseInScope = async (id: string, res: Response) => {
    const user = requireStaff(res);
    const parsed = caseIdSchema.safeParse(id);
    const found = parsed.success ? await db.case.findFirst({ where: { id: parsed.data, ...(await caseScope(db, user)) }, include: { documents: { orderBy: { createdAt: 'asc' } } } }) : null;
    if (!found) throw new AppError('case_not_found', 'Không tìm thấy hồ sơ / case not found');
    return { user, found };
  };

  router.get('/cases/:id/documents', async (req, res) => {
    const { user, found } = await caseInScope(req.params.id, res);
    const list: z.output<typeof documentListSchema> = { documents: found.documents.map((d) => documentView(d, staffMayOpen(user, found, d))) };
    res.set('Cache-Control', 'no-store').json(list);
  });

  router.get('/cases/:id/documents/:documentId', async (req, res) => {
    const { user, found } = await caseInScope(req.params.id, res);
    const doc = found.documents.find((d) => d.id === req.params.documentId);
    if (!doc) throw notFound();
    if (!staffMayOpen(user, found, doc)) throw new AppError('forbidden', 'Bạn không được xem tài liệu của người gửi đơn này / you may not see this petitioner’s documents');
    // A denouncer's documents are their identity: each reading is on the record (Denunciations Law 2018 art. 9).
    if (found.type === 'DENUNCIATION' && PETITIONER_SIDE.has(doc.attachedWith ?? '')) {
      await db.caseEvent.create({ data: { caseId: found.id, eventKey: `document_read:${randomUUID()}`, type: 'document_read', actor: user.email, tokenId: user.tokenId, reason: `Xem tài liệu "${doc.name}" (${user.role})` } });
    }
    await sendDocument(res, documents, doc);
  });

  const citizenCase = async (code: string, req: Parameters<typeof requireCitizenSecret>[1]) => {
    const found = await db.case.findUnique({ where: { trackingCode: code.slice(0, 40) }, include: { documents: { orderBy: { createdAt: 'asc' } } } });
    if (!found) throw new AppError('case_not_found', 'Không tìm thấy hồ sơ với mã này / no case with this tracking code');
    await requireCitizenSecret(rateLimits, req, found.trackingCode, found.citizenSecretHash);
    return found;
  };

  router.get('/track/:code/documents', async (req, res) => {
    const found = await citizenCase(req.params.code, req);
    const list: z.output<typeof documentListSchema> = { documents: found.documents.map((d) => documentView(d)) };
    res.set('Cache-Control', 'no-store').json(list);
  });

  router.get('/track/:code/documents/:documentId', async (req, res) => {
    const found = await citizenCase(req.params.code, req);
    const doc = found.documents.find((d) => d.id === req.params.documentId);
    if (!doc) throw notFound();
    await sendDocument(res, documents, doc);
  });

  return router;
}

/** Served as a download, never rendered in the API's origin: attachment, the stored type, no sniffing, a sandbox. */
async function sendDocument(res: Response, { storage }: DocumentDeps, doc: Document) {
  if (doc.scanStatus !== 'CLEAN') throw new AppError('forbidden', 'Tài liệu bị cách ly vì chứa mã độc / the document is quarantined: it contains malware');
  const stream = await storage.read(doc.storageKey);
  res.set({
    'Content-Type': doc.contentType,
    'Content-Length': String(doc.size),
    'Content-Disposition': attachmentDisposition(doc.name),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  await pipeline(stream, res);
}
