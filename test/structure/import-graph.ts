// Every import of every .ts/.tsx file under src/, relative specifiers resolved to repository paths,
// so that a boundary rule sees `../../server/x.js`, `./../records/y.js` and `../records/y.js` as
// what they are. TypeScript's own pre-processor finds the imports (static, `import type`,
// `export … from`, dynamic `import()`), so comments and strings cannot fool it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** The importing file, repository-relative with '/', e.g. 'src/web/booking/booking-form.tsx'. */
  from: string;
  /** The specifier as written. */
  spec: string;
  /** The imported file, repository-relative, for a relative specifier; null for a package. */
  to: string | null;
  /** The package of a bare specifier ('react-dom' for 'react-dom/client', '@fastify/cookie'); null for a relative one. */
  pkg: string | null;
  /** Whether a relative specifier names a file that exists (after NodeNext's .js → .ts/.tsx). */
  resolved: boolean;
}

const SOURCE = /\.tsx?$/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (SOURCE.test(entry.name)) out.push(path);
  }
  return out;
}

const toRepoPath = (root: string, absolute: string) => relative(root, absolute).split(sep).join(posix.sep);

/** NodeNext writes the emitted name (`./x.js`) for `./x.ts` or `./x.tsx`. */
function resolveFile(absolute: string): { path: string; exists: boolean } {
  const candidates = [absolute, absolute.replace(/\.js$/, '.ts'), absolute.replace(/\.js$/, '.tsx'), absolute.replace(/\.jsx$/, '.tsx')];
  const found = candidates.find((candidate) => existsSync(candidate));
  return found ? { path: found, exists: true } : { path: absolute, exists: false };
}

export function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** The imports of every source file under `root/dir`. */
export function importGraph(root: string, dir = 'src'): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(join(root, dir))) {
    const from = toRepoPath(root, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: spec } of importedFiles) {
      if (spec.startsWith('.')) {
        const target = resolveFile(resolve(dirname(file), spec));
        edges.push({ from, spec, to: toRepoPath(root, target.path), pkg: null, resolved: target.exists });
      } else {
        edges.push({ from, spec, to: null, pkg: packageOf(spec), resolved: true });
      }
    }
  }
  return edges;
}

/** How a violation is reported: the file and the import as written. */
export const shown = (edge: ImportEdge) => `${edge.from} → ${edge.spec}`;
