// Asks for the ticket every few seconds while the page is shown (less often when hidden or over),
// and at once when the phone comes back to the page. The last answer stays shown while a poll
// fails; a 404 is final.
import { useEffect, useState } from 'react';
import type { Lang } from '../../contracts/errors.js';
import type { PublicTicketResponse } from '../../contracts/public-ticket.js';
import { ApiError, isAbort } from '../api/client.js';
import { getPublicTicket } from '../api/endpoints.js';
import { pollDelay } from './ticket-logic.js';

export interface TicketPoll {
  ticket: PublicTicketResponse | undefined;
  notFound: boolean;
  /** The last poll failed (network, server): the shown answer may be old. */
  stale: boolean;
}

export function useTicketPoll(token: string, lang: Lang): TicketPoll {
  const [poll, setPoll] = useState<TicketPoll>({ ticket: undefined, notFound: false, stale: false });

  useEffect(() => {
    let timer: number | undefined;
    let controller: AbortController | null = null;
    let last: PublicTicketResponse | undefined;
    let stopped = false;

    const schedule = () => {
      window.clearTimeout(timer);
      if (!stopped) timer = window.setTimeout(run, pollDelay(last, document.hidden));
    };
    const run = async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        last = await getPublicTicket(token, { lang, signal: controller.signal });
        setPoll({ ticket: last, notFound: false, stale: false });
      } catch (error) {
        if (isAbort(error)) return;
        if (error instanceof ApiError && error.status === 404) {
          stopped = true;
          setPoll({ ticket: undefined, notFound: true, stale: false });
          return;
        }
        setPoll((p) => ({ ...p, stale: true }));
      }
      schedule();
    };
    const onVisible = () => {
      if (!document.hidden && !stopped) void run();
    };
    void run();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [token, lang]);

  return poll;
}
