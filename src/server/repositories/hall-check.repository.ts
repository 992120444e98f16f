// Per-hall invariants for `vreserve check`: every row that belongs to a hall agrees with its
// service's hall, counters serve only their hall's services, and numbers carry their hall's prefix.
import type { Db } from './portable.js';

export async function hallProblems(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const halls = new Map((await db.selectFrom('hall').select(['id', 'code', 'number_prefix']).execute()).map((h) => [Number(h.id), h]));
  const serviceHall = new Map((await db.selectFrom('service').select(['id', 'hall_id']).execute()).map((s) => [Number(s.id), Number(s.hall_id)]));
  for (const [id, hallId] of serviceHall) if (!halls.has(hallId)) problems.push(`service ${id}: hall ${hallId} does not exist`);
  for (const table of ['booking', 'ticket'] as const) {
    const rows = await db.selectFrom(table).select(['number', 'service_id', 'hall_id']).execute();
    for (const r of rows) {
      const hall = halls.get(Number(r.hall_id));
      if (serviceHall.get(Number(r.service_id)) !== Number(r.hall_id)) {
        problems.push(`${table} ${r.number}: hall ${r.hall_id} but its service ${r.service_id} is in hall ${serviceHall.get(Number(r.service_id))}`);
      }
      // A number made by another hall would carry another prefix (a transfer keeps its number, in the same hall).
      if (hall && hall.number_prefix !== '' && !r.number.startsWith(hall.number_prefix)) {
        problems.push(`${table} ${r.number}: hall ${hall.code} numbers start with ${hall.number_prefix}`);
      }
      if (hall && hall.number_prefix === '' && /^[A-Z0-9]+-/.test(r.number))
        problems.push(`${table} ${r.number}: hall ${hall.code} numbers have no prefix`);
    }
  }
  for (const c of await db.selectFrom('counter').select(['number', 'hall_id', 'service_ids']).execute()) {
    for (const id of JSON.parse(c.service_ids) as number[]) {
      if (serviceHall.has(id) && serviceHall.get(id) !== Number(c.hall_id))
        problems.push(`counter ${c.number} of hall ${c.hall_id} serves service ${id} of hall ${serviceHall.get(id)}`);
    }
  }
  return problems;
}
