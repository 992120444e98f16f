// While the server drains (SIGTERM: app.close() has begun), requests that still arrive on open
// connections are refused with the documented error body instead of Fastify's default one
// (`return503OnClosing` is off for that), and told to come back on a new connection.
import type { FastifyInstance } from 'fastify';
import { errorMessage } from '../../contracts/errors.js';
import { STATUS_OF } from './errors.js';
import { langOf } from './lang.js';

/** A restart takes a few seconds: long enough for a replacement worker or instance to listen. */
const RETRY_AFTER_SECONDS = 5;

export function refuseWhileDraining(app: FastifyInstance): void {
  let draining = false;
  // preClose runs once Fastify has marked itself closing and before it stops listening.
  app.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (!draining) return done();
    reply
      .status(STATUS_OF.SHUTTING_DOWN)
      .header('connection', 'close')
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({ code: 'SHUTTING_DOWN', message: errorMessage('SHUTTING_DOWN', langOf(request)) });
  });
}
