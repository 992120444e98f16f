// What the 评价器 shows, as a pure function of what it heard: idle; the rating screen for the ticket
// its counter just completed (until rated, rated elsewhere, or 60 s without a touch); the thanks for
// a few seconds. Times are this device's clock (ms); the server's 60 s window is its own (a poll
// that answers "nothing" ends an untouched screen), so a device clock that is off does no harm.
import type { EvaluatorCurrentResponse } from '../../contracts/rating.js';

export type EvalTicket = NonNullable<EvaluatorCurrentResponse['ticket']>;

/** A screen nobody touches returns to idle after this long (the 60 s). */
export const RATING_SCREEN_MS = 60_000;
export const THANKS_MS = 5_000;

export type EvalPhase =
  | { kind: 'idle' }
  | { kind: 'rating'; ticket: EvalTicket; until: number; touched: boolean }
  | { kind: 'thanks'; followUp: boolean; until: number };

export interface EvalState {
  phase: EvalPhase;
  /** The last number rated or let go: a late poll never brings it back. */
  done: string | null;
}

export const IDLE: EvalState = { phase: { kind: 'idle' }, done: null };

export type EvalAction =
  | { type: 'current'; ticket: EvalTicket | null; now: number }
  | { type: 'touched'; now: number }
  | { type: 'rated'; number: string; followUp: boolean; now: number }
  | { type: 'ratedElsewhere'; number: string; now: number }
  | { type: 'tick'; now: number };

const idleAfter = (number: string): EvalState => ({ phase: { kind: 'idle' }, done: number });

export function evalStep(state: EvalState, action: EvalAction): EvalState {
  const { phase } = state;
  switch (action.type) {
    case 'current': {
      const ticket = action.ticket?.rating.state === 'open' ? action.ticket : null;
      if (phase.kind === 'thanks') return state;
      if (!ticket) {
        // The server let it go (60 s over, or rated on the phone): idle, unless the citizen is at it.
        return phase.kind === 'rating' && !phase.touched ? idleAfter(phase.ticket.number) : state;
      }
      if (ticket.number === state.done) return state;
      if (phase.kind === 'rating' && (phase.ticket.number === ticket.number || phase.touched)) return state;
      return { ...state, phase: { kind: 'rating', ticket, until: action.now + RATING_SCREEN_MS, touched: false } };
    }
    case 'touched':
      return phase.kind === 'rating' ? { ...state, phase: { ...phase, touched: true, until: action.now + RATING_SCREEN_MS } } : state;
    case 'rated':
      return { phase: { kind: 'thanks', followUp: action.followUp, until: action.now + THANKS_MS }, done: action.number };
    case 'ratedElsewhere':
      return phase.kind === 'rating' && phase.ticket.number === action.number
        ? { phase: { kind: 'thanks', followUp: false, until: action.now + THANKS_MS }, done: action.number }
        : state;
    case 'tick':
      if (phase.kind === 'rating' && action.now >= phase.until) return idleAfter(phase.ticket.number);
      if (phase.kind === 'thanks' && action.now >= phase.until) return { ...state, phase: { kind: 'idle' } };
      return state;
  }
}
