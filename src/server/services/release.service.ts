// Unused places back to the hall: RELEASE_AFTER_MINUTES after a slot starts, its places nobody
// checked in for join the day's walk-in quota. Lazy and idempotent: whoever reads the walk-in
// counts (kiosk, walk-in, today screen) releases what is due; the conditional update in the
// repository makes each slot's release happen exactly once across workers and instances.
import { releaseIsDue } from '../../domain/no-show.js';
import { fromMinutes } from '../../domain/schedule.js';
import { ensureWalkInRow } from '../repositories/inventory.repository.js';
import type { Db } from '../repositories/portable.js';
import { addReleasedToWalkIns, reclaimForLateCheckIn, releaseSlot, unreleasedSlots } from '../repositories/release.repository.js';
import type { Service } from '../repositories/service.repository.js';
import type { Now, ServiceContext } from './context.js';
import { noShowOptions } from './no-show.service.js';
import { priorityOf } from './priority.service.js';
import { MissingRow, transact } from './transact.js';

/** Releases today's due slots of these services (one hall's, on its clock); returns the places released. */
export async function releaseUnusedPlaces(ctx: ServiceContext, services: Service[], now: Now): Promise<number> {
  const after = noShowOptions(ctx).releaseAfterMinutes;
  const latest = now.local.minutes - after;
  if (latest < 0 || services.length === 0) return 0;
  const date = now.local.date;
  const due = await unreleasedSlots(
    ctx.db,
    services.map((s) => s.id),
    date,
    fromMinutes(latest),
  );
  let released = 0;
  for (const key of due) {
    const service = services.find((s) => s.id === key.serviceId) as Service;
    released += await transact(ctx.db, async (trx) => {
      const places = await releaseSlot(trx, key);
      if (!places) return 0;
      if (!(await addReleasedToWalkIns(trx, key.serviceId, date, places))) {
        throw new MissingRow(async () =>
          ensureWalkInRow(ctx.db, key.serviceId, date, service.schedule.walkInQuota, (await priorityOf(ctx, service.hallId)).reserve),
        );
      }
      return places;
    });
  }
  return released;
}

/** Inside a check-in's transaction: a booking checked in after its slot's places were released takes one back if still free. */
export async function reclaimIfReleased(
  trx: Db,
  ctx: ServiceContext,
  b: { serviceId: number; date: string; slotStart: string },
  now: Now,
): Promise<void> {
  if (!releaseIsDue(b.date, b.slotStart, noShowOptions(ctx).releaseAfterMinutes, now.local)) return;
  await reclaimForLateCheckIn(trx, { serviceId: b.serviceId, date: b.date, slotStart: b.slotStart });
}
