// The full Temporal server (`npm run cluster`), built from source with `go install` into the
// git-ignored tools folder, like the CLI (scripts/install-temporal.mjs): the server, its SQL schema
// tool and the Web UI server. Each is built once and skipped when present.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOLS_BIN } from '../install-temporal.mjs';

/** The server the Temporal CLI v1.5.1 embeds (`npm start`), so both run the same server. */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
/** The UI server the same CLI embeds; its Go module carries the built UI. */
export const TEMPORAL_UI_VERSION = 'v2.42.1';

export interface TemporalServerTools {
  /** `temporal-server`: `start --service frontend` etc. */
  server: string;
  /** `temporal-sql-tool`: create-database, setup-schema, update-schema. */
  sql: string;
  /** The Web UI server (`temporalio/ui` image's binary). */
  ui: string;
  /** The server module's source: `schema/postgresql/v12/…`, `config/…`. */
  moduleDir: string;
}

function findGo(): string {
  for (const candidate of ['go', '/usr/local/go/bin/go', join(process.env.HOME ?? '', 'go', 'bin', 'go')]) {
    if (spawnSync(candidate, ['version']).status === 0) return candidate;
  }
  throw new Error(
    'Go is needed once to build the Temporal server (go install); install Go 1.25 or newer (https://go.dev/doc/install, or your package manager).\n' +
      'Cần Go (1.25 trở lên) để dựng máy chủ Temporal một lần.',
  );
}

const goEnv = (gobin: string) => ({ ...process.env, GOBIN: gobin, CGO_ENABLED: '0', GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'auto' });

/** Builds what is missing (a few minutes the first time) and finds the module's schema and config. */
export function ensureTemporalServer(): TemporalServerTools {
  const go = findGo();
  const tools = { server: join(TOOLS_BIN, 'server'), sql: join(TOOLS_BIN, 'sql'), ui: join(TOOLS_BIN, 'temporal-ui-server') };
  mkdirSync(TOOLS_BIN, { recursive: true });
  const missing = [
    ...(existsSync(tools.server) ? [] : [`go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`]),
    ...(existsSync(tools.sql) ? [] : [`go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`]),
  ];
  if (missing.length) {
    console.log(`Building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool (a few minutes, once)…`);
    execFileSync(go, ['install', ...missing], { stdio: 'inherit', env: goEnv(TOOLS_BIN) });
  }
  if (!existsSync(tools.ui)) {
    // Its main package is also called `server`: built aside, then renamed.
    console.log(`Building the Temporal Web UI server ${TEMPORAL_UI_VERSION} (once)…`);
    const aside = mkdtempSync(join(TOOLS_BIN, '..', 'ui-build-'));
    try {
      execFileSync(go, ['install', `github.com/temporalio/ui-server/v2/cmd/server@${TEMPORAL_UI_VERSION}`], { stdio: 'inherit', env: goEnv(aside) });
      renameSync(join(aside, 'server'), tools.ui);
    } finally {
      rmSync(aside, { recursive: true, force: true });
    }
  }
  const { Dir } = JSON.parse(
    execFileSync(go, ['mod', 'download', '-json', `go.temporal.io/server@${TEMPORAL_SERVER_VERSION}`], { cwd: tmpdir(), encoding: 'utf8', env: goEnv(TOOLS_BIN) }),
  ) as { Dir: string };
  return { ...tools, moduleDir: Dir };
}
