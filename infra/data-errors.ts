/**
 * Errors the same input will raise on every attempt: PostgreSQL's data exceptions (SQLSTATE class
 * 22: a NUL byte, a value out of range, a string too long) and values Prisma cannot serialise (a
 * lone surrogate). Retrying them only freezes what waits on them.
 */
const PRISMA_DATA_CODES = new Set(['P2000', 'P2006', 'P2007', 'P2019', 'P2020', 'P2023']);

interface MaybeDbError {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
}

export function isDataError(err: unknown): boolean {
  for (let e = err as MaybeDbError | undefined, depth = 0; e && depth < 5; e = e.cause as MaybeDbError | undefined, depth++) {
    if (typeof e !== 'object') return false;
    const kind = (e as { kind?: string }).kind;
    if (kind === 'postgres' && /^22/.test(e.code ?? '')) return true;
    if (PRISMA_DATA_CODES.has(e.code ?? '')) return true;
    if (e.name === 'PrismaClientUnknownRequestError' && /JSON Error|invalid byte sequence/.test(e.message ?? '')) return true;
  }
  return false;
}
