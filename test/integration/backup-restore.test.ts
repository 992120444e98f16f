// Restore, in process: across stores (a SQLite hall moving to PostgreSQL or MySQL and back), a
// backup of an older release upgraded after its rows are in, and every refusal made before
// anything changes (a damaged file, a newer release's backup, a wrong passphrase, another key).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupRefusal, currentKeys, takeBackup } from '../../src/server/backup/backup.js';
import { contactCipherFor } from '../../src/server/data-key.js';
import { DumpWriter } from '../../src/server/backup/dump-file.js';
import { restoreBackup } from '../../src/server/backup/restore.js';
import { openSqliteBackup, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { migrations } from '../../src/server/db/migrations/index.js';
import { type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const PASSPHRASE = 'a passphrase for the keys';
const KEYS = { hmacSecret: 'hmac-key-of-the-hall-0123456789', hmacSource: 'secret.key' as const };
const NOW = '2026-11-25T00:30:00.000Z';

let dir = '';
let sourceUrl = '';
let backupFile = '';
const temps: TempDatabase[] = [];

/** A few rows in the tables a hall fills: people, bookings, their slot counts, a staff account. */
async function fill(db: Kysely<any>, bookings: number): Promise<void> {
  await db
    .insertInto('staff')
    .values({ username: 'boss', display_name: 'Boss', password_hash: 'x', role: 'admin', active: 1, must_change_password: 0, failed_logins: 0, created_at: NOW, updated_at: NOW })
    .execute();
  for (let i = 1; i <= bookings; i++) {
    await db.insertInto('person').values({ id_hash: `p${i}`, id_masked: '110105********002X', lock_version: 0, created_at: NOW, updated_at: NOW }).execute();
    await db
      .insertInto('booking')
      .values({
        number: `Y202611250900${String(i).padStart(2, '0')}`,
        service_id: 1,
        date: '2026-11-25',
        slot_start: '09:00',
        slot_end: '10:00',
        person_id: i,
        id_hash: `p${i}`,
        id_masked: '110105********002X',
        phone_hash: `ph${i}`,
        phone_masked: '138****8000',
        status: 'booked',
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }
  await db.insertInto('slot_inventory').values({ service_id: 1, date: '2026-11-25', slot_start: '09:00', slot_end: '10:00', capacity: 10, reserved: bookings }).execute();
}

async function numbers(url: string): Promise<string[]> {
  const store = openStore(url, { poolSize: 1 });
  try {
    return (await store.db.selectFrom('booking').select('number').orderBy('number').execute()).map((r) => r.number);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vreserve-restore-'));
  sourceUrl = `sqlite:${join(dir, 'source.db')}`;
  const store = openStore(sourceUrl);
  await migrateToLatest(store.db);
  await fill(store.db, 5);
  await store.close();
  backupFile = join(dir, 'b.sqlite');
  await takeBackup({ databaseUrl: sourceUrl, to: backupFile, keys: KEYS, passphrase: PASSPHRASE });
});

afterAll(async () => {
  for (const t of temps) await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

function target(name: string) {
  const dataDir = join(dir, name);
  return { dataDir, databaseUrl: `sqlite:${join(dataDir, 'v.db')}`, configuredSecret: null as string | null, force: false, passphrase: PASSPHRASE };
}

for (const kind of wantedStores().filter((k) => k !== 'sqlite') as ('postgres' | 'mysql')[]) {
  it(`moves a SQLite hall to ${kind} and back: same bookings, and new ids come after the restored ones`, async (c) => {
    const temp = await createTempDatabase(kind);
    if (!temp) return c.skip();
    temps.push(temp);
    const r = await restoreBackup({ file: backupFile, ...target(`to-${kind}`), databaseUrl: temp.url });
    expect(r.check.problems).toEqual([]);
    expect(r.tables.find((t) => t.name === 'booking')?.rows).toBe(5);
    expect(await numbers(temp.url)).toEqual(await numbers(sourceUrl));

    const store = openStore(temp.url, { poolSize: 1 });
    try {
      const db = store.db as Kysely<any>;
      await db.insertInto('person').values({ id_hash: 'new', id_masked: 'x', lock_version: 0, created_at: NOW, updated_at: NOW }).execute();
      const ids = (await db.selectFrom('person').select('id').orderBy('id').execute()).map((p) => Number(p.id));
      expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await store.close();
    }

    // Back to SQLite from this store's own snapshot dump.
    const dump = join(dir, `from-${kind}.jsonl.gz`);
    const b = await takeBackup({ databaseUrl: temp.url, to: dump, keys: KEYS, passphrase: PASSPHRASE });
    expect(b.format).toBe('dump');
    expect(b.tables.find((t) => t.name === 'person')?.rows).toBe(6);
    const back = target(`back-from-${kind}`);
    const r2 = await restoreBackup({ file: dump, ...back });
    expect(r2.check.problems).toEqual([]);
    expect(await numbers(back.databaseUrl)).toEqual(await numbers(sourceUrl));
  });
}

it('restores a backup of an older release and then upgrades it: later migrations run on the restored rows', async () => {
  const oldUrl = `sqlite:${join(dir, 'old.db')}`;
  const store = openStore(oldUrl);
  const names = Object.keys(migrations);
  const previous = names.at(-2)!;
  const { error } = await new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } }).migrateTo(previous);
  expect(error).toBeUndefined();
  await fill(store.db, 2);
  await store.close();
  const file = join(dir, 'old.sqlite');
  const b = await takeBackup({ databaseUrl: oldUrl, to: file, keys: null, passphrase: null });
  expect(b.schema).toBe(previous);
  expect(b.keepSeparately[0]).toMatch(/the HMAC key/);

  const t = target('from-old');
  const r = await restoreBackup({ file, ...t });
  expect(r.schema).toBe(previous);
  expect(r.upgradedWith).toEqual([names.at(-1)]);
  expect(r.keyNote).toMatch(/the backup has no key file/);
  expect(r.check.problems).toEqual([]);
  expect(await numbers(t.databaseUrl)).toHaveLength(2);
});

describe('refusals, before anything changes', () => {
  async function refused(file: string, req: ReturnType<typeof target> & { force?: boolean }, message: RegExp) {
    const keyBefore = existsSync(join(req.dataDir, 'secret.key')) ? readFileSync(join(req.dataDir, 'secret.key'), 'utf8') : null;
    const error = await restoreBackup({ file, ...req }).catch((e) => e);
    expect(error).toBeInstanceOf(BackupRefusal);
    expect(error.message).toMatch(message);
    // The store was not even opened, and the key is as it was.
    expect(existsSync(join(req.dataDir, 'v.db'))).toBe(false);
    expect(existsSync(join(req.dataDir, 'secret.key')) ? readFileSync(join(req.dataDir, 'secret.key'), 'utf8') : null).toBe(keyBefore);
  }

  it('a backup made by a newer release', async () => {
    const file = join(dir, 'newer.sqlite');
    writeFileSync(file, readFileSync(backupFile));
    const copy = openStore(`sqlite:${file}`);
    await (copy.db as Kysely<any>).insertInto('kysely_migration').values({ name: '2099010101-from-the-future', timestamp: NOW }).execute();
    await copy.close();
    await refused(file, target('t-newer'), /was made by a newer release \(it has migration 2099010101-from-the-future\)/);
  });

  it('a damaged SQLite backup', async () => {
    const file = join(dir, 'damaged.sqlite');
    writeFileSync(file, readFileSync(backupFile));
    truncateSync(file, 8192);
    await refused(file, target('t-damaged'), /damaged.sqlite is damaged \(SQLite says: /);
  });

  it('a file that is not a backup, and one that is not there', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'not a backup');
    await refused(file, target('t-notes'), /is not a V-Reserve backup/);
    await refused(join(dir, 'nowhere.sqlite'), target('t-nowhere'), /there is no file/);
  });

  it('a wrong passphrase', async () => {
    await refused(backupFile, { ...target('t-pass'), passphrase: 'not the passphrase' }, /the passphrase does not open .*b\.sqlite\.keys/);
  });

  it('another HMAC key in DATA_DIR or SECRET, unless forced', async () => {
    const t = target('t-key');
    mkdirSync(t.dataDir);
    writeFileSync(join(t.dataDir, 'secret.key'), 'another-key-0123456789\n');
    await refused(backupFile, t, /secret\.key is another HMAC key than the backup's; --force replaces it/);
    await refused(backupFile, { ...target('t-secret'), configuredSecret: 'another-key-0123456789' }, /SECRET is not the HMAC key of the backup/);

    const r = await restoreBackup({ file: backupFile, ...t, force: true });
    expect(r.keyNote).toMatch(/was replaced by the backup's HMAC key/);
    expect(readFileSync(join(t.dataDir, 'secret.key'), 'utf8')).toBe(`${KEYS.hmacSecret}\n`);
    expect(readFileSync(join(t.dataDir, 'secret.key.before-restore'), 'utf8')).toBe('another-key-0123456789\n');
  });

  it('the store itself as the backup', async () => {
    const t = target('t-self');
    await expect(restoreBackup({ file: join(dir, 'source.db'), ...t, databaseUrl: sourceUrl })).rejects.toThrow(/is the store itself/);
  });
});

it('says so when a restore fails half-way: the store is incomplete, run it again with --force', async () => {
  // A dump whose booking rows the store refuses: they lack the required columns.
  const file = join(dir, 'refused-rows.jsonl.gz');
  const w = new DumpWriter(file);
  await w.header({ createdAt: NOW, source: 'postgres', migrations: Object.keys(migrations) });
  await w.beginTable('booking', ['id', 'number']);
  await w.rows('booking', [[1, 'Y20261125090001']]);
  await w.endTable('booking');
  await w.finish();
  const t = target('t-refused-rows');
  await expect(restoreBackup({ file, ...t })).rejects.toThrow(
    /^the restore failed after it had begun to change the store, which is now incomplete; fix the cause and run it again with --force: /,
  );
});

describe('backup refusals', () => {
  it('never overwrites a file, and says when there is no store', async () => {
    await expect(takeBackup({ databaseUrl: sourceUrl, to: backupFile, keys: null, passphrase: null })).rejects.toThrow(/already exists/);
    await expect(takeBackup({ databaseUrl: `sqlite:${join(dir, 'none.db')}`, to: join(dir, 'x.sqlite'), keys: null, passphrase: null })).rejects.toThrow(
      /there is no store at/,
    );
    expect(existsSync(join(dir, 'x.sqlite.partial'))).toBe(false);
  });

  it('the SQLite backup is one self-contained file, readable by its owner only', () => {
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(statSync(`${backupFile}.keys`).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backupFile}-wal`)).toBe(false);
    const copy = openSqliteBackup(backupFile);
    void copy.close();
    expect(existsSync(`${backupFile}-wal`)).toBe(false);
    expect(existsSync(`${backupFile}-shm`)).toBe(false);
  });
});

it('carries the data keys of kept phone numbers: the restored numbers can be read, the target keeps its own key', async () => {
  const sourceDir = join(dir, 'with-phones');
  const url = `sqlite:${join(sourceDir, 'v.db')}`;
  mkdirSync(sourceDir, { recursive: true });
  const source = contactCipherFor({ dataKey: null, dataDir: sourceDir }, {}, () => {});
  const store = openStore(url);
  await migrateToLatest(store.db);
  await fill(store.db, 1);
  const sealed = source.seal('13812348000', 'booking:Y20261125090001');
  await store.db.updateTable('booking').set({ phone_cipher: sealed.cipher, phone_key_id: sealed.keyId }).execute();
  await store.close();
  const file = join(dir, 'with-phones.sqlite');
  await takeBackup({ databaseUrl: url, to: file, keys: currentKeys({ secret: KEYS.hmacSecret, dataDir: sourceDir }), passphrase: PASSPHRASE });

  const t = target('phones-restored');
  const own = contactCipherFor({ dataKey: null, dataDir: t.dataDir }, {}, () => {});
  const r = await restoreBackup({ file, ...t, force: true });
  expect(r.keyNote).toContain(`the backup's data key(s) ${sealed.keyId} were added`);
  const after = contactCipherFor({ dataKey: null, dataDir: t.dataDir }, {}, () => {});
  expect(after.currentKeyId).toBe(own.currentKeyId);
  const restored = openStore(t.databaseUrl);
  const row = await restored.db.selectFrom('booking').select(['phone_cipher', 'phone_key_id', 'number']).executeTakeFirstOrThrow();
  await restored.close();
  expect(after.open({ cipher: row.phone_cipher as string, keyId: row.phone_key_id as string }, `booking:${row.number}`)).toBe('13812348000');
});
