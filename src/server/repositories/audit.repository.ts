// The audit log: who changed what and when. Append-only: nothing here updates or deletes.
import type { Db } from './portable.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  /** The hall the change was in; null for city-wide changes (catalogue, city calendar, halls). */
  hallId?: number | null;
}

export async function appendAudit(db: Db, e: Omit<AuditEntry, 'id'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor: e.actor,
      action: e.action,
      target: e.target,
      details: JSON.stringify(e.details),
      hall_id: e.hallId ?? null,
    })
    .execute();
}

export async function listAudit(
  db: Db,
  filter: {
    from?: string;
    to?: string;
    actor?: string;
    action?: string;
    limit: number;
    beforeId?: number;
    hallId?: number;
  },
): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.hallId !== undefined) q = q.where('hall_id', '=', filter.hallId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  if (filter.action) q = q.where('action', 'like', `${filter.action}%`);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return (await q.execute()).map((r) => ({
    ...r,
    id: Number(r.id),
    hallId: r.hall_id === null ? null : Number(r.hall_id),
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
