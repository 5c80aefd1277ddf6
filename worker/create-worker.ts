import { createRequire } from 'node:module';
import { NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { failDataErrorsAtOnce } from './data-error-interceptor';
import { heartbeatWhileRunning } from './heartbeat-interceptor';
import { createActivities, type ActivityDeps } from '../activities';

const require = createRequire(import.meta.url);

/** The path the worker bundles; tests bundle it once and share the result. */
export const WORKFLOWS_PATH = require.resolve('../workflows/index.ts');

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle; without one the worker bundles `workflows/` at start. */
  workflowBundle?: WorkflowBundleOption;
  /** The SDK's sticky cache size; its default grows with the heap. */
  maxCachedWorkflows?: number;
}

export function createWorker({ connection, namespace, taskQueue, deps, workflowBundle, maxCachedWorkflows }: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createActivities(deps),
    interceptors: { activity: [heartbeatWhileRunning, failDataErrorsAtOnce] },
    // A stop (deploy, Ctrl-C, a test's teardown) never waits on an activity stuck on a dead peer:
    // after the grace its attempt is cancelled, after the force time the worker goes anyway.
    // Every activity is idempotent, so Temporal's retry on another worker finishes the job.
    shutdownGraceTime: '10s',
    shutdownForceTime: '30s',
    ...(maxCachedWorkflows !== undefined ? { maxCachedWorkflows } : {}),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
  });
}
