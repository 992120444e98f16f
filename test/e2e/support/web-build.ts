// The browser tests run against the built web app: build it once when dist/web is missing or
// older than its sources. A lock directory keeps parallel test files from building at once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const INDEX = join(ROOT, 'dist/web/index.html');
const LOCK = join(ROOT, 'dist/.web-build.lock');
const SOURCES = ['src/web', 'src/contracts', 'src/domain', 'vite.config.ts', 'vite.precompress.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsFresh(): boolean {
  if (!existsSync(INDEX)) return false;
  const built = statSync(INDEX).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(ROOT, s)) <= built);
}

function tryLock(): boolean {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // A lock left by a killed build is stale after two minutes.
    if (Date.now() - statSync(LOCK).mtimeMs > 120_000) {
      rmSync(LOCK, { recursive: true, force: true });
      return tryLock();
    }
    return false;
  }
}

export async function ensureWebBuilt(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!webBuildIsFresh()) {
    if (tryLock()) {
      try {
        if (!webBuildIsFresh()) {
          // Vitest sets NODE_ENV=test, which would make Vite bundle a development build.
          const env = { ...process.env, NODE_ENV: 'production' };
          execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, env, stdio: 'inherit', timeout: 170_000 });
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    if (Date.now() > deadline) throw new Error('waited too long for another test file to build dist/web');
    // Another test file is building: look again shortly.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
