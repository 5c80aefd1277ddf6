// Builds gofakes3 (a real S3-protocol server in Go) into .tools/bin when it is not there yet: the
// tests run the object-store storage against it (tests/documents-s3.test.ts). Production uses the
// province's S3-compatible store instead (README: "Uploaded documents").
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOLS_BIN } from './install-temporal.mjs';

export const GOFAKES3_VERSION = 'v1.2.0';

export function ensureObjectStore() {
  const path = join(TOOLS_BIN, 'gofakes3');
  if (existsSync(path)) return path;
  const go = ['go', '/usr/local/go/bin/go'].find((candidate) => spawnSync(candidate, ['version']).status === 0);
  if (!go) throw new Error('Go is needed once to build gofakes3, the S3 server the tests use (go install); install Go 1.25 or newer.');
  console.log(`Building gofakes3 ${GOFAKES3_VERSION}, the tests' S3 server (a minute, once)…`);
  mkdirSync(TOOLS_BIN, { recursive: true });
  execFileSync(go, ['install', `github.com/johannesboyne/gofakes3/cmd/gofakes3@${GOFAKES3_VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: TOOLS_BIN, CGO_ENABLED: '0', GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'auto' },
  });
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(`gofakes3: ${ensureObjectStore()}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
