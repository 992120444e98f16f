// 好差评 rows: ratings (one per ticket, by the UNIQUE ticket_id), 差评 cases and their steps. Rows
// become records here; a case changes state with a conditional UPDATE on the state it was read in,
// so two people moving the same case at once cannot both succeed.
import type { Selectable } from 'kysely';
import { type RatingChannel, type RatingLevel, type RatingReason, isRatingReason } from '../../domain/rating.js';
import type { CaseState } from '../../domain/rating-case.js';
import type { RatingCaseTable, RatingTable } from '../db/schema.js';
import { type Db, affected, insertReturningId } from './portable.js';

export interface RatingRecord {
  id: number;
  hallId: number;
  ticketId: number;
  ticketNumber: string;
  serviceId: number;
  counterId: number | null;
  staffId: number | null;
  date: string;
  level: RatingLevel;
  reasons: RatingReason[];
  comment: string | null;
  channel: RatingChannel;
  createdAt: string;
}

export type NewRating = Omit<RatingRecord, 'id'>;

function toRating(r: Selectable<RatingTable>): RatingRecord {
  return {
    id: Number(r.id),
    hallId: Number(r.hall_id),
    ticketId: Number(r.ticket_id),
    ticketNumber: r.ticket_number,
    serviceId: Number(r.service_id),
    counterId: r.counter_id === null ? null : Number(r.counter_id),
    staffId: r.staff_id === null ? null : Number(r.staff_id),
    date: r.date,
    level: r.level,
    reasons: r.reasons.split(',').filter(isRatingReason),
    comment: r.comment,
    channel: r.channel,
    createdAt: r.created_at,
  };
}

/** Inserts the ticket's rating; a second one for the ticket fails on the UNIQUE index. */
export async function insertRating(db: Db, r: NewRating): Promise<number> {
  return insertReturningId(db, 'rating', {
    hall_id: r.hallId,
    ticket_id: r.ticketId,
    ticket_number: r.ticketNumber,
    service_id: r.serviceId,
    counter_id: r.counterId,
    staff_id: r.staffId,
    date: r.date,
    level: r.level,
    reasons: r.reasons.join(','),
    comment: r.comment,
    channel: r.channel,
    created_at: r.createdAt,
  });
}

export async function findRatingOfTicket(db: Db, ticketId: number): Promise<RatingRecord | undefined> {
  const r = await db.selectFrom('rating').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
  return r ? toRating(r) : undefined;
}

/** Ratings of tickets whose day is in [from, to], of one hall or (null) every hall. */
export async function ratingsBetween(db: Db, hallId: number | null, from: string, to: string): Promise<RatingRecord[]> {
  let q = db.selectFrom('rating').selectAll().where('date', '>=', from).where('date', '<=', to);
  if (hallId !== null) q = q.where('hall_id', '=', hallId);
  return (await q.orderBy('id').execute()).map(toRating);
}

/** The latest ratings of a hall, newest first (the console's list). */
export async function latestRatings(db: Db, hallId: number, from: string, to: string, limit: number): Promise<RatingRecord[]> {
  const rows = await db
    .selectFrom('rating')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRating);
}

export interface CaseRecord {
  id: number;
  hallId: number;
  ratingId: number;
  ticketNumber: string;
  serviceId: number;
  counterId: number | null;
  staffId: number | null;
  date: string;
  openedAt: string;
  openedOn: string;
  dueDate: string;
  state: CaseState;
  assigneeId: number | null;
  rectifiedAt: string | null;
  revisitedAt: string | null;
  revisit: { date: string; outcome: string; level: RatingLevel } | null;
  closedAt: string | null;
  updatedAt: string;
}

export type NewCase = Pick<
  CaseRecord,
  'hallId' | 'ratingId' | 'ticketNumber' | 'serviceId' | 'counterId' | 'staffId' | 'date' | 'openedAt' | 'openedOn' | 'dueDate' | 'assigneeId'
>;

function toCase(r: Selectable<RatingCaseTable>): CaseRecord {
  return {
    id: Number(r.id),
    hallId: Number(r.hall_id),
    ratingId: Number(r.rating_id),
    ticketNumber: r.ticket_number,
    serviceId: Number(r.service_id),
    counterId: r.counter_id === null ? null : Number(r.counter_id),
    staffId: r.staff_id === null ? null : Number(r.staff_id),
    date: r.date,
    openedAt: r.opened_at,
    openedOn: r.opened_on,
    dueDate: r.due_date,
    state: r.state,
    assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
    rectifiedAt: r.rectified_at,
    revisitedAt: r.revisited_at,
    revisit:
      r.revisit_date !== null && r.revisit_level !== null ? { date: r.revisit_date, outcome: r.revisit_outcome ?? '', level: r.revisit_level } : null,
    closedAt: r.closed_at,
    updatedAt: r.updated_at,
  };
}

