import { randomUUID } from 'node:crypto';
import type { Database } from '../infra/database';

/**
 * A claim lasts this long unless its holder renews it. A live attempt renews it every few seconds,
 * even when Temporal has given up on it (a heartbeat lost on a loaded machine) and started a retry,
 * so the retry waits instead of sending the same mail alongside it. A dead worker stops renewing, and
 * its claim frees itself within the lease.
 */
export const CLAIM_LEASE_SECONDS = 15;
const RENEW_EVERY_MS = 5_000;

export interface NoticeClaim {
  /** Stops renewing; the caller's final update of the row clears the claim. */
  stop(): void;
}

// The database's clock decides expiry, so workers whose clocks differ still agree. Stored as UTC
// like every Prisma DateTime.
const UTC_NOW = 'now() AT TIME ZONE \'UTC\'';

/** Claims a pending notice for this attempt, or returns null when another live attempt holds it. */
export async function claimNotice(db: Database, notificationId: string): Promise<NoticeClaim | null> {
  const token = randomUUID();
  const claimed = await db.$executeRawUnsafe(
    `UPDATE "Notification" SET "claimedBy" = $1, "claimedUntil" = ${UTC_NOW} + make_interval(secs => $2)
     WHERE id = $3::uuid AND status = 'PENDING' AND ("claimedUntil" IS NULL OR "claimedUntil" < ${UTC_NOW})`,
    token,
    CLAIM_LEASE_SECONDS,
    notificationId,
  );
  if (claimed === 0) return null;
  const timer = setInterval(() => {
    // A failed renewal (database away) is retried at the next tick; the lease covers two misses.
    db.$executeRawUnsafe(
      `UPDATE "Notification" SET "claimedUntil" = ${UTC_NOW} + make_interval(secs => $1) WHERE id = $2::uuid AND "claimedBy" = $3`,
      CLAIM_LEASE_SECONDS,
      notificationId,
      token,
    ).catch(() => undefined);
  }, RENEW_EVERY_MS);
  return { stop: () => clearInterval(timer) };
}

/** The update that ends a claim, merged into the row's final write. */
export const CLAIM_ENDED = { claimedBy: null, claimedUntil: null } as const;
