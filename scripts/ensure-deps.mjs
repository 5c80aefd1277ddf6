// Runs before `npm start` and `npm test`: installs what a fresh clone lacks (npm packages, the
// generated Prisma client, the Temporal CLI, ClamAV's daemon) and skips what is already there.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');

const stale = !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;
if (stale) {
  console.log('Installing npm packages (npm ci)…');
  execSync('npm ci', { cwd: root, stdio: 'inherit' });
} else if (!existsSync(join(root, 'prisma', 'generated', 'client.ts'))) {
  execSync('npx prisma generate', { cwd: root, stdio: 'inherit' });
}

if (!process.env.TEMPORAL_ADDRESS) {
  const { ensureTemporalCli } = await import('./install-temporal.mjs');
  try {
    ensureTemporalCli();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

/** Installs a Debian package (as root) when `path` is missing, else says how and stops. */
function ensureDebianPackage(path, pkg, why) {
  if (existsSync(path)) return;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!asRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`${path} is missing: install Debian's "${pkg}" package (apt-get install ${pkg}) for ${why}.`);
    process.exit(1);
  }
  console.log(`Installing ${pkg} for ${why} (apt-get install ${pkg})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execSync(`apt-get install -y --no-install-recommends ${pkg}`, { stdio: 'inherit', env });
  } catch {
    execSync(`apt-get update && apt-get install -y --no-install-recommends ${pkg}`, { stdio: 'inherit', env });
  }
}

// Every upload is scanned by ClamAV's daemon; `npm start` and the tests run one unless CLAMD_URL names another.
if (!process.env.CLAMD_URL) ensureDebianPackage('/usr/sbin/clamd', 'clamav-daemon', 'scanning uploads');

// The tests run the object-store storage against gofakes3, built once with Go like the Temporal CLI.
if (process.argv.includes('--object-store')) {
  const { ensureObjectStore } = await import('./install-object-store.mjs');
  try {
    ensureObjectStore();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

// The browser tests drive Debian's Chromium: Playwright cannot download its own browsers here.
if (process.argv.includes('--browser')) ensureDebianPackage(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium', 'the browser tests (or set CHROMIUM_PATH)');
