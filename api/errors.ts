import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';

/** Every error code the API answers with, and its HTTP status: the one table. */
const STATUS = {
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  account_locked: 429,
  not_found: 404,
  case_not_found: 404,
  action_not_allowed: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
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

export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof AppError) return problem(res, err.code, err.message, err.fields);
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
  console.error(`${req.method} ${req.path} failed`, err);
  return problem(res, 'internal_error', 'Lỗi hệ thống, vui lòng thử lại / internal error, please retry');
};
