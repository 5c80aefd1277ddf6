// Keeps the child processes of `npm start` and `npm run cluster` running: a child that dies is
// started again after a backoff and the others keep serving; only `stop()` (Ctrl-C, SIGTERM)
// stops everything, in the reverse order of start.

/** What the supervisor needs of a child process: a `ChildProcess` has it; unit tests pass a fake. */
export interface Child {
  readonly pid?: number | undefined;
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  kill(signal?: NodeJS.Signals): boolean;
}

export interface ServiceSpec<C extends Child = Child> {
  name: string;
  /** Spawns the process (and may wait until it serves, as embedded PostgreSQL's start does). */
  start(): C | Promise<C>;
  /** Resolves once the child serves; rejects when it exits first or takes too long. */
  ready?(child: C): Promise<void>;
  /** Stops a live child; by default SIGTERM, then SIGKILL after 10 s. */
  stop?(child: C): Promise<void>;
}

export interface BackoffPolicy {
  /** Wait before the first restart. */
  initialMs: number;
  /** Each quick death multiplies the wait by this, up to `maxMs`. */
  factor: number;
  maxMs: number;
  /** A child that ran this long before it died was healthy: the next wait is `initialMs` again. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, factor: 2, maxMs: 30_000, resetAfterMs: 60_000 };

/** Exponential backoff with a reset: 1, 2, 4, 8, 16, 30, 30 … s while a child keeps dying quickly. */
export class Backoff {
  private quickDeaths = 0;

  constructor(private readonly policy: BackoffPolicy = DEFAULT_BACKOFF) {}

