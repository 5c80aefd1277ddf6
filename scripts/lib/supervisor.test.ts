import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backoff, describeEvent, Supervisor, type Child, type ServiceSpec, type SupervisorEvent } from './supervisor';

/** A process that exits when told to, or when the test kills it. */
class FakeChild extends EventEmitter implements Child {
  static nextPid = 100;
  readonly pid = FakeChild.nextPid++;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  /** Signals it was sent, in order. */
  readonly signals: NodeJS.Signals[] = [];
  /** false: ignores SIGTERM, as a stuck process would. */
  constructor(private readonly obeysTerm = true) {
    super();
  }
  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.signals.push(signal);
    if (signal === 'SIGKILL' || this.obeysTerm) this.die(null, signal);
    return true;
  }
  die(code: number | null, signal: NodeJS.Signals | null = null) {
    if (this.exitCode !== null || this.signalCode !== null) return;
    this.exitCode = code;
    this.signalCode = signal;
    queueMicrotask(() => this.emit('exit', code, signal));
  }
}

function fakeService(name: string, opts: { failStarts?: number; obeysTerm?: boolean; ready?: (c: FakeChild) => Promise<void> } = {}) {
  const children: FakeChild[] = [];
  let failures = opts.failStarts ?? 0;
  const spec: ServiceSpec<FakeChild> = {
    name,
    start: () => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('port in use');
      }
      const c = new FakeChild(opts.obeysTerm ?? true);
      children.push(c);
      return c;
    },
    ...(opts.ready ? { ready: opts.ready } : {}),
  };
  return { spec, children, current: () => children[children.length - 1]! };
}

