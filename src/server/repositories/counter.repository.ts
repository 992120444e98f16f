// 窗口: the counters where staff call numbers, and the services each one serves.
import type { CounterState, PauseReason } from '../../domain/counter-state.js';
import { type Db, affected, forUpdate } from './portable.js';

export interface HallCounter {
  id: number;
  hallId: number;
  number: number;
  name: string;
  serviceIds: number[];
  active: boolean;
  state: CounterState;
  stateSince: string | null;
}

function toCounter(r: {
  id: number;
  hall_id: number;
  number: number;
  name: string;
  service_ids: string;
  active: number;
  state: CounterState;
  state_since: string | null;
}): HallCounter {
  return {
    id: r.id,
    hallId: Number(r.hall_id),
    number: Number(r.number),
    name: r.name,
    serviceIds: JSON.parse(r.service_ids) as number[],
    active: Number(r.active) === 1,
    state: r.state,
    stateSince: r.state_since,
  };
}

const columns = ['id', 'hall_id', 'number', 'name', 'service_ids', 'active', 'state', 'state_since'] as const;

export async function listCounters(db: Db, hallId: number): Promise<HallCounter[]> {
  const rows = await db.selectFrom('counter').select(columns).where('hall_id', '=', hallId).where('active', '=', 1).orderBy('number').execute();
  return rows.map(toCounter);
}

export async function findCounterByNumber(db: Db, hallId: number, number: number): Promise<HallCounter | undefined> {
  const r = await db.selectFrom('counter').select(columns).where('hall_id', '=', hallId).where('number', '=', number).executeTakeFirst();
  return r ? toCounter(r) : undefined;
}

export async function findCounterById(db: Db, id: number): Promise<HallCounter | undefined> {
  const r = await db.selectFrom('counter').select(columns).where('id', '=', id).executeTakeFirst();
  return r ? toCounter(r) : undefined;
}

export async function insertCounter(
  db: Db,
  c: {
    hallId: number;
    number: number;
    name: string;
    serviceIds: number[];
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('counter')
    .values({
      hall_id: c.hallId,
      number: c.number,
      name: c.name,
      service_ids: JSON.stringify(c.serviceIds),
      active: 1,
      created_at: c.at,
      updated_at: c.at,
    })
    .execute();
}

export async function updateCounter(db: Db, id: number, c: { name: string; serviceIds: number[]; at: string }): Promise<void> {
  await db
    .updateTable('counter')
    .set({ name: c.name, service_ids: JSON.stringify(c.serviceIds), active: 1, updated_at: c.at })
    .where('id', '=', id)
    .execute();
}

/** The counter's state as committed now, held until the transaction ends (a pause waits for a call under way, and the other way round). */
export async function counterStateLocked(db: Db, id: number): Promise<CounterState | undefined> {
  const r = await forUpdate(db, db.selectFrom('counter').select('state').where('id', '=', id)).executeTakeFirst();
  return r?.state;
}

/** Moves the counter from one state to another; false when it was no longer in `from`. */
export async function changeCounterState(db: Db, id: number, from: CounterState, to: CounterState, at: string): Promise<boolean> {
  const r = await db
    .updateTable('counter')
    .set({ state: to, state_since: at, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return affected(r) === 1;
}

export interface CounterPause {
  counterId: number;
  reason: PauseReason;
  note: string | null;
  startedAt: string;
  endedAt: string | null;
}

export async function startPause(
  db: Db,
  p: { hallId: number; counterId: number; reason: PauseReason; note: string | null; staffId: number | null; at: string },
): Promise<void> {
  await db
    .insertInto('counter_pause')
    .values({ hall_id: p.hallId, counter_id: p.counterId, reason: p.reason, note: p.note, staff_id: p.staffId, started_at: p.at })
    .execute();
}

/** Ends the counter's pause that is still open, if any. */
export async function endPause(db: Db, counterId: number, at: string): Promise<void> {
  await db.updateTable('counter_pause').set({ ended_at: at }).where('counter_id', '=', counterId).where('ended_at', 'is', null).execute();
}

/** The pauses of the hall's counters that were open at some time in [from, to) (ISO instants). */
export async function pausesBetween(db: Db, hallId: number | null, from: string, to: string): Promise<CounterPause[]> {
  let q = db
    .selectFrom('counter_pause')
    .select(['counter_id', 'reason', 'note', 'started_at', 'ended_at'])
    .where('started_at', '<', to)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', from)]))
    .orderBy('started_at');
  if (hallId !== null) q = q.where('hall_id', '=', hallId);
  const rows = await q.execute();
  return rows.map((r) => ({ counterId: Number(r.counter_id), reason: r.reason, note: r.note, startedAt: r.started_at, endedAt: r.ended_at }));
}

/** The pause under way on each paused counter of the hall, by counter id. */
export async function openPauses(db: Db, hallId: number): Promise<Map<number, CounterPause>> {
  const rows = await db
    .selectFrom('counter_pause')
    .select(['counter_id', 'reason', 'note', 'started_at', 'ended_at'])
    .where('hall_id', '=', hallId)
    .where('ended_at', 'is', null)
    .execute();
  return new Map(
    rows.map((r) => [Number(r.counter_id), { counterId: Number(r.counter_id), reason: r.reason, note: r.note, startedAt: r.started_at, endedAt: null }]),
  );
}
