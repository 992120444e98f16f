// The rules of ARCHITECTURE.md's layering as functions of the import graph: each returns its
// violations as `file → import` (boundaries.test.ts applies them to src/).
import { type ImportEdge, shown } from './import-graph.js';

/** The screen folders of src/web: each is one front end (or one page of it). */
const SCREENS: ReadonlySet<string> = new Set(['booking', 'records', 'kiosk', 'counter', 'display', 'evaluator', 'admin', 'ticket']);
/** Files directly in src/web (main.tsx, app.tsx) are the entry: they pick a screen, nothing imports them. */
const ENTRY = '(entry)';

/** Packages only the server may use. */
const SERVER_PACKAGES: ReadonlySet<string> = new Set(['fastify', 'kysely', 'better-sqlite3', 'pg', 'mysql2', 'ioredis', 'pino', 'prom-client', 'helmet']);

const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const under = (path: string | null, dir: string) => path?.startsWith(`${dir}/`) === true;

/** The folder of src/web a file belongs to ('booking', 'ui', …), ENTRY for src/web/*.tsx, null outside src/web. */
export function webFolderOf(path: string | null): string | null {
  if (!under(path, 'src/web')) return null;
  const parts = (path as string).split('/');
  return parts.length > 3 ? (parts[2] as string) : ENTRY;
}

const isShared = (folder: string | null) => folder !== null && folder !== ENTRY && !SCREENS.has(folder);

export function webNeverImportsServer(edges: ImportEdge[]): string[] {
  return edges
    .filter((e) => under(e.from, 'src/web'))
    .filter(
      (e) =>
        under(e.to, 'src/server') ||
        (e.pkg !== null && (SERVER_PACKAGES.has(e.pkg) || e.pkg.startsWith('@fastify/') || (e.pkg.startsWith('node:') && !isTest(e.from)))),
    )
    .map(shown);
}

export function screensNeverImportEachOther(edges: ImportEdge[]): string[] {
  return edges
    .filter((e) => {
      const from = webFolderOf(e.from);
      const to = webFolderOf(e.to);
      return from !== null && to !== null && from !== to && SCREENS.has(from) && SCREENS.has(to);
    })
    .map(shown);
}

/** What several screens share lies below them: a shared folder imports no screen and not the entry. */
export function sharedNeverImportsScreens(edges: ImportEdge[]): string[] {
  return edges
    .filter((e) => {
      const to = webFolderOf(e.to);
      return isShared(webFolderOf(e.from)) && to !== null && (to === ENTRY || SCREENS.has(to));
    })
    .map(shown);
}

/**
 * The cycles among the folders of src/web: the shortest cycle through each folder that lies on
 * one, as `a → b → a`, with one import for each arrow.
 */
export function webFolderCycles(edges: ImportEdge[]): string[] {
  const example = new Map<string, ImportEdge>(); // 'a→b' -> the first import that makes the arrow
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const from = webFolderOf(e.from);
    const to = webFolderOf(e.to);
    if (from === null || to === null || from === to || example.has(`${from}→${to}`)) continue;
    example.set(`${from}→${to}`, e);
    next.set(from, [...(next.get(from) ?? []), to].sort());
  }
  const shortestCycle = (start: string): string[] | null => {
    const cameFrom = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i] as string;
      for (const to of next.get(node) ?? []) {
        if (to === start) {
          const path = [node];
          while (path[0] !== start) path.unshift(cameFrom.get(path[0] as string) as string);
          return path;
        }
        if (!cameFrom.has(to)) {
          cameFrom.set(to, node);
          queue.push(to);
        }
      }
    }
    return null;
  };
  const seen = new Set<string>();
  const found: string[] = [];
  for (const folder of [...next.keys()].sort()) {
    const cycle = shortestCycle(folder);
    if (!cycle) continue;
    const key = [...cycle].sort().join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    const ring = [...cycle, folder];
    const imports = cycle.map((from, i) => shown(example.get(`${from}→${ring[i + 1]}`) as ImportEdge));
    found.push(`${ring.join(' → ')}: ${imports.join('; ')}`);
  }
  return found;
}

export function servicesKnowNoHttp(edges: ImportEdge[]): string[] {
  return edges
    .filter((e) => under(e.from, 'src/server/services'))
    .filter((e) => e.pkg === 'fastify' || e.pkg?.startsWith('@fastify/') || under(e.to, 'src/server/http'))
    .map(shown);
}

export function httpNeverTouchesTheStore(edges: ImportEdge[]): string[] {
  return edges
    .filter((e) => under(e.from, 'src/server/http') && (under(e.to, 'src/server/repositories') || under(e.to, 'src/server/db')))
    .map(shown);
}

export function contractsImportOnlyTypebox(edges: ImportEdge[]): string[] {
  return edges
    .filter((e) => under(e.from, 'src/contracts'))
    .filter((e) => (e.to !== null ? !under(e.to, 'src/contracts') : !(e.pkg === 'typebox' || (e.pkg === 'vitest' && isTest(e.from)))))
    .map(shown);
}

export function domainImportsNothingOfOurs(edges: ImportEdge[]): string[] {
  return edges.filter((e) => under(e.from, 'src/domain') && e.to !== null && !under(e.to, 'src/domain')).map(shown);
}
