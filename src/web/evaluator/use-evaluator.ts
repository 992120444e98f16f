// The 评价器's view of its counter: asks the server what to show when the counter completes a ticket
// (a live ticket.completed for its counter), when a rating comes in (rated on the phone), on load,
// and every few seconds besides; ticks once a second so the screen returns to idle on time.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { EvaluatorCurrentResponse } from '../../contracts/rating.js';
import { ApiError, isAbort } from '../api/client.js';
import { getEvaluatorCurrent } from '../api/rating-endpoints.js';
import type { Lang } from '../i18n/i18n.js';
import { useLive } from '../live/use-live.js';
import { type EvalAction, type EvalState, IDLE, evalStep } from './evaluator-logic.js';

/** The fallback poll; the live event is what makes the screen appear within a second. */
export const POLL_MS = 3_000;

export type EvaluatorPlace = Omit<EvaluatorCurrentResponse, 'ticket'>;

export interface Evaluator {
  state: EvalState;
  place: EvaluatorPlace | null;
  /** The last load failed (network or server): the screen may be behind. */
  offline: boolean;
  dispatch: (action: EvalAction) => void;
}

const isDenied = (error: unknown) => error instanceof ApiError && (error.status === 401 || error.status === 403);

export function useEvaluator(lang: Lang, onDenied: () => void): Evaluator {
  const [state, dispatch] = useReducer(evalStep, IDLE);
  const [place, setPlace] = useState<EvaluatorPlace | null>(null);
  const [offline, setOffline] = useState(false);
  const counter = useRef<number | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const deniedRef = useRef(onDenied);
  deniedRef.current = onDenied;

  const load = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    getEvaluatorCurrent({ lang, signal: controller.signal })
      .then(({ ticket, ...here }) => {
        counter.current = here.counterNumber;
        setPlace(here);
        setOffline(false);
        dispatch({ type: 'current', ticket, now: Date.now() });
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        if (isDenied(error)) deniedRef.current();
        else setOffline(true);
      });
  }, [lang]);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, POLL_MS);
    return () => {
      window.clearInterval(timer);
      inFlight.current?.abort();
    };
  }, [load]);

  const live = useLive('hall', (change) => {
    if (change.kind === 'resync') return load();
    const e = change.event;
    if (e.type === 'ticket.completed' && (counter.current === null || e.counterNumber === counter.current)) load();
    else if (e.type === 'rating.created' && e.number) dispatch({ type: 'ratedElsewhere', number: e.number, now: Date.now() });
  });
  useEffect(() => {
    if (live === 'denied') deniedRef.current();
  }, [live]);

  const busy = state.phase.kind !== 'idle';
  useEffect(() => {
    if (!busy) return;
    const tick = window.setInterval(() => dispatch({ type: 'tick', now: Date.now() }), 250);
    return () => window.clearInterval(tick);
  }, [busy]);

  return { state, place, offline, dispatch };
}