  /** The wait before the next start, given how long the last run lasted (0: it did not start). */
  next(uptimeMs: number): number {
    if (uptimeMs >= this.policy.resetAfterMs) this.quickDeaths = 0;
    const delay = Math.min(this.policy.initialMs * this.policy.factor ** this.quickDeaths, this.policy.maxMs);
    this.quickDeaths += 1;
    return delay;
  }
}

export type SupervisorEvent =
  | { type: 'started'; name: string; pid: number | undefined; restart: number }
  | { type: 'ready'; name: string; pid: number | undefined; restart: number; downMs: number | null }
  | { type: 'exited'; name: string; pid: number | undefined; code: number | null; signal: NodeJS.Signals | null; uptimeMs: number; restartInMs: number }
  | { type: 'failed'; name: string; error: string; restartInMs: number | null }
  | { type: 'stopping'; name: string; pid: number | undefined }
  | { type: 'stopped'; name: string };

const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/** The line `npm start` prints for an event. */
export function describeEvent(e: SupervisorEvent): string {
  switch (e.type) {
    case 'started':
      return `[supervisor] ${e.name} started (pid ${e.pid ?? '?'})${e.restart ? `, restart #${e.restart}` : ''}`;
    case 'ready':
      return e.downMs === null ? `[supervisor] ${e.name} is up (pid ${e.pid ?? '?'})` : `[supervisor] ${e.name} is back (pid ${e.pid ?? '?'}), ${secs(e.downMs)} after it died`;
    case 'exited':
      return `[supervisor] ${e.name} (pid ${e.pid ?? '?'}) exited unexpectedly (${e.signal ? `signal ${e.signal}` : `code ${e.code}`}) after ${secs(e.uptimeMs)}; restarting in ${secs(e.restartInMs)}, the others keep running`;
    case 'failed':
      return `[supervisor] ${e.name} failed to start: ${e.error}${e.restartInMs === null ? '' : `; retrying in ${secs(e.restartInMs)}`}`;
    case 'stopping':
      return `[supervisor] stopping ${e.name} (pid ${e.pid ?? '?'})`;
    case 'stopped':
      return `[supervisor] ${e.name} stopped`;
  }
}

/** A supervised service as its owner sees it. */
export interface Supervised<C extends Child = Child> {
  readonly name: string;
  /** The live process, or null while it is down. */
  readonly child: C | null;
  /** Restarts so far (not counting the first start). */
  readonly restarts: number;
}

const alive = (c: Child) => c.exitCode === null && c.signalCode === null;

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export function terminate(child: Child, graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!alive(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

class Service<C extends Child> implements Supervised<C> {
  child: C | null = null;
  restarts = 0;
  /** Ready at least once: from then on, a death means a restart (before, the owner hears of it). */
  everReady = false;
  startedAt = 0;
  /** When the child died, while it is down (across failed restarts). */
  downSince: number | null = null;
  timer: ReturnType<typeof setTimeout> | null = null;
  /** The pending `spec.start()`, which `stop()` waits for so it stops what it returns. */
  starting: Promise<unknown> | null = null;

  constructor(
    readonly spec: ServiceSpec<C>,
    readonly backoff: Backoff,
  ) {}

  get name() {
    return this.spec.name;
  }
}

export class Supervisor {
  private readonly services: Array<Service<Child>> = [];
  private stopping: Promise<void> | null = null;
  private readonly backoff: BackoffPolicy;
  private readonly onEvent: (e: SupervisorEvent) => void;

  constructor(opts: { backoff?: Partial<BackoffPolicy>; onEvent?: (e: SupervisorEvent) => void } = {}) {
    this.backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
    this.onEvent = opts.onEvent ?? ((e) => (e.type === 'exited' || e.type === 'failed' ? console.error : console.log)(describeEvent(e)));
  }

  get isStopping(): boolean {
    return this.stopping !== null;
  }

  /**
   * Starts a service and waits until it is ready. If that first start fails, the promise rejects
   * (a wrong port or setting should stop `npm start` with its message, not loop); from then on
   * every death is followed by a restart.
   */
  async add<C extends Child>(spec: ServiceSpec<C>): Promise<Supervised<C>> {
    if (this.stopping) throw new Error(`${spec.name}: the supervisor is stopping`);
    const svc = new Service<C>(spec, new Backoff(this.backoff));
    this.services.push(svc as unknown as Service<Child>);
    await this.launch(svc);
    return svc;
  }

  /** Stops every service, the last added first; pending restarts are cancelled. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const svc of this.services) if (svc.timer) clearTimeout(svc.timer);
      for (const svc of [...this.services].reverse()) {
        await svc.starting?.catch(() => {});
        const child = svc.child;
        if (child && alive(child)) {
          this.onEvent({ type: 'stopping', name: svc.name, pid: child.pid });
          await (svc.spec.stop ?? ((c: Child) => terminate(c)))(child).catch((err: unknown) => {
            this.onEvent({ type: 'failed', name: svc.name, error: `while stopping: ${message(err)}`, restartInMs: null });
            child.kill('SIGKILL');
          });
          this.onEvent({ type: 'stopped', name: svc.name });
        }
      }
    })();
    return this.stopping;
  }

  /**
   * SIGKILL to every live child, synchronously: for the supervisor's own `exit` (a crash), so no
   * child outlives it. Its children run in their own process groups and would not see its end.
   */
  killAll(): void {
    this.stopping ??= Promise.resolve();
    for (const svc of this.services) {
      if (svc.timer) clearTimeout(svc.timer);
      if (svc.child && alive(svc.child)) svc.child.kill('SIGKILL');
    }
  }

  /** One start: spawn, watch, wait until ready. Throws only for a first start. */
  private async launch<C extends Child>(svc: Service<C>): Promise<void> {
    const first = !svc.everReady;
    let child: C;
    try {
      const starting = (async () => svc.spec.start())();
      svc.starting = starting;
      child = await starting;
    } catch (err) {
      if (first) throw err;
      this.retryLater(svc, err);
      return;
    } finally {
      svc.starting = null;
    }
    svc.child = child;
    svc.startedAt = Date.now();
    this.onEvent({ type: 'started', name: svc.name, pid: child.pid, restart: svc.restarts });
    let exited = false;
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      if (exited) return;
      exited = true;
      this.exited(svc, child, code, signal);
    };
    child.once('exit', onExit);
    // A start that awaited readiness (embedded PostgreSQL) may return a child that already died.
    if (!alive(child)) onExit(child.exitCode, child.signalCode);
    if (this.stopping) return;
    try {
      await svc.spec.ready?.(child);
    } catch (err) {
      if (alive(child)) child.kill('SIGKILL'); // its exit schedules the retry
      if (first) throw err;
      if (!this.stopping) this.onEvent({ type: 'failed', name: svc.name, error: message(err), restartInMs: null });
      return;
    }
    if (this.stopping || svc.child !== child) return;
    this.onEvent({ type: 'ready', name: svc.name, pid: child.pid, restart: svc.restarts, downMs: svc.downSince === null ? null : Date.now() - svc.downSince });
    svc.everReady = true;
    svc.downSince = null;
  }

  private exited<C extends Child>(svc: Service<C>, child: C, code: number | null, signal: NodeJS.Signals | null): void {
    if (svc.child !== child) return;
    svc.child = null;
    if (this.stopping || !svc.everReady) return;
    const now = Date.now();
    svc.downSince ??= now;
    const restartInMs = svc.backoff.next(now - svc.startedAt);
    this.onEvent({ type: 'exited', name: svc.name, pid: child.pid, code, signal, uptimeMs: now - svc.startedAt, restartInMs });
    this.schedule(svc, restartInMs);
  }

  private retryLater<C extends Child>(svc: Service<C>, err: unknown): void {
    if (this.stopping) return;
    const restartInMs = svc.backoff.next(0);
    this.onEvent({ type: 'failed', name: svc.name, error: message(err), restartInMs });
    this.schedule(svc, restartInMs);
  }

  private schedule<C extends Child>(svc: Service<C>, delayMs: number): void {
    if (svc.timer) clearTimeout(svc.timer);
    svc.timer = setTimeout(() => {
      svc.timer = null;
      if (this.stopping) return;
      svc.restarts += 1;
      void this.launch(svc);
    }, delayMs);
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)) || 'unknown error';
