// The counter console's rules: which buttons work for the ticket at the counter, the keyboard
// shortcuts, the setup form's checks and the remembered counter. Pure.
import type { Counter } from '../../contracts/queue.js';
import type { TicketStatus } from '../../domain/ticket-status.js';

export type DeskAction = 'call-next' | 'recall' | 'start' | 'complete' | 'no-show' | 'transfer';

export const DESK_ACTIONS: readonly DeskAction[] = ['call-next', 'recall', 'start', 'complete', 'no-show', 'transfer'];

/** What the counter can do with its open ticket (none: call the next one). The server decides again. */
export function actionsFor(current: TicketStatus | null): ReadonlySet<DeskAction> {
  if (current === null) return new Set(['call-next']);
  if (current === 'called') return new Set(['recall', 'start', 'complete', 'no-show', 'transfer']);
  if (current === 'serving') return new Set(['complete', 'transfer']);
  // Finished tickets are no longer the counter's: call the next one.
  return new Set(['call-next']);
}

/** A counter that is not open (paused, closed) keeps every action but calling. */
export function withoutCalls(allowed: ReadonlySet<DeskAction>, calling: boolean): ReadonlySet<DeskAction> {
  if (calling) return allowed;
  return new Set([...allowed].filter((a) => a !== 'call-next'));
}

/** Whether a waiting number may be called out of order now: only with nothing open at the counter. */
export function canCallWaiting(current: TicketStatus | null): boolean {
  return actionsFor(current).has('call-next');
}

const SHORTCUTS: Record<string, DeskAction> = { n: 'call-next', r: 'recall', s: 'start', c: 'complete', x: 'no-show', t: 'transfer' };

/** The key shown on each button. */
export function shortcutKey(action: DeskAction): string {
  return (Object.entries(SHORTCUTS).find(([, a]) => a === action)?.[0] ?? '').toUpperCase();
}

/** A key press as a desk action: single letters, no modifiers, not while typing in a field. */
export function shortcutOf(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; inField: boolean }): DeskAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.inField) return null;
  return SHORTCUTS[e.key.toLowerCase()] ?? null;
}

export const COUNTER_STORAGE_KEY = 'vreserve.counter';

/** The counter remembered on this computer, if it still reads as a counter number. */
export function parseRememberedCounter(raw: string | null): number | null {
  if (raw === null || !/^\d{1,3}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 999 ? n : null;
}

export interface SetupInput {
  number: string;
  name: string;
  serviceIds: readonly number[];
}

export type SetupProblems = Partial<Record<'number' | 'name' | 'services', 'invalid' | 'empty'>>;

export function setupProblems(input: SetupInput): SetupProblems {
  const problems: SetupProblems = {};
  const n = Number(input.number);
  if (!input.number.trim()) problems.number = 'empty';
  else if (!/^\d+$/.test(input.number.trim()) || n < 1 || n > 999) problems.number = 'invalid';
  if (!input.name.trim()) problems.name = 'empty';
  else if (input.name.trim().length > 60) problems.name = 'invalid';
  if (input.serviceIds.length === 0) problems.services = 'empty';
  return problems;
}

/** A new counter's suggested name, as the seed names them: '5 号窗口' / 'Counter 5'. */
export function defaultCounterName(number: number, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `${number} 号窗口` : `Counter ${number}`;
}

/** The counter by number in a list, or null. */
export function counterByNumber(counters: readonly Counter[], number: number | null): Counter | null {
  return number === null ? null : (counters.find((c) => c.number === number && c.active) ?? null);
}

/**
 * Today's average service time over several queues, weighted by how many each has served; null
 * before anyone was served (the server's per-queue figure is then only a configured default).
 */
export function servedAverage(queues: readonly { servedToday: number; averageServiceMinutes: number }[]): number | null {
  const served = queues.reduce((n, q) => n + q.servedToday, 0);
  if (served === 0) return null;
  return queues.reduce((sum, q) => sum + q.servedToday * q.averageServiceMinutes, 0) / served;
}

