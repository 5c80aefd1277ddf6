// The Temporal cluster's configuration for `npm run cluster`, derived from the server module's own
// `config/development-postgres12.yaml` (the version we build), with our database, ports and an
// absolute dynamic-config path. One file per service (`--env frontend` reads `frontend.yaml`), as
// each runs as its own process and needs its own metrics port.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEMPORAL_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface TemporalPorts {
  grpc: Record<TemporalService, number>;
  membership: Record<TemporalService, number>;
  /** Prometheus metrics, http://127.0.0.1:<port>/metrics. */
  metrics: Record<TemporalService, number>;
  frontendHttp: number;
}

/** The development config's layout moved to `frontend` (7233 gives 7234 history, 6933 membership, 8000 metrics …). */
export function temporalPorts(frontend: number): TemporalPorts {
  // The cluster_membership table keeps ports in a smallint: a membership port above 32767 is fatal.
  if (frontend - 300 < 1024 || frontend + 6 - 300 > 32_767) throw new Error(`TEMPORAL_PORT=${frontend}: the cluster needs it between 1324 and 33061 (its membership ports, 300 below, must fit in a smallint)`);
  const offset = { frontend: 0, history: 1, matching: 2, worker: 6 } as const;
  const each = (base: number, step: (s: TemporalService) => number) =>
    Object.fromEntries(TEMPORAL_SERVICES.map((s) => [s, base + step(s)])) as Record<TemporalService, number>;
  return {
    grpc: each(frontend, (s) => offset[s]),
    membership: each(frontend - 300, (s) => offset[s]),
    metrics: each(frontend + 767, (s) => TEMPORAL_SERVICES.indexOf(s)),
    frontendHttp: frontend + 10,
  };
}

export interface TemporalDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** The PostgreSQL server behind a `postgresql://` URL, for Temporal's own two databases on it. */
export function temporalDatabaseFrom(url: string): TemporalDatabase {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

/** Replaces every `from` in `text`, insisting it occurs exactly `count` times (the module's file changed otherwise). */
function swap(text: string, from: string, to: string, count = 1): string {
  const found = text.split(from).length - 1;
  if (found !== count) throw new Error(`development-postgres12.yaml: expected ${count}× ${JSON.stringify(from)}, found ${found}; the server version changed?`);
  return text.split(from).join(to);
}

const q = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar

/**
 * Writes `<dir>/config/<service>.yaml` for each service and `<dir>/dynamicconfig.yaml`; returns
 * the `--root` to start the server with (`--root <root> --config config --env <service>`).
 */
export function writeTemporalConfig(opts: { moduleDir: string; dir: string; ports: TemporalPorts; db: TemporalDatabase; maxConns: number }): { root: string } {
  const configDir = join(opts.dir, 'config');
  mkdirSync(configDir, { recursive: true });
  const { grpc, membership, metrics, frontendHttp } = opts.ports;

  // The module's SQL dynamic config, its Nexus callback pointed at our frontend's HTTP port.
  const dynamicConfig = join(opts.dir, 'dynamicconfig.yaml');
  const dyn = readFileSync(join(opts.moduleDir, 'config', 'dynamicconfig', 'development-sql.yaml'), 'utf8');
  writeFileSync(dynamicConfig, swap(dyn, 'http://localhost:7243/', `http://127.0.0.1:${frontendHttp}/`));

  let base = readFileSync(join(opts.moduleDir, 'config', 'development-postgres12.yaml'), 'utf8');
  base = swap(base, 'connectAddr: "127.0.0.1:5432"', `connectAddr: ${q(`${opts.db.host}:${opts.db.port}`)}`, 2);
  base = swap(base, 'user: "temporal"', `user: ${q(opts.db.user)}`, 2);
  base = swap(base, 'password: "temporal"', `password: ${q(opts.db.password)}`, 2);
  base = swap(base, 'maxConns: 20', `maxConns: ${opts.maxConns}`);
  base = swap(base, 'maxIdleConns: 20', `maxIdleConns: ${opts.maxConns}`);
  // pprof off: four processes on one machine would fight over its one port.
  base = swap(base, 'port: 7936', 'port: 0');
  base = swap(base, 'grpcPort: 7233', `grpcPort: ${grpc.frontend}`);
  base = swap(base, 'membershipPort: 6933', `membershipPort: ${membership.frontend}`);
  base = swap(base, 'httpPort: 7243', `httpPort: ${frontendHttp}`);
  base = swap(base, 'grpcPort: 7235', `grpcPort: ${grpc.matching}`);
  base = swap(base, 'membershipPort: 6935', `membershipPort: ${membership.matching}`);
  base = swap(base, 'grpcPort: 7234', `grpcPort: ${grpc.history}`);
  base = swap(base, 'membershipPort: 6934', `membershipPort: ${membership.history}`);
  base = swap(base, 'grpcPort: 7239', `grpcPort: ${grpc.worker}`);
  base = swap(base, 'membershipPort: 6939', `membershipPort: ${membership.worker}`);
  base = swap(base, 'rpcAddress: "localhost:7233"', `rpcAddress: ${q(`127.0.0.1:${grpc.frontend}`)}`);
  // Relative paths resolve from the working directory: absolute, so any directory works.
  base = swap(base, 'filepath: "config/dynamicconfig/development-sql.yaml"', `filepath: ${q(dynamicConfig)}`);
  for (const service of TEMPORAL_SERVICES) {
    writeFileSync(join(configDir, `${service}.yaml`), swap(base, 'listenAddress: "127.0.0.1:8000"', `listenAddress: ${q(`127.0.0.1:${metrics[service]}`)}`));
  }
  return { root: opts.dir };
}

/** The Web UI server's config (`--root <dir> --config config --env development`). */
export function writeUiConfig(opts: { dir: string; temporalAddress: string; port: number }): { root: string } {
  mkdirSync(join(opts.dir, 'config'), { recursive: true });
  writeFileSync(
    join(opts.dir, 'config', 'development.yaml'),
    [
      `temporalGrpcAddress: ${q(opts.temporalAddress)}`,
      'host: 127.0.0.1',
      `port: ${opts.port}`,
      'enableUi: true',
      'defaultNamespace: default',
      'refreshInterval: 1m',
      'notifyOnNewVersion: false',
      'cors:',
      '  cookieInsecure: true',
      '  allowOrigins: []',
      '',
    ].join('\n'),
  );
  return { root: opts.dir };
}
