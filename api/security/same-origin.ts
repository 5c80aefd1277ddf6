import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A body is on its way when its length is announced and not zero, or it is chunked. */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return !Number.isFinite(length) || length > 0;
}

/** The origin's host ("host:port"), or null for `null` and anything that is not a URL. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/**
 * CSRF defence for the API (chống giả mạo yêu cầu liên trang): a request that changes something is
 * refused when the browser says it comes from another site (`Sec-Fetch-Site: cross-site`, or an
 * `Origin` that is neither PUBLIC_URL's origin nor the request's own Host). Tools that send neither
 * header (curl, integrations) are not browsers acting for someone, and pass. Then only JSON bodies
 * are taken: a cross-site HTML form can send form-encoded, multipart or text/plain, never JSON
 * without a CORS preflight. A request without a body (logout, some actions) needs no type. A file
 * upload is multipart, and is taken only with an `X-Requested-With` header, which a form cannot
 * send and a cross-site script cannot without a preflight the API never grants.
 */
export function sameOriginOnly({ publicUrl }: { publicUrl?: string }): RequestHandler {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : null;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const crossSite =
      req.get('sec-fetch-site') === 'cross-site' ||
      (origin !== undefined && origin !== publicOrigin && (hostOf(origin) === null || hostOf(origin) !== req.get('host')?.toLowerCase()));
    if (crossSite) throw new AppError('cross_site_request', 'Yêu cầu từ trang web khác bị từ chối / a request from another site is refused');
    const upload = req.is('multipart/form-data') && req.get('x-requested-with') !== undefined;
    if (hasBody(req) && !req.is('application/json') && !upload) {
      throw new AppError('unsupported_media_type', 'Nội dung phải là JSON (Content-Type: application/json) / the body must be JSON (Content-Type: application/json)');
    }
    next();
  };
}
