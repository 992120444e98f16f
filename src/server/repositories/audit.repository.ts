// The audit log: who changed what and when. Append-only: nothing here updates or deletes.
import type { Db } from './portable.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

export async function appendAudit(db: Db, e: Omit<AuditEntry, 'id'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at: e.at, actor: e.actor, action: e.action, target: e.target, details: JSON.stringify(e.details) })
    .execute();
}

export async function listAudit(
  db: Db,
  filter: { from?: string; to?: string; actor?: string; action?: string; limit: number; beforeId?: number },
): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  if (filter.action) q = q.where('action', 'like', `${filter.action}%`);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return (await q.execute()).map((r) => ({ ...r, id: Number(r.id), details: JSON.parse(r.details) as Record<string, unknown> }));
}
