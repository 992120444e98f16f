// The release this code is: package.json's version, read once. package.json lies two folders up
// from both src/server (tsx, tests) and dist/server (the built server), so one path serves both.
import { readFileSync } from 'node:fs';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
