import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import type { TestSystem } from './system';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  /** Output so far, for a failure message. */
  output: () => string;
}

/** `worker/main.ts` as its own process, as in production, so a test can SIGKILL it. */
export async function spawnWorker(sys: TestSystem): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: sys.databaseUrl,
      TEMPORAL_ADDRESS: sys.temporalAddress,
      TEMPORAL_TASK_QUEUE: sys.taskQueue,
      SMTP_URL: sys.smtp.url,
      SMS_URL: sys.smsc.url,
      MAIL_FROM: 'Hệ thống <no-reply@test.local>',
      PUBLIC_URL: 'http://console.test',
      DIGEST_CRON: '',
      WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<void>((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('worker: polling')) resolvePromise();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}) before polling:\n${out}`)));
  });
  await ready;
  return { child, output: () => out };
}

export function kill(worker: WorkerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    worker.child.once('exit', () => resolvePromise());
    worker.child.kill(signal);
  });
}
