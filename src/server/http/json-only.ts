// The JSON API takes JSON bodies only. Fastify would parse text/plain too, and a route without a
// body schema would then run on it: text/plain is what another site can send without a preflight.
// The legacy mini-program API (form bodies, no cookies) lives outside /api/v1 and is not touched.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../services/app-error.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function isJsonMediaType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** A body that is not application/json on a /api/v1 write: 415 UNSUPPORTED_MEDIA_TYPE, nothing read. */
export function installJsonOnly(app: FastifyInstance): void {
  // A callback hook: reads (most requests) pass without the promise an async hook costs.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!WRITES.has(request.method) || !request.routeOptions.url?.startsWith('/api/v1/') || !hasBody(request)) return done();
    done(isJsonMediaType(request.headers['content-type']) ? undefined : new AppError('UNSUPPORTED_MEDIA_TYPE'));
  });
}
