import type { RequestHandler } from 'express';
import { forbiddenCharacter, forbiddenCharacterMessage } from '../../domain/safe-text';
import { AppError, type FieldProblem } from '../errors';

/** Every string (and key) in a parsed body or query, with its dotted path as zod names fields. */
function* strings(value: unknown, path: string[] = []): Generator<[string, string]> {
  if (typeof value === 'string') yield [path.join('.') || '(body)', value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, String(i)]);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield [[...path, k].join('.'), k];
      yield* strings(v, [...path, k]);
    }
  }
}

function problems(value: unknown): FieldProblem[] {
  const found: FieldProblem[] = [];
  for (const [field, text] of strings(value)) {
    const bad = forbiddenCharacter(text);
    if (bad && !found.some((f) => f.field === field)) found.push({ field, message: forbiddenCharacterMessage(bad) });
  }
  return found;
}

/** The path as routes see their parameters; a malformed escape is left to the router's own 400. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

/**
 * One gate for every endpoint: text PostgreSQL or mail cannot carry (NUL, lone surrogates),
 * control characters and bidi overrides are refused with 422 on the field before any route runs,
 * so nothing of it reaches the database, a workflow or a mail.
 */
export const refuseUnsafeText: RequestHandler = (req, _res, next) => {
  if (forbiddenCharacter(decodedPath(req.path))) throw new AppError('not_found', 'Không có địa chỉ này / no such endpoint');
  const fields = [...problems(req.body), ...problems(req.query)];
  if (fields.length) throw new AppError('validation_failed', 'Dữ liệu chứa ký tự không được phép / the input contains characters that are not allowed', fields);
  next();
};
