// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL from the committed migrations to prisma/schema.prisma. `prisma migrate dev` fails on
// its shadow database with the pg adapter (P3006), and `migrate diff --from-url` is refused with an
// adapter; `--from-migrations` works, replaying the migrations into an empty scratch database.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dropDatabases, ensureDatabase } from './lib/database-setup';
import { startEmbeddedPostgres } from './lib/embedded-postgres';
import { freePort } from './lib/free-port';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new-migration -- <snake_case_name>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const scratchDir = mkdtempSync(join(tmpdir(), 'petitions-migration-'));
const pg = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(scratchDir, 'pg'), port: await freePort(), persistent: false });
const serverUrl = process.env.DATABASE_URL ?? pg!.url('postgres');
const url = new URL(serverUrl);
url.pathname = '/petitions_migration_scratch';
try {
  await ensureDatabase(serverUrl, 'petitions_migration_scratch');
  const sql = execFileSync(join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url.toString() },
    encoding: 'utf8',
  });
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(root, 'prisma', 'migrations', `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql);
  console.log(`wrote ${dir}/migration.sql — review it (defaults for existing rows) before committing`);
} finally {
  if (process.env.DATABASE_URL) await dropDatabases(serverUrl, 'petitions_migration_scratch');
  await pg?.stop();
  rmSync(scratchDir, { recursive: true, force: true });
}
