// Every activity heartbeats while it runs (worker/heartbeat-interceptor.ts); a worker that dies
// stops heartbeating, and Temporal hands its activities to another worker after the timeout.
export const HEARTBEAT_EVERY_MS = 2_000;
export const HEARTBEAT_TIMEOUT_MS = 10_000;
