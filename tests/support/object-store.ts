import { spawn } from 'node:child_process';
import { waitForHttp } from '../../scripts/lib/child';
import { freePort } from '../../scripts/lib/free-port';
import { terminate } from '../../scripts/lib/supervisor';
import { ensureObjectStore } from '../../scripts/install-object-store.mjs';

/** gofakes3, a real S3-protocol server (in memory), on a free loopback port with one bucket. */
export async function startObjectStore(bucket: string): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(ensureObjectStore(), ['-backend', 'memory', '-initialbucket', bucket, '-host', `127.0.0.1:${port}`], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(endpoint, child, 20_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return { endpoint, stop: () => terminate(child, 5_000) };
}
