// Runs before `npm start` and `npm test`: installs what a fresh clone lacks (npm packages, the
// generated Prisma client, the Temporal CLI) and skips what is already there.
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

// The browser tests drive Debian's Chromium: Playwright cannot download its own browsers here.
if (process.argv.includes('--browser')) {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!asRoot || !existsSync('/usr/bin/apt-get')) {
      console.error(`Chromium is missing at ${chromiumPath}: install Debian's "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.`);
      process.exit(1);
    }
    console.log('Installing Chromium for the browser tests (apt-get install chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execSync('apt-get install -y --no-install-recommends chromium', { stdio: 'inherit', env });
    } catch {
      execSync('apt-get update && apt-get install -y --no-install-recommends chromium', { stdio: 'inherit', env });
    }
  }
}
