// Queries asked on every request (a booking's service and its slot) are built and compiled by
// Kysely once per kind of store instead of on every call: the SQL text is kept, and each call
// passes its own values. Only for queries whose shape never depends on the values.
import type { Compilable, CompiledQuery } from 'kysely';
import { type RunNow, runNowOf } from '../db/dialect.js';
import type { Db } from './portable.js';

type Value = string | number;

// Stands for the i-th argument while the query is compiled; never a value a caller passes.
const MARK = '\u0000vreserve-argument-';

interface Compiled<R> {
  query: CompiledQuery<R>;
  /** SQLite: runs the SQL at once on the store's connection (dialect.ts), skipping Kysely's executor. */
  runNow: RunNow | undefined;
  /** For each parameter of the SQL: the argument it takes (its index), or a value fixed in the query. */
  from: (number | { fixed: unknown })[];
}

export function compiledOnce<A extends Value[], R>(build: (db: Db, ...args: A) => Compilable<R>): (db: Db, ...args: A) => Promise<R[]> {
  // The SQL depends on the dialect only: a store and its transactions share one adapter.
  const byAdapter = new WeakMap<object, Compiled<R>>();
  return async (db, ...args) => {
    const executor = db.getExecutor();
    const adapter = executor.adapter;
    let compiled = byAdapter.get(adapter);
    if (!compiled) {
      const marks = args.map((_, i) => `${MARK}${i}`) as A;
      const query = build(db, ...marks).compile();
      const from = query.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? Number(p.slice(MARK.length)) : { fixed: p }));
      if (args.some((_, i) => !from.includes(i))) throw new Error(`compiledOnce: an argument is not a value of the query: ${query.sql}`);
      compiled = { query, runNow: runNowOf(adapter), from };
      byAdapter.set(adapter, compiled);
    }
    const parameters = compiled.from.map((f) => (typeof f === 'number' ? args[f] : f.fixed));
    // A Kysely plugin (none is used today) transforms queries and rows: with one, go through Kysely.
    if (compiled.runNow && executor.plugins.length === 0) return compiled.runNow<R>(compiled.query.sql, parameters).rows;
    // Written out, not `{ ...compiled.query, parameters }`: this V8 copies a spread followed by a
    // property the slow way, and this runs for every such query.
    const { query, queryId, sql } = compiled.query;
    return (await db.executeQuery<R>({ query, queryId, sql, parameters })).rows;
  };
}
