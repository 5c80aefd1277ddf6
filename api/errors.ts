import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { isDataError } from '../infra/data-errors';
import { installValidationMessages } from './validation-messages';

// Every request the API parses says what is wrong in Vietnamese then English, in words.
installValidationMessages();

/** Every error code the API answers with, and its HTTP status: the one table. */
const STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  citizen_secret_required: 401,
  citizen_secret_invalid: 403,
  forbidden: 403,
  cross_site_request: 403,
  rate_limited: 429,
  not_found: 404,
  case_not_found: 404,
  action_not_allowed: 409,
  appeal_window_closed: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  upload_infected: 422,
  idempotency_key_reused: 422,
  temporarily_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof STATUS;

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
    /** Sent as `Retry-After` (seconds): when a refused request may be tried again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** RFC 9457 problem details; the message is Vietnamese first, then English. */
function problem(res: Parameters<ErrorRequestHandler>[2], code: ErrorCode, detail: string, fields?: FieldProblem[]) {
  res
    .status(STATUS[code])
    .type('application/problem+json')
    .json({ type: `about:blank#${code}`, title: code, status: STATUS[code], code, detail, ...(fields ? { fields } : {}) });
}

/** Prisma's "can't reach / timed out / pool exhausted" errors: the database is down, not the request wrong. */
const DATABASE_DOWN = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return DATABASE_DOWN.has(e.code ?? '') || /Can't reach database server/.test(e.message ?? '');
}

export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof AppError) {
    if (err.retryAfterSeconds !== undefined) res.set('Retry-After', String(err.retryAfterSeconds));
    return problem(res, err.code, err.message, err.fields);
  }
  if (isDatabaseDown(err)) {
    // Nothing was accepted: the client retries (with the same Idempotency-Key for a submission).
    res.set('Retry-After', '5');
    return problem(res, 'temporarily_unavailable', 'Cơ sở dữ liệu tạm thời không truy cập được, chưa lưu gì; vui lòng thử lại / the database is unavailable, nothing was stored; retry shortly');
  }
  // A backstop: input the gate let through and PostgreSQL refused is still the caller's error.
  if (isDataError(err)) return problem(res, 'validation_failed', 'Dữ liệu không lưu được / the input cannot be stored');
  if (err instanceof ZodError) {
    const fields = err.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    return problem(res, 'validation_failed', 'Dữ liệu không hợp lệ / invalid input', fields);
  }
  // body-parser marks its own failures with a type and a 4xx status.
  const type = (err as { type?: string }).type;
  if (type === 'entity.parse.failed') return problem(res, 'invalid_json', 'Nội dung không phải JSON hợp lệ / the body is not valid JSON');
  if (type === 'entity.too.large') return problem(res, 'payload_too_large', 'Nội dung quá lớn / the body is too large');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return problem(res, 'unsupported_media_type', 'Bảng mã không được hỗ trợ / unsupported encoding');
  }
  // Any other client error express or body-parser found (a path's bad percent-encoding, a corrupt
  // gzip, deflate or br body): the request's fault, never a 500.
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500 && (err instanceof URIError || (err as { expose?: unknown }).expose === true)) {
    return problem(res, 'invalid_request', 'Yêu cầu không hợp lệ (đường dẫn hoặc nội dung nén hỏng) / malformed request (bad path encoding or corrupt compressed body)');
  }
  console.error(`${req.method} ${req.path} failed`, err);
  return problem(res, 'internal_error', 'Lỗi hệ thống, vui lòng thử lại / internal error, please retry');
};
