// Runs the counter's actions one at a time (a double press never sends twice) and keeps the
// last outcome, worded at render time so a language switch re-words it.
import { useCallback, useRef, useState } from 'react';
import type { Ticket } from '../../contracts/kiosk.js';
import type { TicketActionResponse } from '../../contracts/queue.js';
import { callNext, callTicket, ticketAction, transferTicket } from '../api/queue-endpoints.js';
import type { Lang } from '../i18n/i18n.js';
import type { DeskAction } from './counter-logic.js';

/** The desk's actions plus calling a particular waiting number. */
export type DeskCommand =
  | { action: Exclude<DeskAction, 'transfer'> }
  | { action: 'transfer'; serviceId: number }
  | { action: 'call' | 'undo-no-show' | 'requeue'; number: string };

export type DeskOutcome =
  | { ok: true; action: DeskCommand['action']; number: string; callNumber: string; serviceId?: number; at: number }
  | { ok: false; action: DeskCommand['action']; error: unknown };

function send(command: DeskCommand, counter: number, current: Ticket | null, lang: Lang): Promise<TicketActionResponse> {
  const call = { lang };
  if (command.action === 'call-next') return callNext(counter, call);
  if (command.action === 'call') return callTicket(command.number, counter, call);
  if (command.action === 'undo-no-show' || command.action === 'requeue') return ticketAction(command.number, command.action, call);
  // The buttons are only enabled with a ticket; a stale screen gets the server's TICKET_STATE.
  const number = current?.number ?? '';
  if (command.action === 'transfer') return transferTicket(number, command.serviceId, call);
  return ticketAction(number, command.action, call);
}

export function useDeskActions(counter: number, lang: Lang, after: () => void, onStaffError: (error: unknown) => void) {
  const [busy, setBusy] = useState<DeskCommand['action'] | null>(null);
  const [outcome, setOutcome] = useState<DeskOutcome | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async (command: DeskCommand, current: Ticket | null) => {
      if (running.current) return;
      running.current = true;
      setBusy(command.action);
      try {
        const answer = await send(command, counter, current, lang);
        setOutcome({
          ok: true,
          action: command.action,
          number: answer.ticket.number,
          callNumber: answer.ticket.callNumber,
          at: Date.now(),
          ...(command.action === 'transfer' ? { serviceId: command.serviceId } : {}),
        });
      } catch (error) {
        onStaffError(error);
        setOutcome({ ok: false, action: command.action, error });
      } finally {
        running.current = false;
        setBusy(null);
        after();
      }
    },
    [counter, lang, after, onStaffError],
  );

  return { busy, outcome, run, dismiss: () => setOutcome(null) };
}
