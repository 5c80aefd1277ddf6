// HAProxy from Debian's packages, the load balancer of `npm run cluster`: installed with apt-get
// when missing and running as root (as the browser tests do for Chromium), else a clear message.
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findHaproxy(): string | null {
  for (const candidate of ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy', '/usr/bin/haproxy']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

export function ensureHaproxy(): string {
  const found = findHaproxy();
  if (found) return found;
  const asRoot = process.getuid?.() === 0;
  if (!asRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      'Thiếu HAProxy (bộ cân bằng tải): cài gói Debian "haproxy" (sudo apt-get install haproxy).\n' +
        'HAProxy (the load balancer) is missing: install the Debian package "haproxy" (sudo apt-get install haproxy).',
    );
  }
  console.log('Installing HAProxy for the cluster (apt-get install haproxy)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'haproxy'], { stdio: 'inherit', env });
  } catch {
    execSync('apt-get update && apt-get install -y --no-install-recommends haproxy', { stdio: 'inherit', env });
  }
  const installed = findHaproxy();
  if (!installed) throw new Error('apt-get installed haproxy, but no haproxy binary was found');
  return installed;
}
