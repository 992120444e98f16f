import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecret } from './secret.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vreserve-secret-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the generated HMAC key file', () => {
  it('is created readable by its owner only, in a data folder only its owner can enter', () => {
    const dataDir = join(root, 'data');
    const logged: string[] = [];
    const secret = loadOrCreateSecret(dataDir, (m) => logged.push(m));
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(modeOf(join(dataDir, 'secret.key'))).toBe(0o600);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(loadOrCreateSecret(dataDir, (m) => logged.push(m))).toBe(secret);
    expect(logged).toHaveLength(1);
  });

  it.each([0o644, 0o640, 0o666, 0o604].map((m) => [m.toString(8), m]))('an existing key file with mode %s is narrowed to 600 on start, and said so', (_, mode) => {
    const file = join(root, 'secret.key');
    writeFileSync(file, 'kept-from-an-older-install-0123456789\n');
    chmodSync(file, mode);
    const logged: string[] = [];
    expect(loadOrCreateSecret(root, (m) => logged.push(m))).toBe('kept-from-an-older-install-0123456789');
    expect(modeOf(file)).toBe(0o600);
    expect(logged).toEqual([`${file} could be read by other users (mode ${mode.toString(8)}); changed it to 600`]);
  });

  it('a key file already private is left alone, silently', () => {
    const file = join(root, 'secret.key');
    writeFileSync(file, 'kept-from-an-older-install-0123456789\n', { mode: 0o400 });
    const logged: string[] = [];
    loadOrCreateSecret(root, (m) => logged.push(m));
    expect(modeOf(file)).toBe(0o400);
    expect(logged).toEqual([]);
  });
});