export async function insertCase(db: Db, c: NewCase): Promise<number> {
  return insertReturningId(db, 'rating_case', {
    hall_id: c.hallId,
    rating_id: c.ratingId,
    ticket_number: c.ticketNumber,
    service_id: c.serviceId,
    counter_id: c.counterId,
    staff_id: c.staffId,
    date: c.date,
    opened_at: c.openedAt,
    opened_on: c.openedOn,
    due_date: c.dueDate,
    state: 'open',
    assignee_id: c.assigneeId,
    updated_at: c.openedAt,
  });
}

export async function findCase(db: Db, hallId: number, id: number): Promise<CaseRecord | undefined> {
  const r = await db.selectFrom('rating_case').selectAll().where('hall_id', '=', hallId).where('id', '=', id).executeTakeFirst();
  return r ? toCase(r) : undefined;
}

export async function findCaseOfRating(db: Db, ratingId: number): Promise<CaseRecord | undefined> {
  const r = await db.selectFrom('rating_case').selectAll().where('rating_id', '=', ratingId).executeTakeFirst();
  return r ? toCase(r) : undefined;
}

/** A hall's cases: those not closed (any age) and those opened in [from, to]; newest first. */
export async function listCases(db: Db, hallId: number, from: string, to: string): Promise<CaseRecord[]> {
  const rows = await db
    .selectFrom('rating_case')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where((eb) => eb.or([eb('state', '!=', 'closed'), eb.and([eb('opened_on', '>=', from), eb('opened_on', '<=', to)])]))
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toCase);
}

/** Cases of tickets whose day is in [from, to] (the figures count a case with its rating). */
export async function casesBetween(db: Db, hallId: number | null, from: string, to: string): Promise<CaseRecord[]> {
  let q = db.selectFrom('rating_case').selectAll().where('date', '>=', from).where('date', '<=', to);
  if (hallId !== null) q = q.where('hall_id', '=', hallId);
  return (await q.orderBy('id').execute()).map(toCase);
}

export type CaseChange = Partial<Pick<RatingCaseTable, 'rectified_at' | 'revisited_at' | 'revisit_date' | 'revisit_outcome' | 'revisit_level' | 'closed_at' | 'assignee_id'>>;

/** Moves a case from the state it was read in; false when someone else moved it first. */
export async function changeCase(db: Db, id: number, from: CaseState, to: CaseState, at: string, change: CaseChange): Promise<boolean> {
  const result = await db
    .updateTable('rating_case')
    .set({ ...change, state: to, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return affected(result) === 1;
}

export async function assignCase(db: Db, id: number, assigneeId: number | null, at: string): Promise<boolean> {
  const result = await db
    .updateTable('rating_case')
    .set({ assignee_id: assigneeId, updated_at: at })
    .where('id', '=', id)
    .where('state', '!=', 'closed')
    .executeTakeFirst();
  return affected(result) === 1;
}

export interface CaseNote {
  id: number;
  fromState: CaseState | null;
  toState: CaseState;
  note: string;
  actor: string;
  at: string;
}

export async function addCaseNote(db: Db, n: Omit<CaseNote, 'id'> & { caseId: number; hallId: number }): Promise<void> {
  await db
    .insertInto('rating_case_note')
    .values({ case_id: n.caseId, hall_id: n.hallId, from_state: n.fromState, to_state: n.toState, note: n.note, actor: n.actor, at: n.at })
    .execute();
}


export async function ratingsByIds(db: Db, ids: number[]): Promise<RatingRecord[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('rating').selectAll().where('id', 'in', ids).execute()).map(toRating);
}

/** The steps of several cases, oldest first within each. */
export async function notesOfCases(db: Db, caseIds: number[]): Promise<Map<number, CaseNote[]>> {
  const notes = new Map<number, CaseNote[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return notes;
  const rows = await db.selectFrom('rating_case_note').selectAll().where('case_id', 'in', caseIds).orderBy('id').execute();
  for (const r of rows) {
    notes.get(Number(r.case_id))?.push({ id: Number(r.id), fromState: r.from_state, toState: r.to_state, note: r.note, actor: r.actor, at: r.at });
  }
  return notes;
}

/** Cases of the ratings given (by rating id). */
export async function casesOfRatings(db: Db, ratingIds: number[]): Promise<Map<number, number>> {
  if (ratingIds.length === 0) return new Map();
  const rows = await db.selectFrom('rating_case').select(['id', 'rating_id']).where('rating_id', 'in', ratingIds).execute();
  return new Map(rows.map((r) => [Number(r.rating_id), Number(r.id)]));
}
