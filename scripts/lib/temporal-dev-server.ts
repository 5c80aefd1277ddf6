import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { hasExited } from './child';
import { terminate, type ServiceSpec } from './supervisor';

export interface DevServerOptions {
  binary: string;
  port: number;
  /** Omit for no Web UI (tests). */
  uiPort?: number;
  /** SQLite file that keeps history across restarts; omit for an in-memory server. */
  dbFile?: string;
  logFile: string;
}

export interface RunningDevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const TYPE_NAMES: Record<string, string> = { KEYWORD: 'Keyword', DATETIME: 'Datetime', BOOL: 'Bool', TEXT: 'Text', INT: 'Int', DOUBLE: 'Double', KEYWORD_LIST: 'KeywordList' };

export function searchAttributeFlags(): string[] {
  return SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${TYPE_NAMES[k.type]}`]);
}

/** Waits until the frontend answers a real RPC, not just until the port opens. */
export async function waitForTemporal(address: string, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child && hasExited(child)) throw new Error(`the Temporal server exited (${child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`})`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.withDeadline(Date.now() + 2000, () => connection.workflowService.describeNamespace({ namespace: 'default' }));
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} did not become ready: ${String(lastError)}`);
}

function spawnDevServer(opts: DevServerOptions, detached = false): ChildProcess {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(opts.port),
    ...(opts.uiPort ? ['--ui-port', String(opts.uiPort)] : ['--headless']),
    ...(opts.dbFile ? ['--db-filename', opts.dbFile, '--sqlite-pragma', 'journal_mode=WAL'] : []),
    '--log-level', 'warn',
    ...searchAttributeFlags(),
  ];
  if (opts.dbFile) mkdirSync(dirname(opts.dbFile), { recursive: true });
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const child = spawn(opts.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Starts `temporal server start-dev`: the real server with SQLite, our search attributes registered. */
export async function startTemporalDevServer(opts: DevServerOptions): Promise<RunningDevServer> {
  const child = spawnDevServer(opts);
  const address = `127.0.0.1:${opts.port}`;
  try {
    await waitForTemporal(address, 60_000, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${String(err)} (log: ${opts.logFile})`);
  }
  return {
    address,
    process: child,
    stop: () => stopProcess(child),
  };
}

/**
 * The dev server as a supervised service (`npm start`): started again on the same SQLite file when
 * it dies; in its own process group, so a Ctrl-C in the terminal reaches only the supervisor.
 */
export function temporalDevServerService(opts: DevServerOptions): { spec: ServiceSpec<ChildProcess>; address: string } {
  const address = `127.0.0.1:${opts.port}`;
  return {
    address,
    spec: {
      name: 'temporal',
      start: () => spawnDevServer(opts, true),
      ready: (child) => waitForTemporal(address, 60_000, child).catch((err: unknown) => {
        throw new Error(`${String(err)} (log: ${opts.logFile})`);
      }),
    },
  };
}

export function stopProcess(child: ChildProcess, graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return terminate(child, graceMs, signal);
}
