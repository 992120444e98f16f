// Setting up counters (窗口): a number, a name and the services it serves.
import type { PutCounterBody } from '../../contracts/queue.js';
import { findCounterByNumber, insertCounter, updateCounter } from '../repositories/counter.repository.js';
import { isUniqueViolation } from '../repositories/portable.js';
import { listServices } from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, nowOf } from './context.js';

export async function saveCounter(ctx: HallContext, number: number, input: PutCounterBody): Promise<void> {
  const known = new Set((await listServices(ctx.db, ctx.hall.id)).map((s) => s.id));
  const unknown = input.serviceIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new AppError('SERVICE_NOT_FOUND', { serviceId: unknown });
  const serviceIds = [...new Set(input.serviceIds)];
  const at = nowOf(ctx).iso;
  const existing = await findCounterByNumber(ctx.db, ctx.hall.id, number);
  if (existing)
    return updateCounter(ctx.db, existing.id, {
      name: input.name.trim(),
      serviceIds,
      at,
    });
  try {
    await insertCounter(ctx.db, {
      hallId: ctx.hall.id,
      number,
      name: input.name.trim(),
      serviceIds,
      at,
    });
  } catch (error) {
    // Someone created the same counter a moment earlier: update theirs instead.
    if (!isUniqueViolation(error)) throw error;
    const created = await findCounterByNumber(ctx.db, ctx.hall.id, number);
    if (created)
      await updateCounter(ctx.db, created.id, {
        name: input.name.trim(),
        serviceIds,
        at,
      });
  }
}
