// Builds the Temporal CLI (the real server, in dev mode) into .tools/bin when it is not there yet.
// TEMPORAL_CLI_PATH may point at an existing binary instead.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPORAL_CLI_VERSION = 'v1.5.1'; // newest tag installable with `go install`; embeds Server 1.29.1
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TOOLS_BIN = join(root, '.tools', 'bin');

export function temporalCliPath() {
  return process.env.TEMPORAL_CLI_PATH || join(TOOLS_BIN, 'temporal');
}

function findGo() {
  for (const candidate of ['go', '/usr/local/go/bin/go', join(process.env.HOME ?? '', 'go', 'bin', 'go')]) {
    const r = spawnSync(candidate, ['version'], { encoding: 'utf8' });
    if (r.status === 0) return { go: candidate, version: r.stdout.trim() };
  }
  return null;
}

export function ensureTemporalCli() {
  const path = temporalCliPath();
  if (existsSync(path)) return path;
  if (process.env.TEMPORAL_CLI_PATH) {
    throw new Error(`TEMPORAL_CLI_PATH=${path} does not exist. Unset it to build the CLI, or point it at a temporal binary.`);
  }
  const found = findGo();
  if (!found) {
    throw new Error(
      'The Temporal CLI is missing and Go is not installed to build it.\n' +
        'Install Go 1.25 or newer (https://go.dev/doc/install, or your package manager), then run `npm run temporal:install`,\n' +
        'or set TEMPORAL_CLI_PATH to an existing `temporal` binary, or TEMPORAL_ADDRESS to a running Temporal server.',
    );
  }
  console.log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${found.version} (a few minutes, once)…`);
  mkdirSync(TOOLS_BIN, { recursive: true });
  execFileSync(found.go, ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: TOOLS_BIN, CGO_ENABLED: '0', GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'auto' },
  });
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(`Temporal CLI: ${ensureTemporalCli()}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
