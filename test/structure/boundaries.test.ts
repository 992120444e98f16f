// The layering of ARCHITECTURE.md, checked on the import graph of src/ with relative paths
// resolved: each rule lists its violations as `file → import`. biome.json flags the simple
// direction rules while typing; this test is the complete check (screens, cycles, every spelling
// of a relative path).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  contractsImportOnlyTypebox,
  domainImportsNothingOfOurs,
  httpNeverTouchesTheStore,
  screensNeverImportEachOther,
  servicesKnowNoHttp,
  sharedNeverImportsScreens,
  webFolderCycles,
  webNeverImportsServer,
} from './boundary-rules.js';
import { type ImportEdge, importGraph, packageOf, shown } from './import-graph.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Known exceptions to "http imports services and contracts, never the store", kept visible here
 * until the server code is changed (then the entry must go: a stale entry fails the test).
 * `file → import as written`.
 */
const HTTP_STORE_EXCEPTIONS: ReadonlySet<string> = new Set([
  // Tells a store outage (503 STORE_UNAVAILABLE) from a bug by the driver's error; belongs behind services.
  'src/server/http/errors.ts → ../repositories/portable.js',
  // The seed client's legacy API takes the Service row type from the repository (a type import).
  'src/server/http/legacy.routes.ts → ../repositories/service.repository.js',
]);

describe('the import graph of src', () => {
  const edges = importGraph(ROOT);

  it('is read: known imports are found, relative ones resolved to files that exist', () => {
    const has = (from: string, to: string) => edges.some((e) => e.from === from && e.to === to);
    expect(has('src/web/main.tsx', 'src/web/booking/booking-app.tsx')).toBe(true);
    expect(has('src/server/services/booking.service.ts', 'src/domain/booking-rules.ts')).toBe(true);
    expect(edges.filter((e) => !e.resolved).map(shown)).toEqual([]);
  });

  it('src/web never imports the server (its files, its packages, node built-ins)', () => {
    expect(webNeverImportsServer(edges)).toEqual([]);
  });

  it('a screen folder of src/web never imports another screen folder', () => {
    expect(screensNeverImportEachOther(edges)).toEqual([]);
  });

  it('the shared folders of src/web never import a screen folder or the entry', () => {
    expect(sharedNeverImportsScreens(edges)).toEqual([]);
  });

  it('the folders of src/web import each other without cycles', () => {
    expect(webFolderCycles(edges)).toEqual([]);
  });

  it('src/server/services never imports Fastify or src/server/http', () => {
    expect(servicesKnowNoHttp(edges)).toEqual([]);
  });

  it('src/server/http never imports repositories or db, beyond the listed exceptions (and none is stale)', () => {
    const found = httpNeverTouchesTheStore(edges);
    expect(found.filter((v) => !HTTP_STORE_EXCEPTIONS.has(v))).toEqual([]);
    expect([...HTTP_STORE_EXCEPTIONS].filter((v) => !found.includes(v))).toEqual([]);
  });

  it('src/contracts imports only typebox and other contracts', () => {
    expect(contractsImportOnlyTypebox(edges)).toEqual([]);
  });

  it('src/domain imports nothing of ours', () => {
    expect(domainImportsNothingOfOurs(edges)).toEqual([]);
  });
});

describe('the rules catch what they are for', () => {
  const edge = (from: string, spec: string, to: string | null): ImportEdge => ({
    from,
    spec,
    to,
    pkg: to === null ? packageOf(spec) : null,
    resolved: true,
  });

  it('each rule reports a made-up violation as file → import, and passes what is allowed', () => {
    const records = edge('src/web/records/lookup-form.tsx', './../booking/form-logic.js', 'src/web/booking/form-logic.ts');
    const booking = edge('src/web/booking/booking-form.tsx', '../records/remembered.js', 'src/web/records/remembered.ts');
    const shared = edge('src/web/ui/link.tsx', '../router.js', 'src/web/router.ts');
    const entry = edge('src/web/app.tsx', './ui/link.js', 'src/web/ui/link.tsx');
    const fine = edge('src/web/booking/x.tsx', '../person/y.js', 'src/web/person/y.ts');
    expect(webNeverImportsServer([edge('src/web/ui/x.ts', '../../server/config.js', 'src/server/config.ts'), edge('src/web/ui/y.ts', 'kysely', null), fine])).toEqual([
      'src/web/ui/x.ts → ../../server/config.js',
      'src/web/ui/y.ts → kysely',
    ]);
    expect(screensNeverImportEachOther([records, fine])).toEqual(['src/web/records/lookup-form.tsx → ./../booking/form-logic.js']);
    expect(sharedNeverImportsScreens([shared, fine, edge('src/web/ui/z.tsx', '../kiosk/k.js', 'src/web/kiosk/k.ts')])).toEqual([
      'src/web/ui/link.tsx → ../router.js',
      'src/web/ui/z.tsx → ../kiosk/k.js',
    ]);
    expect(webFolderCycles([records, booking, fine])).toEqual([
      'booking → records → booking: src/web/booking/booking-form.tsx → ../records/remembered.js; src/web/records/lookup-form.tsx → ./../booking/form-logic.js',
    ]);
    expect(webFolderCycles([shared, entry])).toEqual(['(entry) → ui → (entry): src/web/app.tsx → ./ui/link.js; src/web/ui/link.tsx → ../router.js']);
    expect(
      servicesKnowNoHttp([
        edge('src/server/services/a.service.ts', 'fastify', null),
        edge('src/server/services/b.service.ts', '../../server/http/errors.js', 'src/server/http/errors.ts'),
        edge('src/server/services/c.service.ts', '../repositories/r.js', 'src/server/repositories/r.ts'),
      ]),
    ).toEqual(['src/server/services/a.service.ts → fastify', 'src/server/services/b.service.ts → ../../server/http/errors.js']);
    expect(httpNeverTouchesTheStore([edge('src/server/http/x.routes.ts', '../db/schema.js', 'src/server/db/schema.ts')])).toEqual([
      'src/server/http/x.routes.ts → ../db/schema.js',
    ]);
    expect(
      contractsImportOnlyTypebox([
        edge('src/contracts/a.ts', 'typebox', null),
        edge('src/contracts/a.ts', './common.js', 'src/contracts/common.ts'),
        edge('src/contracts/b.ts', '../domain/schedule.js', 'src/domain/schedule.ts'),
        edge('src/contracts/c.ts', 'kysely', null),
      ]),
    ).toEqual(['src/contracts/b.ts → ../domain/schedule.js', 'src/contracts/c.ts → kysely']);
    expect(
      domainImportsNothingOfOurs([
        edge('src/domain/a.ts', './b.js', 'src/domain/b.ts'),
        edge('src/domain/a.ts', '../contracts/errors.js', 'src/contracts/errors.ts'),
      ]),
    ).toEqual(['src/domain/a.ts → ../contracts/errors.js']);
  });
});
