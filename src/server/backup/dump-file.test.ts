import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DumpError, DumpReader, DumpWriter, backupKind, verifyDump } from './dump-file.js';

const dir = mkdtempSync(join(tmpdir(), 'vreserve-dump-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = Array.from({ length: 1234 }, (_, i) => [i + 1, `Y2026112509${String(i).padStart(4, '0')}`, i % 3 === 0 ? null : '医社保办理 "quoted"\nline']);

async function writeDump(name: string): Promise<string> {
  const file = join(dir, name);
  const w = new DumpWriter(file);
  await w.header({ createdAt: '2026-11-25T00:30:00.000Z', source: 'postgres', migrations: ['a', 'b'] });
  await w.beginTable('service', ['id', 'blob']);
  await w.rows('service', [[1, Buffer.from([0, 1, 2, 255])]]);
  await w.endTable('service');
  await w.beginTable('booking', ['id', 'number', 'note']);
  for (let i = 0; i < ROWS.length; i += 500) await w.rows('booking', ROWS.slice(i, i + 500));
  await w.endTable('booking');
  expect(await w.finish()).toEqual({ service: 1, booking: ROWS.length });
  return file;
}

describe('the portable dump', () => {
  it('reads back what was written, table by table, in batches', async () => {
    const file = await writeDump('ok.jsonl.gz');
    expect(backupKind(file)).toBe('dump');
    const { header, tables } = await verifyDump(file);
    expect(header.migrations).toEqual(['a', 'b']);
    expect(tables).toEqual([
      { name: 'service', rows: 1 },
      { name: 'booking', rows: ROWS.length },
    ]);
    const reader = new DumpReader(file);
    await reader.readHeader();
    const service = (await reader.nextTable())!;
    const serviceRows = [];
    for await (const b of service.batches(100)) serviceRows.push(...b);
    expect(serviceRows).toEqual([[1, Buffer.from([0, 1, 2, 255])]]);
    const booking = (await reader.nextTable())!;
    const sizes = [];
    const rows = [];
    for await (const b of booking.batches(500)) {
      sizes.push(b.length);
      rows.push(...b);
    }
    expect(sizes).toEqual([500, 500, 234]);
    expect(rows).toEqual(ROWS);
    expect(await reader.nextTable()).toBeNull();
    reader.close();
  });

  it('refuses a file cut short, or without its trailer, or with a row too many', async () => {
    const whole = readFileSync(await writeDump('whole.jsonl.gz'));
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(verifyDump(cut)).rejects.toThrow(DumpError);

    const lines = gunzipSync(whole).toString('utf8').trimEnd().split('\n');
    const noTrailer = join(dir, 'no-trailer.jsonl.gz');
    writeFileSync(noTrailer, gzipSync(`${lines.slice(0, -1).join('\n')}\n`));
    await expect(verifyDump(noTrailer)).rejects.toThrow(/ends without its trailer/);

    const extra = join(dir, 'extra.jsonl.gz');
    const at = lines.findIndex((l) => l.startsWith('{"type":"end","name":"booking"'));
    writeFileSync(extra, gzipSync(`${[...lines.slice(0, at), '[9999,"X",null]', ...lines.slice(at)].join('\n')}\n`));
    await expect(verifyDump(extra)).rejects.toThrow(/table booking does not end with its 1235 rows/);
  });

  it('tells a SQLite backup from a dump and from anything else', () => {
    const sqlite = join(dir, 'x.sqlite');
    writeFileSync(sqlite, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    expect(backupKind(sqlite)).toBe('sqlite');
    const text = join(dir, 'x.txt');
    writeFileSync(text, 'hello');
    expect(backupKind(text)).toBe('unknown');
  });
});
