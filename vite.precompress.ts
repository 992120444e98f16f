// Brotli and gzip copies of the built web files, made once by `vite build` beside each file
// (app.js -> app.js.br, app.js.gz). The server sends whichever the browser accepts, as it is
// (web.routes.ts): nothing is compressed per request.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text the browser loads; images and fonts are compressed already, source maps are never served. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest']);
/** Below this a compressed copy saves less than a header line costs. */
const MIN_BYTES = 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export interface Compressed {
  file: string;
  bytes: number;
  br: number | null;
  gz: number | null;
}

/** Writes FILE.br and FILE.gz for each compressible file under `dir`, keeping only copies smaller than the file. */
export async function precompressDir(dir: string): Promise<Compressed[]> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.has(extname(f)));
  const done: Compressed[] = [];
  for (const file of files) {
    const data = await readFile(file);
    if (data.length < MIN_BYTES) continue;
    const br = await brotli(data, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    const gz = await gzipped(data, { level: constants.Z_BEST_COMPRESSION });
    const entry: Compressed = { file, bytes: data.length, br: null, gz: null };
    if (br.length < data.length) {
      await writeFile(`${file}.br`, br);
      entry.br = br.length;
    }
    if (gz.length < data.length) {
      await writeFile(`${file}.gz`, gz);
      entry.gz = gz.length;
    }
    done.push(entry);
  }
  return done;
}

/** The Vite plugin: after the bundle is written, compress what it wrote. */
export function precompress(): Plugin {
  return {
    name: 'vreserve-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (!options.dir) return;
      const done = await precompressDir(options.dir);
      const sum = (pick: (c: Compressed) => number | null) => done.reduce((n, c) => n + (pick(c) ?? c.bytes), 0);
      this.info(`precompressed ${done.length} files: ${sum((c) => c.bytes)} bytes -> brotli ${sum((c) => c.br)}, gzip ${sum((c) => c.gz)}`);
    },
  };
}
