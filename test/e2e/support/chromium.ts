// Debian's Chromium for Playwright: present, installed with apt when we can, else a clear
// failure on CI and a printed skip elsewhere.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

export type BrowserCheck = { ok: true } | { ok: false; reason: string };

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
}

export function ensureChromium(): BrowserCheck {
  if (existsSync(CHROMIUM)) return { ok: true };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let reason = `${CHROMIUM} is missing and this is not root, so it cannot be installed (run: apt-get install -y chromium fonts-noto-cjk)`;
  if (isRoot) {
    try {
      process.stderr.write(`e2e: ${CHROMIUM} is missing; installing chromium and fonts-noto-cjk with apt-get\n`);
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']);
      if (existsSync(CHROMIUM)) return { ok: true };
      reason = `apt-get finished but ${CHROMIUM} is still missing`;
    } catch (error) {
      reason = `installing chromium with apt-get failed: ${(error as Error).message}`;
    }
  }
  if (process.env.CI === 'true') throw new Error(`browser tests cannot run on CI: ${reason}`);
  process.stderr.write(`e2e: skipping the browser tests: ${reason}\n`);
  return { ok: false, reason };
}
