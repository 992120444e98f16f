#!/usr/bin/env node
// Thin launcher so `vreserve` works after `npm run build` (npm start builds first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('vreserve: not built yet; run `npm run build` (or `npm start`) first.\n');
  process.exit(1);
}
await import(entry);
