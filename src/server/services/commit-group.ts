// Group commit for SQLite. better-sqlite3 runs every statement on the event loop, COMMIT included,
// and at synchronous=FULL each COMMIT is an fsync (about 1–3 ms here): a crowd of bookings used to
// wait behind one fsync each, refusals and page reads too. Transactions that are ready at the same
// moment now run one after another inside ONE write transaction, each in its own SAVEPOINT, and the
// whole group commits once. Nobody is answered before that COMMIT returned, so an acknowledged
// booking is exactly as durable as before; a unit of work that fails is rolled back to its
// savepoint alone and the others commit. SQLite runs its transactions one at a time anyway, so
// running them back to back in one transaction changes no result: each sees what the one before
// it wrote, as it would after that one's COMMIT.
import type { ControlledTransaction, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Db } from '../repositories/portable.js';

type Work = (trx: Transaction<Database>) => Promise<unknown>;

interface Job {
  work: Work;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A group's size bound: the first of a group waits for the work of all the others. */
const MAX_GROUP = 64;

/** Thrown to the other members of a group whose transaction SQLite rolled back as a whole (disk full, I/O error): run again. */
export class GroupAborted extends Error {
  constructor(cause: unknown) {
    super('the group transaction was rolled back', { cause });
  }
}

class CommitGroup {
  readonly #queue: Job[] = [];
  #scheduled = false;
  constructor(readonly db: Db) {}

  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      // Started after the I/O callbacks of this turn of the event loop: the requests that arrived
      // together (parsed in the same poll phase) join the same group.
      setImmediate(() => void this.#drain());
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) await this.#runGroup(this.#queue.splice(0, MAX_GROUP));
    } finally {
      this.#scheduled = false;
      // Work queued by a member's continuation while the last group settled.
      if (this.#queue.length > 0) {
        this.#scheduled = true;
        setImmediate(() => void this.#drain());
      }
    }
  }

  async #runGroup(jobs: Job[]): Promise<void> {
    if (jobs.length === 1) {
      // Alone: a plain transaction, as without grouping.
      const job = jobs[0] as Job;
      await this.db.transaction().execute(job.work).then(job.resolve, job.reject);
      return;
    }
    const settled = new Set<Job>();
    const settle = (job: Job, outcome: Outcome) => {
      settled.add(job);
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    };
    let trx: ControlledTransaction<Database> | null = null;
    try {
      trx = await this.db.startTransaction().execute();
      const outcomes: Outcome[] = [];
      for (const [i, job] of jobs.entries()) {
        const name = `g${i}`;
        const sp = await trx.savepoint(name).execute();
        try {
          const value = await job.work(sp);
          await sp.releaseSavepoint(name).execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          // SQLite may have rolled the whole transaction back (SQLITE_FULL, SQLITE_IOERR …): then
          // these fail too, and nothing of the group was written. This job learns its own error.
          try {
            await sp.rollbackToSavepoint(name).execute();
            await sp.releaseSavepoint(name).execute();
          } catch {
            settle(job, { ok: false, error });
            throw new GroupAborted(error);
          }
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
      trx = null;
      for (const [i, job] of jobs.entries()) settle(job, outcomes[i] as Outcome);
    } catch (error) {
      const begun = trx !== null;
      if (trx) await trx.rollback().execute().catch(() => {});
      // BEGIN failed (another process holds the lock): everyone learns it, as without grouping.
      // Failed after it (a whole-transaction rollback, a failed COMMIT): nothing of the group was
      // written, and the others run again.
      const theirs = !begun ? error : error instanceof GroupAborted ? error : new GroupAborted(error);
      for (const job of jobs) if (!settled.has(job)) settle(job, { ok: false, error: theirs });
    }
  }
}

const groups = new WeakMap<Db, CommitGroup>();

/** Runs `work` in a write transaction committed together with the others ready at the same moment. */
export function inCommitGroup<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let group = groups.get(db);
  if (!group) {
    group = new CommitGroup(db);
    groups.set(db, group);
  }
  return group.run(work);
}
