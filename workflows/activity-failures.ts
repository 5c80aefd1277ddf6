/** Failure type of an activity whose input can never be stored (worker/data-error-interceptor.ts). */
export const DATA_REJECTED = 'DataRejected';

/** Whether an update or activity failed because its data can never be stored. */
export function isDataRejected(err: unknown): boolean {
  for (let e = err as { type?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.type === DATA_REJECTED) return true;
  }
  return false;
}
