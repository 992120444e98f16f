// 暂停 / 恢复 / 关闭 of a counter. The state is changed with the counter's row held, so a pause and
// a call-next on the same counter are one after the other: a paused counter is never given a number.
import type { Lang } from '../../contracts/errors.js';
import { type CounterState, type PauseRequest, nextCounterState, pauseRefusal } from '../../domain/counter-state.js';
import { appendAudit } from '../repositories/audit.repository.js';
import {
  type HallCounter,
  changeCounterState,
  counterStateLocked,
  endPause,
  findCounterByNumber,
  startPause,
} from '../repositories/counter.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import type { Db } from '../repositories/portable.js';
import { openTicketsOfCounters } from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, nowOf } from './context.js';
import { countersView } from './hall-view.service.js';
import { transact } from './transact.js';

export interface Actor {
  id: number;
  username: string;
}

type Command = { kind: 'pause'; pause: PauseRequest } | { kind: 'resume' } | { kind: 'close' };

/** Refuses a call to a counter that is not open; call inside the calling transaction (it holds the row). */
export async function assertCounterOpen(trx: Db, counter: HallCounter): Promise<void> {
  const state = await counterStateLocked(trx, counter.id);
  if (state === 'paused') throw new AppError('COUNTER_PAUSED', { counter: counter.number });
  if (state === 'closed') throw new AppError('COUNTER_CLOSED', { counter: counter.number });
}

export async function changeCounter(ctx: HallContext, actor: Actor, counterNumber: number, command: Command, lang: Lang) {
  const counter = await findCounterByNumber(ctx.db, ctx.hall.id, counterNumber);
  if (!counter?.active) throw new AppError('COUNTER_NOT_FOUND', { counter: counterNumber });
  if (command.kind === 'pause') {
    const refusal = pauseRefusal(command.pause);
    if (refusal) {
      const reason = refusal === 'NOTE_REQUIRED' ? 'a pause for another reason needs a note' : 'the note is too long';
      throw new AppError('VALIDATION', { field: 'note', reason });
    }
  }
  const now = nowOf(ctx);
  await transact(ctx.db, async (trx) => {
    const from = (await counterStateLocked(trx, counter.id)) as CounterState;
    const to = nextCounterState(from, command.kind);
    if (!to) throw new AppError('COUNTER_STATE', { state: from });
    if (to === 'closed') {
      const [open] = await openTicketsOfCounters(trx, [counter.id]);
      if (open) throw new AppError('COUNTER_BUSY', { number: open.number });
    }
    if (!(await changeCounterState(trx, counter.id, from, to, now.iso))) throw new AppError('COUNTER_STATE', { state: from });
    if (from === 'paused') await endPause(trx, counter.id, now.iso);
    const note = command.kind === 'pause' ? command.pause.note?.trim() || null : null;
    if (command.kind === 'pause') {
      await startPause(trx, { hallId: ctx.hall.id, counterId: counter.id, reason: command.pause.reason, note, staffId: actor.id, at: now.iso });
    }
    await appendEvent(trx, {
      type: 'counter.changed',
      hallId: ctx.hall.id,
      serviceId: null,
      date: now.local.date,
      at: now.iso,
      counterNumber: counter.number,
      counterName: counter.name,
    });
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor: actor.username,
      action: `counter.${command.kind}`,
      target: String(counter.number),
      details: command.kind === 'pause' ? { reason: command.pause.reason, ...(note ? { note } : {}) } : { from },
    });
  });
  ctx.events?.committed();
  return { counters: await countersView(ctx, lang) };
}
