import { createHash } from 'node:crypto';

/** A stable UUID-shaped id from a client's Idempotency-Key: the same key always names the same record. */
export function uuidFromKey(kind: string, key: string): string {
  const h = createHash('sha256').update(`${kind}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
