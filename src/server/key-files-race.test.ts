// Processes starting together on a fresh data folder (cluster workers, several instances): each
// must read the one key file that got created, whole, never an empty file still being written.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vreserve-key-race-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const script = `
  const { loadOrCreateSecret } = await import('./src/server/secret.ts');
  const { loadOrCreateKeyFile } = await import('./src/server/data-key.ts');
  const { join } = await import('node:path');
  const seen = [];
  // Busy-wait to the shared start, then race through the same folders as the other processes.
  while (Date.now() < Number(process.env.START_AT));
  for (let i = 0; i < FOLDERS; i++) {
    const dir = join(process.env.RACE_DIR, 'data-' + i);
    let secret, keys;
    try { secret = loadOrCreateSecret(dir, () => {}); } catch (e) { secret = 'failed: ' + e.message; }
    try { keys = loadOrCreateKeyFile(dir, () => {}).map((k) => k.id); } catch (e) { keys = ['failed: ' + e.message]; }
    seen.push({ secret, keys });
  }
  console.log(JSON.stringify(seen));
`;

const FOLDERS = 200;

function run(dir: string, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script.replace('FOLDERS', String(FOLDERS))], {
      env: { ...process.env, RACE_DIR: dir, START_AT: String(startAt) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

type Seen = { secret: string; keys: string[] };

it('four processes starting at the same moment on fresh data folders all read the same, complete keys', async () => {
  const startAt = Date.now() + 3_000;
  const results = (await Promise.all(Array.from({ length: 4 }, () => run(root, startAt)))).map((r) => JSON.parse(r) as Seen[]);
  for (let i = 0; i < FOLDERS; i++) {
    const first = results[0]?.[i];
    expect(first?.secret).toMatch(/^[\w-]{43}$/);
    expect(first?.keys).toHaveLength(1);
    expect(first?.keys[0]).toMatch(/^[0-9a-f]{12}$/);
    for (const r of results) expect(r[i]).toEqual(first);
    // No temporary file is left behind.
    expect(readdirSync(join(root, `data-${i}`)).sort()).toEqual(['data.keys', 'secret.key']);
  }
}, 60_000);
