// Counters calling numbers, the queue and the display board, typed by src/contracts/queue.ts.
import type { Lang } from '../../contracts/errors.js';
import type {
  CountersResponse,
  DisplayResponse,
  PauseCounterBody,
  PutCounterBody,
  QueueResponse,
  SetPriorityBody,
  TicketActionResponse,
} from '../../contracts/queue.js';
import { hrefOf } from '../nav/router.js';
import { requestJson } from './client.js';

interface Call {
  lang: Lang;
  signal?: AbortSignal;
}

/** The actions on a called or served ticket, by their path segment. */
export type TicketAction = 'recall' | 'start' | 'complete' | 'no-show' | 'undo-no-show' | 'requeue';

const ticketPath = (number: string, action: string) => `/api/v1/tickets/${encodeURIComponent(number)}/${action}`;

/** 优先: staff set (or clear, with null) a ticket's priority group. */
export function setTicketPriority(number: string, priority: SetPriorityBody['priority'], call: Call): Promise<TicketActionResponse> {
  return requestJson('POST', ticketPath(number, 'priority'), { ...call, body: { priority } });
}

export function getCounters(call: Call): Promise<CountersResponse> {
  return requestJson('GET', '/api/v1/counters', call);
}

export function putCounter(number: number, body: PutCounterBody, call: Call): Promise<CountersResponse> {
  return requestJson('PUT', `/api/v1/counters/${number}`, { ...call, body });
}

/** 暂停服务 with a reason, 恢复服务, 关闭窗口. */
export function pauseCounter(counter: number, body: PauseCounterBody, call: Call): Promise<CountersResponse> {
  return requestJson('POST', `/api/v1/counters/${counter}/pause`, { ...call, body });
}

export function resumeCounter(counter: number, call: Call): Promise<CountersResponse> {
  return requestJson('POST', `/api/v1/counters/${counter}/resume`, call);
}

export function closeCounter(counter: number, call: Call): Promise<CountersResponse> {
  return requestJson('POST', `/api/v1/counters/${counter}/close`, call);
}

export function callNext(counter: number, call: Call): Promise<TicketActionResponse> {
  return requestJson('POST', `/api/v1/counters/${counter}/call-next`, call);
}

export function callTicket(number: string, counter: number, call: Call): Promise<TicketActionResponse> {
  return requestJson('POST', ticketPath(number, 'call'), { ...call, body: { counter } });
}

export function ticketAction(number: string, action: TicketAction, call: Call): Promise<TicketActionResponse> {
  return requestJson('POST', ticketPath(number, action), call);
}

export function transferTicket(number: string, serviceId: number, call: Call): Promise<TicketActionResponse> {
  return requestJson('POST', ticketPath(number, 'transfer'), { ...call, body: { serviceId } });
}

export function getQueue(serviceIds: readonly number[], call: Call): Promise<QueueResponse> {
  return requestJson('GET', hrefOf('/api/v1/queue', { serviceIds: serviceIds.join(',') }), call);
}

export function getDisplay(call: Call): Promise<DisplayResponse> {
  return requestJson('GET', '/api/v1/display', call);
}
