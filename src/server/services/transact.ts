// One place for running a unit of work in a transaction, with the retries every store needs:
// rows that are created lazily (made outside the transaction, so that MySQL's insert locks
// never deadlock), lock conflicts the database resolved by aborting one side, and a connection
// the database dropped before the transaction could commit.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { type Db, commitsOnEventLoop, createsRowsInTransaction, isRetryableConflict, isStoreUnavailable } from '../repositories/portable.js';
import { GroupAborted, inCommitGroup } from './commit-group.js';

/** Thrown inside a transaction when a lazily created row is needed; `create` runs outside it. */
export class MissingRow extends Error {
  constructor(readonly create: () => Promise<void>) {
    super('missing row');
  }
}

/**
 * A lazily made row (a slot's places, a number counter) is missing inside a transaction. On SQLite
 * it is made right there: the transaction holds the only write lock, and a crowd's first bookings
 * do not each pay a commit of their own (an fsync) and a second run. Elsewhere it is made outside
 * the transaction (MissingRow), which then runs again. Returns when the caller may look again.
 */
export async function makeMissingRow(trx: Db, db: Db, create: (on: Db) => Promise<void>): Promise<void> {
  if (!createsRowsInTransaction(trx)) throw new MissingRow(() => create(db));
  await create(trx);
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

/**
 * Writes that need no transaction of their own (a sender's claim: one conditional UPDATE and the
 * read of what it got). On SQLite they join the commit group and share its one fsync instead of
 * stopping the event loop for a COMMIT of their own; elsewhere they run as they are.
 */
export function groupedWrite<T>(db: Db, work: (on: Db) => Promise<T>): Promise<T> {
  return commitsOnEventLoop(db) ? inCommitGroup(db, work) : work(db);
}

export async function transact<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let storeAttempts = 0;
  for (let attempt = 1; ; attempt++) {
    let committing = false;
    const unit = async (trx: Transaction<Database>) => {
      const result = await work(trx);
      committing = true;
      return result;
    };
    try {
      // SQLite: committed together with the transactions ready at the same moment (one fsync).
      return await (commitsOnEventLoop(db) ? inCommitGroup(db, unit) : db.transaction().execute(unit));
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) throw error;
      if (error instanceof MissingRow) await error.create();
      else if (error instanceof RetryTransaction || error instanceof GroupAborted || isRetryableConflict(error)) await sleep(Math.random() * 5 * attempt);
      // The connection was lost before COMMIT was sent: the server rolled the transaction back,
      // so running it again on another connection is safe. Lost during COMMIT, the outcome is
      // unknown and the caller must be told (503; a retry with an Idempotency-Key replays).
      else if (!committing && isStoreUnavailable(error) && ++storeAttempts < MAX_STORE_ATTEMPTS) await sleep(25 * storeAttempts);
      else throw error;
    }
  }
}
