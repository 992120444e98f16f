// One place for running a unit of work in a transaction, with the retries every store needs:
// rows that are created lazily (made outside the transaction, so that MySQL's insert locks
// never deadlock), lock conflicts the database resolved by aborting one side, and a connection
// the database dropped before the transaction could commit.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { type Db, isRetryableConflict, isStoreUnavailable } from '../repositories/portable.js';

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
/** Runs of one transaction that may end on a dropped database connection before giving up (503). */
const MAX_STORE_ATTEMPTS = 3;

export async function transact<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let storeAttempts = 0;
  for (let attempt = 1; ; attempt++) {
    let committing = false;
    try {
      return await db.transaction().execute(async (trx) => {
        const result = await work(trx);
        committing = true;
        return result;
      });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) throw error;
      if (error instanceof MissingRow) await error.create();
      else if (error instanceof RetryTransaction || isRetryableConflict(error)) await sleep(Math.random() * 5 * attempt);
      // The connection was lost before COMMIT was sent: the server rolled the transaction back,
      // so running it again on another connection is safe. Lost during COMMIT, the outcome is
      // unknown and the caller must be told (503; a retry with an Idempotency-Key replays).
      else if (!committing && isStoreUnavailable(error) && ++storeAttempts < MAX_STORE_ATTEMPTS) await sleep(25 * storeAttempts);
      else throw error;
    }
  }
}
