import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { fileTypeFromFile } from 'file-type';
import { ACCEPTED_KINDS, acceptedType, cleanFileName, megabytes } from '../../domain/documents';
import type { MalwareScanner } from '../../infra/clamd';
import type { Database } from '../../infra/database';
import type { DocumentDeps } from '../../infra/documents';
import type { Document } from '../../prisma/generated/client';
import { AppError } from '../errors';

const tooLarge = (max: number) => new AppError('payload_too_large', `Tệp quá lớn, tối đa ${megabytes(max)} / the file is too large, at most ${megabytes(max)}`);

interface Received {
  /** As the browser sent it (cleaned before use). */
  name: string | undefined;
  size: number;
  sha256: string;
}

/**
 * Streams the request's one file to `path`, hashing and counting on the way: memory holds a chunk
 * at a time, whatever the size. busboy stops a file at the limit and the rest is discarded.
 */
function receiveFile(req: Request, path: string, maxBytes: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 0 } });
    } catch {
      return reject(new AppError('unsupported_media_type', 'Tệp phải được gửi dạng multipart/form-data / the file must be sent as multipart/form-data'));
    }
    let received = false;
    parser.on('file', (_field, stream, info) => {
      received = true;
      const hash = createHash('sha256');
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      pipeline(stream, count, createWriteStream(path, { mode: 0o600 })).then(
        () => (stream.truncated ? reject(tooLarge(maxBytes)) : resolve({ name: info.filename, size, sha256: hash.digest('hex') })),
        () => reject(cutShort()),
      );
    });
    parser.on('filesLimit', () => reject(new AppError('validation_failed', 'Mỗi lần chỉ gửi một tệp / one file per upload', [{ field: 'file', message: 'Mỗi lần chỉ gửi một tệp / one file per upload' }])));
    parser.on('error', () => reject(cutShort()));
    parser.on('close', () => {
      if (!received) reject(new AppError('validation_failed', 'Chưa chọn tệp / no file was sent', [{ field: 'file', message: 'Chưa chọn tệp / no file was sent' }]));
    });
    // A client that goes away mid-file ends nothing in the parser: say so instead of waiting.
    req.once('close', () => {
      if (!req.complete) reject(cutShort());
    });
    req.pipe(parser);
  });
}

const cutShort = () => new AppError('invalid_request', 'Tệp tải lên bị gián đoạn hoặc hỏng / the upload was cut short or malformed');

/**
 * One upload, start to finish: streamed to a staging file with the per-file limit, its type taken
 * from its content, scanned by clamd, then stored under a random key with its row. Refused files
 * leave nothing behind; an infected one goes to quarantine (kept for inspection, never served)
 * and the uploader is told (422). The document joins no case yet: a submission or an action names it.
 */
export async function storeUpload(deps: DocumentDeps, db: Database, req: Request, uploadedBy: string): Promise<Document> {
  const declared = Number(req.headers['content-length']);
  // The multipart envelope is small: a declared length far above the limit is refused unread.
  if (declared > deps.limits.maxFileBytes + 64 * 1024) throw tooLarge(deps.limits.maxFileBytes);
  await mkdir(deps.stagingDir, { recursive: true, mode: 0o700 });
  const id = randomUUID();
  const staged = join(deps.stagingDir, id);
  try {
    const file = await receiveFile(req, staged, deps.limits.maxFileBytes);
    if (file.size === 0) throw new AppError('validation_failed', 'Tệp rỗng / the file is empty', [{ field: 'file', message: 'Tệp rỗng / the file is empty' }]);
    const name = cleanFileName(file.name);
    const contentType = acceptedType(await fileTypeFromFile(staged), name);
    if (!contentType) {
      throw new AppError('unsupported_media_type', `Loại tệp không được nhận; chỉ nhận ${ACCEPTED_KINDS} / this kind of file is not accepted; only ${ACCEPTED_KINDS}`);
    }
    const verdict = await scan(deps.scanner, staged);
    const storageKey = `${verdict.infected ? 'quarantine' : 'documents'}/${id}`;
    await deps.storage.putFile(storageKey, staged, { size: file.size, contentType, sha256: file.sha256 });
    const doc = await db.document.create({
      data: {
        id, uploadedBy, name, contentType, size: file.size, sha256: file.sha256, storageKey,
        scanStatus: verdict.infected ? 'INFECTED' : 'CLEAN', scanFinding: verdict.infected ? verdict.signature : null, scannedAt: new Date(),
      },
    });
    if (verdict.infected) {
      throw new AppError('upload_infected', `Tệp chứa mã độc (${verdict.signature}), đã bị cách ly và không được nhận / the file contains malware (${verdict.signature}); it was quarantined and not accepted`);
    }
    return doc;
  } finally {
    await rm(staged, { force: true });
  }
}

/** A scanner that cannot answer stores nothing: the uploader tries again. */
async function scan(scanner: MalwareScanner, path: string) {
  try {
    return await scanner.scan(createReadStream(path));
  } catch (err) {
    console.error('upload: the malware scanner did not answer', err instanceof Error ? err.message : err);
    throw new AppError('temporarily_unavailable', 'Chưa kiểm tra được mã độc, tệp chưa được lưu; vui lòng thử lại / the malware check is unavailable, nothing was stored; retry shortly');
  }
}
