// ClamAV's daemon (Debian's clamav-daemon) for `npm start` and the tests: a config of our own,
// loopback TCP, in the foreground. Offline it runs on the project's test signatures
// (scripts/clamav/test.ndb: EICAR's test file); CLAMAV_DATABASE_DIR names a real database instead
// (e.g. /var/lib/clamav kept current by freshclam).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClamdScanner } from '../../infra/clamd';
import { hasExited } from './child';
import type { LocalStackConfig } from '../../infra/config';
import type { ServiceSpec, Supervisor } from './supervisor';
import { terminate } from './supervisor';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The signatures shipped with the project: enough to prove that an infected file is caught. */
export const TEST_SIGNATURES_DIR = join(root, 'scripts', 'clamav');
export const CLAMD_BINARY = '/usr/sbin/clamd';

export interface ClamdOptions {
  port: number;
  /** Where its config, temporary files and log go. */
  workDir: string;
  databaseDir?: string;
}

/** clamd refuses streams longer than this: above the largest upload the API takes (UPLOAD_MAX_FILE_BYTES). */
const STREAM_MAX = '100M';

function writeConfig(opts: ClamdOptions): string {
  const tmp = join(opts.workDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const file = join(opts.workDir, 'clamd.conf');
  writeFileSync(
    file,
    [
      'Foreground yes',
      'TCPAddr 127.0.0.1',
      `TCPSocket ${opts.port}`,
      `DatabaseDirectory ${opts.databaseDir ?? TEST_SIGNATURES_DIR}`,
      `TemporaryDirectory ${tmp}`,
      `StreamMaxLength ${STREAM_MAX}`,
      `MaxFileSize ${STREAM_MAX}`,
      '',
    ].join('\n'),
  );
  return file;
}

function spawnClamd(opts: ClamdOptions, detached: boolean): ChildProcess {
  if (!existsSync(CLAMD_BINARY)) throw new Error(`${CLAMD_BINARY} is missing: install Debian's clamav-daemon (apt-get install clamav-daemon); npm start and npm test do it as root`);
  const config = writeConfig(opts);
  // It prints its limits at start and a line per detection: to its log, not the terminal.
  const log = createWriteStream(join(opts.workDir, 'clamd.log'), { flags: 'a' });
  const child = spawn(CLAMD_BINARY, [`--config-file=${config}`], { stdio: ['ignore', 'pipe', 'pipe'], detached });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Resolves once clamd answers PING (its signatures are loaded), or rejects when it exits first. */
async function waitForClamd(url: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const scanner = createClamdScanner(url);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`clamd exited (code ${child.exitCode ?? child.signalCode}); see ${logFile}`);
    try {
      return await scanner.ping();
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`clamd did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
}

const urlOf = (port: number) => `tcp://127.0.0.1:${port}`;

/** clamd for the tests: started once by the global setup. */
export async function startClamd(opts: ClamdOptions): Promise<{ url: string; stop(): Promise<void> }> {
  mkdirSync(opts.workDir, { recursive: true });
  const child = spawnClamd(opts, false);
  try {
    await waitForClamd(urlOf(opts.port), child, join(opts.workDir, 'clamd.log'));
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return { url: urlOf(opts.port), stop: () => terminate(child) };
}

/** clamd as a supervised service of `npm start`, in its own process group like the others. */
export function clamdService(opts: ClamdOptions): { spec: ServiceSpec<ChildProcess>; url: string } {
  const url = urlOf(opts.port);
  return {
    url,
    spec: {
      name: 'clamd',
      start: () => {
        mkdirSync(opts.workDir, { recursive: true });
        return spawnClamd(opts, true);
      },
      ready: (child) => waitForClamd(url, child, join(opts.workDir, 'clamd.log')),
    },
  };
}

/** The malware scanner `npm start` and `npm run cluster` give the API: CLAMD_URL's, else a supervised local clamd. */
export async function scannerService(supervisor: Supervisor, local: Pick<LocalStackConfig, 'CLAMD_URL' | 'CLAMD_PORT' | 'CLAMAV_DATABASE_DIR'>, dataDir: string): Promise<{ url: string; description: string }> {
  if (local.CLAMD_URL) return { url: local.CLAMD_URL, description: `clamd ${local.CLAMD_URL}` };
  const clamd = clamdService({ port: local.CLAMD_PORT, workDir: join(dataDir, 'clamd'), databaseDir: local.CLAMAV_DATABASE_DIR });
  await supervisor.add(clamd.spec);
  return { url: clamd.url, description: `clamd ${clamd.url} (${local.CLAMAV_DATABASE_DIR ?? 'chỉ mẫu thử EICAR / test signature only'})` };
}
