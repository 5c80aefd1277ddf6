import { isIPv6 } from 'node:net';
import type { Request, RequestHandler } from 'express';
import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../infra/config';
import { AppError } from '../errors';

/** How many requests (or failures) each limit allows; README "Configuration" names their variables. */
export interface RateLimitSettings {
  /** Anonymous submissions (`POST /api/petitions`) per client address. */
  submissionsPerMinute: number;
  submissionsPerHour: number;
  /** Anonymous tracking look-ups and citizen actions (`/api/track/…`) per client address. */
  trackingPerMinute: number;
  /** Anonymous uploads (`POST /api/documents`) per client address an hour. */
  uploadsPerHour: number;
  /** Wrong citizen secrets per hour, per tracking code and per client address. */
  citizenSecretFailuresPerCode: number;
  citizenSecretFailuresPerAddress: number;
  /** Failed logins (login-throttle.ts). */
  loginConsecutiveFailures: number;
  loginFailuresPerAccount: number;
  loginFailuresPerAddress: number;
}

export function rateLimitSettings(config: Config): RateLimitSettings {
  return {
    submissionsPerMinute: config.RATE_LIMIT_SUBMISSIONS_PER_MINUTE,
    submissionsPerHour: config.RATE_LIMIT_SUBMISSIONS_PER_HOUR,
    trackingPerMinute: config.RATE_LIMIT_TRACKING_PER_MINUTE,
    uploadsPerHour: config.RATE_LIMIT_UPLOADS_PER_HOUR,
    citizenSecretFailuresPerCode: config.RATE_LIMIT_SECRET_FAILURES_PER_CODE,
    citizenSecretFailuresPerAddress: config.RATE_LIMIT_SECRET_FAILURES_PER_ADDRESS,
    loginConsecutiveFailures: config.LOGIN_CONSECUTIVE_FAILURES,
    loginFailuresPerAccount: config.LOGIN_FAILURES_PER_ACCOUNT,
    loginFailuresPerAddress: config.LOGIN_FAILURES_PER_ADDRESS,
  };
}

const MINUTE = 60;
const HOUR = 3600;

/** The limits on requests: points per duration (seconds), and what a refused client is told. */
const REQUEST_LIMITS = {
  'submission-minute': { points: (s: RateLimitSettings) => s.submissionsPerMinute, duration: MINUTE, message: 'Quá nhiều đơn gửi từ địa chỉ này, vui lòng thử lại sau / too many submissions from this address, retry later' },
  'submission-hour': { points: (s: RateLimitSettings) => s.submissionsPerHour, duration: HOUR, message: 'Quá nhiều đơn gửi từ địa chỉ này, vui lòng thử lại sau / too many submissions from this address, retry later' },
  tracking: { points: (s: RateLimitSettings) => s.trackingPerMinute, duration: MINUTE, message: 'Quá nhiều lượt tra cứu từ địa chỉ này, vui lòng thử lại sau / too many look-ups from this address, retry later' },
  upload: { points: (s: RateLimitSettings) => s.uploadsPerHour, duration: HOUR, message: 'Quá nhiều tệp tải lên từ địa chỉ này, vui lòng thử lại sau / too many uploads from this address, retry later' },
  'citizen-secret-code': { points: (s: RateLimitSettings) => s.citizenSecretFailuresPerCode, duration: HOUR, message: 'Quá nhiều lần nhập sai mã bí mật của hồ sơ này, vui lòng thử lại sau / too many wrong secrets for this case, retry later' },
  'citizen-secret-address': { points: (s: RateLimitSettings) => s.citizenSecretFailuresPerAddress, duration: HOUR, message: 'Quá nhiều lần nhập sai mã bí mật từ địa chỉ này, vui lòng thử lại sau / too many wrong secrets from this address, retry later' },
  // New secrets mailed per case: enough for a citizen, too few to flood their inbox.
  'citizen-secret-mail': { points: () => 3, duration: HOUR, message: 'Đã gửi mã bí mật mới nhiều lần, vui lòng xem hộp thư / a new secret was sent several times already, check your mailbox' },
} as const;

export type RequestLimitName = keyof typeof REQUEST_LIMITS;

