import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode, NativeConnection } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../infra/database';
import { seedDemoProvince } from '../../prisma/seed';
import { ensureTemporalCli } from '../../scripts/install-temporal.mjs';
import { startClamd } from '../../scripts/lib/clamd';
import { dropDatabases, ensureDatabase, migrateDatabase } from '../../scripts/lib/database-setup';
import { startEmbeddedPostgres, type RunningPostgres } from '../../scripts/lib/embedded-postgres';
import { freePort } from '../../scripts/lib/free-port';
import { startTemporalDevServer, type RunningDevServer } from '../../scripts/lib/temporal-dev-server';
import { WORKFLOWS_PATH } from '../../worker/create-worker';
import { registerSearchAttributes } from '../../worker/register-search-attributes';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseServerUrl: string;
    templateDatabase: string;
    workflowBundlePath: string;
    /** ClamAV's daemon on the project's test signatures (EICAR). */
    clamdUrl: string;
  }
}

/**
 * One real Temporal dev server, one PostgreSQL (DATABASE_URL's server, else an embedded one), a
 * migrated and seeded template database that each test file clones, one workflow bundle, and one
 * clamd (CLAMD_URL's, else one on the project's test signatures).
 */
export default async function setup(project: TestProject) {
  const scratch = mkdtempSync(join(tmpdir(), 'petitions-test-'));
  const stops: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    return await startAll(project, scratch, stops, teardown);
  } catch (err) {
    await teardown();
    throw err;
  }
}

async function startAll(project: TestProject, scratch: string, stops: Array<() => Promise<void>>, teardown: () => Promise<void>) {

  let temporal: RunningDevServer | undefined;
  const temporalAddress =
    process.env.TEMPORAL_ADDRESS ??
    (temporal = await startTemporalDevServer({ binary: ensureTemporalCli(), port: await freePort(), logFile: join(scratch, 'temporal.log') })).address;
  if (temporal) stops.push(temporal.stop);
  else await registerOn(temporalAddress);

  let pg: RunningPostgres | undefined;
  const databaseServerUrl =
    process.env.DATABASE_URL ?? (pg = await startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), port: await freePort(), persistent: false })).url('postgres');
  if (pg) stops.push(pg.stop);

  let clamd: Awaited<ReturnType<typeof startClamd>> | undefined;
  const clamdUrl = process.env.CLAMD_URL ?? (clamd = await startClamd({ port: await freePort(), workDir: join(scratch, 'clamd') })).url;
  if (clamd) stops.push(clamd.stop);

  const templateDatabase = `petitions_template_${process.pid}`;
  const templateUrl = withDatabase(databaseServerUrl, templateDatabase);
  await ensureDatabase(databaseServerUrl, templateDatabase);
  await migrateDatabase(templateUrl);
  const db = createDatabase(templateUrl);
  await seedDemoProvince(db);
  await db.$disconnect();

  const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } });
  const workflowBundlePath = join(scratch, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);

  project.provide('temporalAddress', temporalAddress);
  project.provide('databaseServerUrl', databaseServerUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('clamdUrl', clamdUrl);

  return async () => {
    // On a shared server, leave nothing behind; an embedded one goes away whole.
    if (!pg) await dropDatabases(databaseServerUrl, `${templateDatabase}%`);
    await teardown();
  };
}

/** A server we did not start may lack the case search attributes. */
async function registerOn(address: string) {
  const connection = await NativeConnection.connect({ address });
  await registerSearchAttributes(connection, 'default');
  await connection.close();
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
