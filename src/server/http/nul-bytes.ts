// A NUL character is never part of a valid request: PostgreSQL cannot store it in text (the
// driver's error became a 500 there, while SQLite and MySQL took it), and no field we accept has
// a use for it. Refused up front with 400 on every store, in the path, the query and the body.
import { AppError } from '../services/app-error.js';
import type { App } from './types.js';

/** A refusal of malformed input that also carries its status, which the legacy API's handler reads. */
class NulCharacterError extends AppError {
  readonly statusCode = 400;
  constructor(where: string) {
    super('VALIDATION', { reason: `${where} contains a NUL character` });
  }
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

function urlHasNul(url: string): boolean {
  return url.includes('\u0000') || /%00/i.test(url);
}

// Callback hooks, not async ones: they run on every request, and an async hook costs a promise each.
export function refuseNulBytes(app: App): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(urlHasNul(request.url) ? new NulCharacterError('the address') : undefined);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    done(request.body !== undefined && hasNul(request.body) ? new NulCharacterError('a field') : undefined);
  });
}
