// Which real databases the integration suite runs on. TEST_DATABASES picks them (default: all
// three); a store that does not answer is skipped with a printed reason, except under CI, where a
// missing store fails the run.
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import pg from 'pg';

export type StoreKind = 'sqlite' | 'postgres' | 'mysql';

const ADMIN_URL: Record<Exclude<StoreKind, 'sqlite'>, string> = {
  postgres: process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  mysql: process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test',
};

export function wantedStores(): StoreKind[] {
  const raw = process.env.TEST_DATABASES || 'sqlite,postgres,mysql';
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is StoreKind => s === 'sqlite' || s === 'postgres' || s === 'mysql');
}

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty database for one test file; null (and a printed reason) when the server is not there. */
export async function createTempDatabase(kind: Exclude<StoreKind, 'sqlite'>): Promise<TempDatabase | null> {
  const name = `vreserve_t_${randomBytes(5).toString('hex')}`;
  const admin = ADMIN_URL[kind];
  try {
    if (kind === 'postgres') {
      const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 });
      await client.connect();
      await client.query(`create database ${name}`);
      await client.end();
      return {
        url: withDatabase(admin, name),
        async drop() {
          const c = new pg.Client({ connectionString: admin });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    }
    const conn = await createConnection({ uri: admin, connectTimeout: 3000 });
    await conn.query(`create database ${name} character set utf8mb4`);
    await conn.end();
    return {
      url: withDatabase(admin, name),
      async drop() {
        const c = await createConnection({ uri: admin });
        await c.query(`drop database if exists ${name}`);
        await c.end();
      },
    };
  } catch (error) {
    const reason = `${kind} at ${admin.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} is not reachable: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} (CI requires every store in TEST_DATABASES)`);
    console.warn(`skipping ${kind}: ${reason}`);
    return null;
  }
}

/** A fresh store of this kind: a temporary database, or a SQLite file in `dir`; null when the server is not reachable. */
export async function freshStore(kind: StoreKind, dir: string): Promise<{ url: string; temp: TempDatabase | null } | null> {
  if (kind === 'sqlite') return { url: `sqlite:${join(dir, 'vreserve.db')}`, temp: null };
  const temp = await createTempDatabase(kind);
  return temp ? { url: temp.url, temp } : null;
}
