// Release notes that operators can trust: CHANGELOG.md has a section for the version the code
// reports, and every migration the code would run is named in it (an upgrade says what it changes).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/server/db/migrations/index.js';
import { VERSION } from '../../src/server/version.js';

const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('CHANGELOG.md', () => {
  it("has a section for package.json's version, which is what the server reports", () => {
    expect(VERSION).toBe(pkg.version);
    expect(changelog).toMatch(new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')} — \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });

  it('names every migration', () => {
    const unnamed = Object.keys(migrations).filter((name) => !changelog.includes(`\`${name}\``));
    expect(unnamed, 'add these to the "Migrations" list of the release (or Unreleased) that brings them').toEqual([]);
  });
});
