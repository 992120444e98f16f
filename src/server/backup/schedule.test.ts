import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { parseEvery } from './backup-config.js';
import { backupsToRemove, delayUntilDue, rotate } from './schedule.js';

describe('BACKUP_EVERY', () => {
  it.each([
    ['24h', 86_400_000],
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['90s', 90_000],
    [' 2H ', 7_200_000],
  ])('%s is %i ms', (raw, ms) => expect(parseEvery(raw)).toBe(ms));

  it.each(['24', 'h', '1.5h', '-1h', '1w', '24 h', ''])('"%s" is not a duration', (raw) => expect(parseEvery(raw)).toBeNull());
});

describe('backup settings', () => {
  it('are off without BACKUP_DIR; BACKUP_DIR alone backs up daily and keeps 7', () => {
    expect(loadConfig({}).backup).toEqual({ dir: null, everyMs: 86_400_000, keep: 7, passphrase: null });
    expect(loadConfig({ BACKUP_DIR: '/var/backups/vreserve' }).backup).toEqual({
      dir: '/var/backups/vreserve',
      everyMs: 86_400_000,
      keep: 7,
      passphrase: null,
    });
  });

  it.each([
    [{ BACKUP_DIR: '/b', BACKUP_EVERY: '24' }, /BACKUP_EVERY must be a duration such as 24h, 30m, 1h30m or 7d, from 1s to 366d \(got "24"\)/],
    [{ BACKUP_DIR: '/b', BACKUP_EVERY: '400d' }, /BACKUP_EVERY must be a duration/],
    [{ BACKUP_EVERY: '24h' }, /BACKUP_EVERY needs BACKUP_DIR/],
    [{ BACKUP_DIR: '/b', BACKUP_KEEP: '0' }, /BACKUP_KEEP must be a whole number from 1 to 10000 \(got "0"\)/],
    [{ BACKUP_PASSPHRASE: 'short' }, /BACKUP_PASSPHRASE must be at least 12 characters long/],
  ])('refuse %o in words', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echo the passphrase', () => {
    expect(() => loadConfig({ BACKUP_PASSPHRASE: 'hunter2' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });
});

describe('rotation', () => {
  const names = ['vreserve-20261120-000000.sqlite', 'vreserve-20261122-000000.sqlite', 'vreserve-20261121-000000.sqlite'];

  it('removes all but the newest BACKUP_KEEP', () => {
    expect(backupsToRemove(names, 2)).toEqual(['vreserve-20261120-000000.sqlite']);
    expect(backupsToRemove(names, 3)).toEqual([]);
    expect(backupsToRemove(names, 1)).toEqual(['vreserve-20261120-000000.sqlite', 'vreserve-20261121-000000.sqlite']);
  });

  it('takes the key files along and leaves other files alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vreserve-rotate-'));
    try {
      for (const n of [...names, ...names.map((n) => `${n}.keys`), 'my-copy.sqlite', 'last-backup.json']) writeFileSync(join(dir, n), '');
      expect(rotate(dir, 1)).toEqual(['vreserve-20261120-000000.sqlite', 'vreserve-20261121-000000.sqlite']);
      expect(readdirSync(dir).sort()).toEqual([
        'last-backup.json',
        'my-copy.sqlite',
        'vreserve-20261122-000000.sqlite',
        'vreserve-20261122-000000.sqlite.keys',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the next backup is due BACKUP_EVERY after the newest, at once when there is none or it is overdue', () => {
    expect(delayUntilDue(null, 1000, 60_000)).toBe(0);
    expect(delayUntilDue(1000, 31_000, 60_000)).toBe(30_000);
    expect(delayUntilDue(1000, 999_000, 60_000)).toBe(0);
  });
});