export interface RateLimits {
  readonly settings: RateLimitSettings;
  /**
   * Counts one for `key` on a limit; past it, throws the `rate_limited` AppError (429) with its
   * Retry-After. For failures (a wrong citizen secret): call `check` before verifying and
   * `consume` after each failure, so even the right secret waits once the limit is reached.
   */
  consume(name: RequestLimitName, key: string): Promise<void>;
  /** Throws like `consume` when `key` has already used up the limit; counts nothing. */
  check(name: RequestLimitName, key: string): Promise<void>;
  /** Express middleware counting anonymous requests per client address on the given limits (staff are not counted). */
  perAddress(...names: RequestLimitName[]): RequestHandler;
  /** A limiter on the shared table under its own key prefix (created once per name). */
  limiter(name: string, options: { points: number; duration: number }): RateLimiterPostgres;
  /** Forgets every counter of a limiter whose key starts with `keyStart`. */
  forgetKeysStartingWith(name: string, keyStart: string): Promise<void>;
  close(): Promise<void>;
}

/** The `rate_limited` error for a refused request: Retry-After from the limiter's answer, at least a second. */
export function rateLimited(message: string, msBeforeNext: number): AppError {
  return new AppError('rate_limited', message, undefined, Math.max(1, Math.ceil(msBeforeNext / 1000)));
}

/**
 * Limits shared by every API replica: counters in PostgreSQL's `rate_limits` table (its migration
 * is committed, so nothing is created at start), through a small pool of its own. Should the
 * database be unreachable, each replica counts in memory meanwhile (rate-limiter-flexible's
 * insurance limiter) instead of failing the request.
 */
export function createRateLimits({ databaseUrl, settings }: { databaseUrl: string; settings: RateLimitSettings }): RateLimits {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 3000, query_timeout: 5000, idleTimeoutMillis: 30_000 });
  // An idle connection the server dropped (a restart) must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.warn(`rate limits: idle PostgreSQL connection lost: ${err.message}`));

  const limiters = new Map<string, RateLimiterPostgres>();
  const limiter = (name: string, { points, duration }: { points: number; duration: number }) => {
    let found = limiters.get(name);
    if (!found) {
      found = new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        // One limiter sweeps expired rows every 5 minutes for all of them.
        clearExpiredByTimeout: limiters.size === 0,
        keyPrefix: name,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
      limiters.set(name, found);
    }
    return found;
  };
  const requestLimiter = (name: RequestLimitName) => limiter(name, { points: REQUEST_LIMITS[name].points(settings), duration: REQUEST_LIMITS[name].duration });

  const consume = async (name: RequestLimitName, key: string) => {
    try {
      await requestLimiter(name).consume(key);
    } catch (refused) {
      if (refused instanceof RateLimiterRes) throw rateLimited(REQUEST_LIMITS[name].message, refused.msBeforeNext);
      throw refused;
    }
  };

  return {
    settings,
    consume,
    async check(name, key) {
      const used = await requestLimiter(name).get(key);
      if (used && used.consumedPoints >= REQUEST_LIMITS[name].points(settings)) throw rateLimited(REQUEST_LIMITS[name].message, used.msBeforeNext);
    },
    perAddress(...names) {
      return async (req, res, next) => {
        // Staff are authenticated and accountable (reception may type in a day's paper petitions).
        if (!res.locals.user) for (const name of names) await consume(name, clientAddress(req));
        next();
      };
    },
    limiter,
    async forgetKeysStartingWith(name, keyStart) {
      const escaped = `${name}:${keyStart}`.replace(/[\\%_]/g, (c) => `\\${c}`);
      await pool.query('DELETE FROM rate_limits WHERE key LIKE $1', [`${escaped}%`]);
    },
    close: () => pool.end(),
  };
}

/**
 * The client's address as express sees it (`trust proxy`: the loopback proxy's X-Forwarded-For).
 * IPv4-mapped IPv6 counts as its IPv4 address; an IPv6 address as its /64, which one subscriber
 * usually holds whole (counting single addresses would let them change address at will).
 */
export function clientAddress(req: Request): string {
  const ip = (req.ip ?? req.socket.remoteAddress ?? 'unknown').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)?.[1];
  if (mapped) return mapped;
  if (!isIPv6(ip) || ip.includes('.')) return ip;
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
