// The portable backup file of a PostgreSQL or MySQL store: gzip-compressed JSON lines.
//
//   {"type":"header","format":"vreserve-backup","version":1,"createdAt":…,"source":…,"migrations":[…]}
//   {"type":"table","name":"booking","columns":["id","number",…]}
//   [1,"Y20261125090001",…]                one row per line, values in column order
//   {"type":"end","name":"booking","rows":1234}
//   …                                       every table, parents before children
//   {"type":"trailer","tables":{"booking":1234,…}}
//
// A file without its trailer, or whose counts disagree, was cut short and is refused whole.
import { once } from 'node:events';
import { type WriteStream, closeSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';

export const DUMP_FORMAT = 'vreserve-backup';
export const DUMP_VERSION = 1;

export interface DumpHeader {
  type: 'header';
  format: typeof DUMP_FORMAT;
  version: number;
  createdAt: string;
  /** The kind of store it was taken from (postgres, mysql). */
  source: string;
  /** The migrations applied to the store when it was taken: its schema version. */
  migrations: string[];
}

type Line = DumpHeader | { type: 'table'; name: string; columns: string[] } | { type: 'end'; name: string; rows: number } | { type: 'trailer'; tables: Record<string, number> };

/** Values as JSON: binary columns would not survive as they are, so they travel as base64. */
function encode(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function decode(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && '$base64' in value) return Buffer.from(String((value as { $base64: unknown }).$base64), 'base64');
  return value;
}

export class DumpWriter {
  readonly #gzip = createGzip();
  readonly #file: WriteStream;
  /** Rejects with the first error of the file or the compressor. */
  readonly #failed: Promise<never>;
  readonly #counts: Record<string, number> = {};

  /** Creates `path` (which must not exist), readable by its owner only. */
  constructor(path: string) {
    this.#file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    this.#gzip.pipe(this.#file);
    this.#failed = new Promise<never>((_, reject) => {
      this.#file.on('error', reject);
      this.#gzip.on('error', reject);
    });
    this.#failed.catch(() => {});
  }

  async #write(text: string): Promise<void> {
    if (!this.#gzip.write(text)) await Promise.race([once(this.#gzip, 'drain'), this.#failed]);
  }

  header(h: Omit<DumpHeader, 'type' | 'format' | 'version'>): Promise<void> {
    return this.#write(`${JSON.stringify({ type: 'header', format: DUMP_FORMAT, version: DUMP_VERSION, ...h } satisfies DumpHeader)}\n`);
  }

  beginTable(name: string, columns: string[]): Promise<void> {
    this.#counts[name] = 0;
    return this.#write(`${JSON.stringify({ type: 'table', name, columns })}\n`);
  }

  rows(name: string, rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    this.#counts[name] = (this.#counts[name] ?? 0) + rows.length;
    return this.#write(`${rows.map((r) => JSON.stringify(r.map(encode))).join('\n')}\n`);
  }

  endTable(name: string): Promise<void> {
    return this.#write(`${JSON.stringify({ type: 'end', name, rows: this.#counts[name] ?? 0 })}\n`);
  }

  /** Writes the trailer and closes the file; returns the rows written per table. */
  async finish(): Promise<Record<string, number>> {
    await this.#write(`${JSON.stringify({ type: 'trailer', tables: this.#counts })}\n`);
    const closed = once(this.#file, 'close');
    this.#gzip.end();
    await Promise.race([closed, this.#failed]);
    return { ...this.#counts };
  }

  /** Gives up: closes the file (the caller removes it). */
  async abort(): Promise<void> {
    if (this.#file.closed) return;
    const closed = once(this.#file, 'close').catch(() => {});
    this.#gzip.destroy();
    this.#file.destroy();
    await closed;
  }
}

export class DumpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DumpError';
  }
}

export interface DumpTable {
  name: string;
  columns: string[];
  /** The table's rows, a batch at a time; must be read to the end before the next table. */
  batches(size: number): AsyncGenerator<unknown[][]>;
}

/** Reads a dump file line by line; every malformed or missing part is a DumpError. */
export class DumpReader {
  readonly #lines: AsyncIterator<string>;
  readonly #close: () => void;
  #pending: Line | unknown[] | null = null;
  header: DumpHeader | null = null;

  constructor(readonly path: string) {
    const input = createReadStream(path).pipe(createGunzip());
    const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    this.#lines = rl[Symbol.asyncIterator]();
    this.#close = () => {
      rl.close();
      input.destroy();
    };
  }

  async #next(): Promise<Line | unknown[] | null> {
    if (this.#pending) {
      const p = this.#pending;
      this.#pending = null;
      return p;
    }
    let r: IteratorResult<string>;
    try {
      r = await this.#lines.next();
    } catch (e) {
      throw new DumpError(`${this.path} is damaged or cut short: ${(e as Error).message}`);
    }
    if (r.done) return null;
    try {
      return JSON.parse(r.value) as Line | unknown[];
    } catch {
      throw new DumpError(`${this.path} is damaged: a line is not JSON`);
    }
  }

  async readHeader(): Promise<DumpHeader> {
    const first = await this.#next();
    if (!first || Array.isArray(first) || first.type !== 'header' || first.format !== DUMP_FORMAT) {
      throw new DumpError(`${this.path} is not a V-Reserve backup`);
    }
    if (first.version !== DUMP_VERSION) throw new DumpError(`${this.path} is a backup of format ${first.version}; this release reads format ${DUMP_VERSION}`);
    this.header = first;
    return first;
  }

  /** The next table, or null at the trailer (whose counts are returned by `trailer`). */
  async nextTable(): Promise<DumpTable | null> {
    const line = await this.#next();
    if (line === null) throw new DumpError(`${this.path} is cut short: it ends without its trailer`);
    if (Array.isArray(line) || (line.type !== 'table' && line.type !== 'trailer')) throw new DumpError(`${this.path} is damaged: a table's rows are out of place`);
    if (line.type === 'trailer') {
      this.trailer = line.tables;
      return null;
    }
    const { name, columns } = line;
    const reader = this;
    return {
      name,
      columns,
      async *batches(size: number) {
        let batch: unknown[][] = [];
        let count = 0;
        for (;;) {
          const next = await reader.#next();
          if (next === null) throw new DumpError(`${reader.path} is cut short in table ${name}`);
          if (Array.isArray(next)) {
            if (next.length !== columns.length) throw new DumpError(`${reader.path} is damaged: a row of ${name} has ${next.length} values for ${columns.length} columns`);
            batch.push(next.map(decode));
            count++;
            if (batch.length >= size) {
              yield batch;
              batch = [];
            }
            continue;
          }
          if (next.type !== 'end' || next.name !== name || next.rows !== count) {
            throw new DumpError(`${reader.path} is damaged: table ${name} does not end with its ${count} rows`);
          }
          if (batch.length > 0) yield batch;
          return;
        }
      },
    };
  }

  trailer: Record<string, number> | null = null;

  close(): void {
    this.#close();
  }
}

/** Reads the whole file once: its header and the rows per table, or a DumpError. */
export async function verifyDump(path: string): Promise<{ header: DumpHeader; tables: { name: string; rows: number }[] }> {
  const reader = new DumpReader(path);
  try {
    const header = await reader.readHeader();
    const tables: { name: string; rows: number }[] = [];
    for (let t = await reader.nextTable(); t; t = await reader.nextTable()) {
      let rows = 0;
      for await (const batch of t.batches(1000)) rows += batch.length;
      tables.push({ name: t.name, rows });
    }
    for (const { name, rows } of tables) {
      if (reader.trailer?.[name] !== rows) throw new DumpError(`${path} is damaged: its trailer does not match table ${name}`);
    }
    return { header, tables };
  } finally {
    reader.close();
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** What kind of backup a file is, by its first bytes. */
export function backupKind(path: string): 'sqlite' | 'dump' | 'unknown' {
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  let n = 0;
  try {
    n = readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (n === 16 && head.equals(SQLITE_MAGIC)) return 'sqlite';
  if (n >= 2 && head.subarray(0, 2).equals(GZIP_MAGIC)) return 'dump';
  return 'unknown';
}