describe('Backoff', () => {
  it('doubles from 1 s to 30 s while the child keeps dying quickly', () => {
    const b = new Backoff();
    expect(Array.from({ length: 8 }, () => b.next(500))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts again from 1 s once the child stayed up a minute', () => {
    const b = new Backoff();
    b.next(100);
    b.next(100);
    expect(b.next(100)).toBe(4_000);
    expect(b.next(60_000)).toBe(1_000);
    expect(b.next(10)).toBe(2_000);
  });

  it('follows a given policy', () => {
    const b = new Backoff({ initialMs: 100, factor: 3, maxMs: 1_000, resetAfterMs: 5_000 });
    expect([b.next(0), b.next(0), b.next(0), b.next(0), b.next(4_999), b.next(5_000)]).toEqual([100, 300, 900, 1_000, 1_000, 100]);
  });
});

describe('Supervisor', () => {
  let events: SupervisorEvent[];
  let supervisor: Supervisor;
  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    supervisor = new Supervisor({ onEvent: (e) => events.push(e) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const types = (name: string) => events.filter((e) => e.name === name).map((e) => e.type);

  it('restarts a child killed with SIGKILL after 1 s, and the others keep running', async () => {
    const worker = fakeService('worker');
    const api = fakeService('api');
    const w = await supervisor.add(worker.spec);
    await supervisor.add(api.spec);
    const apiChild = api.current();

    worker.current().kill('SIGKILL');
    await vi.advanceTimersByTimeAsync(0);
    expect(w.child).toBeNull();
    expect(events.at(-1)).toMatchObject({ type: 'exited', name: 'worker', signal: 'SIGKILL', restartInMs: 1_000 });
    expect(describeEvent(events.at(-1)!)).toMatch(/^\[supervisor\] worker \(pid \d+\) exited unexpectedly \(signal SIGKILL\) after 0\.0 s; restarting in 1\.0 s/);

    await vi.advanceTimersByTimeAsync(999);
    expect(worker.children).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(worker.children).toHaveLength(2);
    expect(w.child).toBe(worker.current());
    expect(w.restarts).toBe(1);
    expect(events.at(-1)).toMatchObject({ type: 'ready', name: 'worker', downMs: 1_000 });
    // The API was never touched.
    expect(api.children).toEqual([apiChild]);
    expect(apiChild.signals).toEqual([]);
  });

  it('waits longer after each quick death, and 1 s again after a long healthy run', async () => {
    const worker = fakeService('worker');
    await supervisor.add(worker.spec);
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      worker.current().die(1);
      await vi.advanceTimersByTimeAsync(0);
      const wait = (events.at(-1) as { restartInMs: number }).restartInMs;
      waits.push(wait);
      await vi.advanceTimersByTimeAsync(wait);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    worker.current().die(1);
    await vi.advanceTimersByTimeAsync(0);
    waits.push((events.at(-1) as { restartInMs: number }).restartInMs);
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 1_000]);
    expect(worker.children).toHaveLength(5);
  });

  it('retries a restart that fails to spawn, with growing waits, until it comes back', async () => {
    const db = fakeService('postgres');
    const svc = await supervisor.add(db.spec);
    // After the first start, the next two spawns fail.
    let failures = 2;
    const start = db.spec.start;
    db.spec.start = () => {
      if (failures-- > 0) throw new Error('shared memory block still in use');
      return start();
    };
    db.current().kill('SIGKILL');
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000); // first retry fails: next wait 2 s
    expect(events.at(-1)).toMatchObject({ type: 'failed', error: 'shared memory block still in use', restartInMs: 2_000 });
    await vi.advanceTimersByTimeAsync(2_000); // second fails: 4 s
    expect(events.at(-1)).toMatchObject({ type: 'failed', restartInMs: 4_000 });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(svc.child).toBe(db.current());
    expect(events.at(-1)).toMatchObject({ type: 'ready', name: 'postgres', downMs: 7_000 });
    expect(svc.restarts).toBe(3);
  });

  it('kills a restarted child that does not get ready, and tries again', async () => {
    let readyCalls = 0;
    const api = fakeService('api', {
      ready: async () => {
        readyCalls += 1;
        if (readyCalls === 2) throw new Error('/api/health did not answer within 60s');
      },
    });
    const svc = await supervisor.add(api.spec);
    api.current().kill('SIGKILL');
    await vi.advanceTimersByTimeAsync(1_000);
    const hung = api.current();
    expect(hung.signals).toEqual(['SIGKILL']);
    expect(types('api')).toEqual(['started', 'ready', 'exited', 'started', 'failed', 'exited']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(svc.child).toBe(api.current());
    expect(api.children).toHaveLength(3);
    expect(types('api').at(-1)).toBe('ready');
  });

  it('rejects a first start that fails, without retrying', async () => {
    const api = fakeService('api', { failStarts: 1 });
    await expect(supervisor.add(api.spec)).rejects.toThrow('port in use');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.children).toHaveLength(0);

    const worker = fakeService('worker', { ready: (c) => new Promise((_, reject) => c.once('exit', () => reject(new Error('exited before polling')))) });
    const adding = supervisor.add(worker.spec);
    worker.current().die(1);
    await expect(adding).rejects.toThrow('exited before polling');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(worker.children).toHaveLength(1);
  });

  it('stops everything in the reverse order of start, and restarts nothing after', async () => {
    const names = ['temporal', 'postgres', 'mail', 'worker', 'api'];
    const services = names.map((n) => fakeService(n));
    for (const s of services) await supervisor.add(s.spec);
    await supervisor.stop();
    expect(events.filter((e) => e.type === 'stopped').map((e) => e.name)).toEqual([...names].reverse());
    for (const s of services) expect(s.current().signals).toEqual(['SIGTERM']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(services.every((s) => s.children.length === 1)).toBe(true);
  });

  it('cancels a pending restart on stop', async () => {
    const worker = fakeService('worker');
    await supervisor.add(worker.spec);
    worker.current().kill('SIGKILL');
    await vi.advanceTimersByTimeAsync(500);
    await supervisor.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(worker.children).toHaveLength(1);
  });

  it('kills every live child at once when the supervisor itself dies, and restarts none', async () => {
    const a = fakeService('worker', { obeysTerm: false });
    const b = fakeService('api');
    await supervisor.add(a.spec);
    await supervisor.add(b.spec);
    supervisor.killAll();
    expect([a.current().signals, b.current().signals]).toEqual([['SIGKILL'], ['SIGKILL']]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect([a.children.length, b.children.length]).toEqual([1, 1]);
  });

  it('sends SIGKILL to a child that ignores SIGTERM for 10 s', async () => {
    const stuck = fakeService('worker', { obeysTerm: false });
    await supervisor.add(stuck.spec);
    const stopping = supervisor.stop();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(stuck.current().signals).toEqual(['SIGTERM']);
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(stuck.current().signals).toEqual(['SIGTERM', 'SIGKILL']);
  });
});
