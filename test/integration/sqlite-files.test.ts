// SQLite store files hold personal data (hashes, masked numbers, encrypted phones): only the
// server's user may read them, whatever the umask, the -wal and -shm files included.
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Store, openRateLimitStore, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('SQLite files', () => {
  let dir = '';
  let umask = 0;
  const open: Store[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-files-'));
    // The usual umask, which leaves new files readable by everyone.
    umask = process.umask(0o022);
  });

  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  afterAll(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the store with mode 0600, its -wal and -shm files too', async () => {
    const file = join(dir, 'new', 'vreserve.db');
    const store = openStore(`sqlite:${file}`);
    open.push(store);
    await migrateToLatest(store.db);
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(['600', '600', '600']);
  });

  it('tightens a store that an older version left readable by others', async () => {
    const file = join(dir, 'old.db');
    const first = openStore(`sqlite:${file}`);
    await migrateToLatest(first.db);
    const wal = `${file}-wal`;
    for (const f of [file, wal, `${file}-shm`]) chmodSync(f, 0o644);
    const second = openStore(`sqlite:${file}`);
    open.push(first, second);
    expect([modeOf(file), modeOf(wal), modeOf(`${file}-shm`)]).toEqual(['600', '600', '600']);
  });

  it('creates the rate-limit counters with mode 0600 as well', async () => {
    const counters = await openRateLimitStore(join(dir, 'data'));
    open.push(counters);
    const file = join(dir, 'data', 'ratelimit.db');
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(['600', '600', '600']);
  });
});
