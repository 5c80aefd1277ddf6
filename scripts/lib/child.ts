import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs a service as a child process whose output is prefixed with its name. It gets its own process
 * group: a Ctrl-C in the terminal reaches only the supervisor, which stops the children in order.
 */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((l) => `[${name}] ${l}\n`)
      .join('');
  child.stdout?.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  return child;
}

/** Whether the process has exited, by a code or a signal (SIGKILL leaves `exitCode` null). */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

const exitStatus = (child: ChildProcess) => (child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`);

/** Resolves once `url` answers any HTTP status, or rejects when the child exits first. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`${url}: the process exited (${exitStatus(child)})`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/** Resolves once the child prints `text` (stdout or stderr), or rejects when it exits first. */
export function waitForOutput(child: ChildProcess, text: string, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const done = (err?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-(text.length + 4096));
      if (seen.includes(text)) done();
    };
    const onExit = () => done(new Error(`the process exited (${exitStatus(child)}) before printing "${text}"`));
    const timer = setTimeout(() => done(new Error(`no "${text}" within ${timeoutMs / 1000}s`)), timeoutMs);
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    if (hasExited(child)) onExit();
  });
}
