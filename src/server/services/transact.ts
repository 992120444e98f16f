// One place for running a unit of work in a transaction, with the two retries every store needs:
// rows that are created lazily (made outside the transaction, so that MySQL's insert locks
// never deadlock), and lock conflicts the database resolved by aborting one side.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { type Db, isRetryableConflict } from '../repositories/portable.js';

/** Thrown inside a transaction when a lazily created row is needed; `create` runs outside it. */
export class MissingRow extends Error {
  constructor(readonly create: () => Promise<void>) {
    super('missing row');
  }
}

/**
 * Thrown inside a transaction that read a row another transaction created a moment later
 * (READ COMMITTED): running the whole transaction again sees it.
 */
export class RetryTransaction extends Error {
  constructor() {
    super('retry transaction');
  }
}

const MAX_ATTEMPTS = 10;

export async function transact<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) throw error;
      if (error instanceof MissingRow) await error.create();
      else if (error instanceof RetryTransaction || isRetryableConflict(error)) await sleep(Math.random() * 5 * attempt);
      else throw error;
    }
  }
}
