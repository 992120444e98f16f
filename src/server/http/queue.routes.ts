// Counters (窗口) calling numbers, the queue overview and the display board's data.
import {
  CallTicketBody,
  CounterNumberParams,
  CountersResponse,
  DisplayResponse,
  PauseCounterBody,
  PutCounterBody,
  QueueQuery,
  QueueResponse,
  SetPriorityBody,
  TicketActionResponse,
  TicketNumberParams,
  TransferBody,
} from '../../contracts/queue.js';
import type { ServiceContext } from '../services/context.js';
import { saveCounter } from '../services/counter.service.js';
import { changeCounter } from '../services/counter-state.service.js';
import { countersView, displayView, queueView } from '../services/hall-view.service.js';
import { callNext, callTicketTo, ticketAction, transfer } from '../services/queue-commands.service.js';
import { setPriority } from '../services/priority.service.js';
import { requeueByStaff, undoNoShow } from '../services/ticket-return.service.js';
import { requireDeviceOrStaff, requireStaff, staffOf } from './auth.js';
import { hallOf } from './hall-scope.js';
import { errorResponses } from './errors.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

const ACTIONS = [
  ['recall', '重呼 recall: announce the called number again'],
  ['start', '开始办理 start serving the called number'],
  ['complete', '办结 complete'],
  ['no-show', '过号 the called person did not come'],
] as const;

export async function queueRoutes(app: App, ctx: ServiceContext): Promise<void> {
  const here = (request: Parameters<typeof hallOf>[1]) => hallOf(ctx, request);
  const staff = requireStaff(ctx, 'staff');
  const denied = errorResponses(401, 403, 404, 409);

  app.get(
    '/api/v1/counters',
    {
      onRequest: staff,
      schema: {
        tags: ['counter'],
        summary: 'Counters with their open ticket and served count',
        response: { 200: CountersResponse, ...denied },
      },
    },
    async (request) => ({
      counters: await countersView(await here(request), langOf(request)),
    }),
  );

  app.put(
    '/api/v1/counters/:number',
    {
      onRequest: staff,
      schema: { tags: ['counter'], summary: 'Set up a counter: its name and the services it serves', params: CounterNumberParams, body: PutCounterBody, response: { 200: CountersResponse, ...denied } },
    },
    async (request) => {
      const hall = await here(request);
      await saveCounter(hall, request.params.number, request.body);
      return { counters: await countersView(hall, langOf(request)) };
    },
  );

  app.post(
    '/api/v1/counters/:number/call-next',
    {
      onRequest: staff,
      schema: { tags: ['counter'], summary: '叫号: call the next waiting number of this counter’s services', params: CounterNumberParams, response: { 200: TicketActionResponse, ...denied } },
    },
    async (request) => callNext(await here(request), await staffOf(ctx, request), request.params.number, langOf(request)),
  );

  app.post(
    '/api/v1/counters/:number/pause',
    {
      onRequest: staff,
      schema: {
        tags: ['counter'],
        summary: '暂停服务: the counter calls nobody until resumed (reason: break 休息, meeting 会议, consulting 业务咨询, other + note)',
        params: CounterNumberParams,
        body: PauseCounterBody,
        response: { 200: CountersResponse, ...denied },
      },
    },
    async (request) =>
      changeCounter(await here(request), await staffOf(ctx, request), request.params.number, { kind: 'pause', pause: request.body }, langOf(request)),
  );

  for (const [kind, summary] of [
    ['resume', '恢复服务 / 开启窗口: the counter calls numbers again'],
    ['close', '关闭窗口: nobody staffs the counter (its open ticket must be ended first)'],
  ] as const) {
    app.post(
      `/api/v1/counters/:number/${kind}`,
      { onRequest: staff, schema: { tags: ['counter'], summary, params: CounterNumberParams, response: { 200: CountersResponse, ...denied } } },
      async (request) => changeCounter(await here(request), await staffOf(ctx, request), request.params.number, { kind }, langOf(request)),
    );
  }

  app.post(
    '/api/v1/tickets/:number/call',
    {
      onRequest: staff,
      schema: { tags: ['counter'], summary: 'Call a particular waiting number to a counter, out of order', params: TicketNumberParams, body: CallTicketBody, response: { 200: TicketActionResponse, ...denied } },
    },
    async (request) =>
      callTicketTo(await here(request), await staffOf(ctx, request), request.params.number, request.body.counter, langOf(request)),
  );

  for (const [action, summary] of ACTIONS) {
    app.post(
      `/api/v1/tickets/:number/${action}`,
      {
        onRequest: staff,
        schema: {
          tags: ['counter'],
          summary,
          params: TicketNumberParams,
          response: { 200: TicketActionResponse, ...denied },
        },
      },
      async (request) => ticketAction(await here(request), await staffOf(ctx, request), request.params.number, action, langOf(request)),
    );
  }

  app.post(
    '/api/v1/tickets/:number/transfer',
    {
      onRequest: staff,
      schema: { tags: ['counter'], summary: '转移: move the number to another service’s queue', params: TicketNumberParams, body: TransferBody, response: { 200: TicketActionResponse, ...denied } },
    },
    async (request) =>
      transfer(await here(request), (await staffOf(ctx, request)).username, request.params.number, request.body.serviceId, langOf(request)),
  );

  app.post(
    '/api/v1/tickets/:number/priority',
    {
      onRequest: staff,
      schema: {
        tags: ['counter'],
        summary: '优先: set the priority group of a number that waits or is at a counter (staff check 残疾人, 孕妇, 军人), or null to clear it; PRIORITY_GROUP_OFF for a group the hall does not honour',
        params: TicketNumberParams,
        body: SetPriorityBody,
        response: { 200: TicketActionResponse, ...denied, ...errorResponses(422) },
      },
    },
    async (request) => setPriority(await here(request), await staffOf(ctx, request), request.params.number, request.body.priority, langOf(request)),
  );

  app.post(
    '/api/v1/tickets/:number/undo-no-show',
    {
      onRequest: staff,
      schema: { tags: ['counter'], summary: '撤销过号: reopen a number passed within the last minute at its counter', params: TicketNumberParams, response: { 200: TicketActionResponse, ...denied } },
    },
    async (request) => undoNoShow(await here(request), (await staffOf(ctx, request)).username, request.params.number, langOf(request)),
  );

  app.post(
    '/api/v1/tickets/:number/requeue',
    {
      onRequest: staff,
      schema: { tags: ['counter'], summary: '过号重排: a passed number rejoins its queue behind REQUEUE_BEHIND waiting numbers (once)', params: TicketNumberParams, response: { 200: TicketActionResponse, ...denied } },
    },
    async (request) => requeueByStaff(await here(request), (await staffOf(ctx, request)).username, request.params.number, langOf(request)),
  );

  app.get(
    '/api/v1/queue',
    {
      onRequest: staff,
      schema: {
        tags: ['counter'],
        summary: 'Waiting lists in call order, counters, served counts and wait estimates',
        querystring: QueueQuery,
        response: { 200: QueueResponse, ...denied },
      },
    },
    async (request) =>
      queueView(await here(request), request.query.serviceIds ? request.query.serviceIds.split(',').map(Number) : null, langOf(request)),
  );

  app.get(
    '/api/v1/display',
    {
      onRequest: requireDeviceOrStaff(ctx, 'display'),
      schema: { tags: ['display'], summary: 'The display board: latest calls, waiting counts, the time', response: { 200: DisplayResponse, ...errorResponses(401, 403) } },
    },
    async (request) => displayView(await here(request), langOf(request)),
  );
}
