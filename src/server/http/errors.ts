// Stable error codes -> HTTP status, and the one error handler that shapes every error body.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, errorMessage } from '../../contracts/errors.js';
import { isStoreUnavailable } from '../repositories/portable.js';
import { AppError } from '../services/app-error.js';
import { langOf } from './lang.js';

export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  INVALID_ID_CARD: 400,
  INVALID_PHONE: 400,
  SERVICE_NOT_FOUND: 404,
  SLOT_NOT_BOOKABLE: 422,
  SLOT_FULL: 409,
  DUPLICATE_BOOKING: 409,
  BOOKING_LIMIT: 409,
  BOOKING_BLOCKED: 403,
  NOT_CANCELLABLE: 409,
  NOT_RESENDABLE: 409,
  VERIFY_OFF: 404,
  VERIFY_TOO_MANY: 429,
  VERIFY_CODE_REQUIRED: 422,
  VERIFY_CODE_WRONG: 422,
  VERIFY_CODE_EXPIRED: 422,
  VERIFY_CODE_USED: 422,
  VERIFY_CODE_TRIES: 422,
  ALREADY_STARTED: 409,
  NOT_RESCHEDULABLE: 409,
  RESCHEDULE_TOO_LATE: 409,
  RESCHEDULE_LIMIT: 409,
  RESCHEDULE_SAME_SLOT: 422,
  NO_BOOKING: 404,
  BOOKING_OTHER_HALL: 404,
  HALL_NOT_FOUND: 404,
  HALL_CODE_TAKEN: 409,
  NOT_IN_CATALOG: 422,
  BOOKING_SERVED: 409,
  TOO_EARLY: 422,
  BOOKING_EXPIRED: 422,
  HALL_CLOSED: 422,
  WALK_IN_FULL: 409,
  IDEMPOTENCY_MISMATCH: 422,
  WAITLIST_NOT_FULL: 409,
  WAITLIST_LIMIT: 409,
  WAITLIST_DUPLICATE: 409,
  WAITLIST_CLOSED: 422,
  WAITLIST_ENDED: 409,
  OFFER_GONE: 409,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  WEAK_PASSWORD: 400,
  USERNAME_TAKEN: 409,
  COUNTER_NOT_FOUND: 404,
  COUNTER_BUSY: 409,
  QUEUE_EMPTY: 404,
  COUNTER_PAUSED: 409,
  COUNTER_CLOSED: 409,
  COUNTER_STATE: 409,
  TICKET_NOT_FOUND: 404,
  TICKET_STATE: 409,
  PRIORITY_GROUP_OFF: 422,
  AGENT_LIMIT: 409,
  ALREADY_RATED: 409,
  RATING_NOT_FINISHED: 409,
  RATING_WINDOW_OVER: 409,
  CASE_NOT_FOUND: 404,
  CASE_STATE: 409,
  SERVICE_LETTER_TAKEN: 409,
  SCHEDULE_INVALID: 400,
  CAPACITY_BELOW_BOOKED: 409,
  SLOT_HAS_BOOKINGS: 409,
  QUOTA_BELOW_ISSUED: 409,
  CONFIRMATION_REQUIRED: 409,
  PERSON_HAS_ACTIVE_BOOKINGS: 409,
  RATE_LIMITED: 429,
  CROSS_ORIGIN: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TICKET_PASSED: 409,
  STORE_UNAVAILABLE: 503,
  SHUTTING_DOWN: 503,
  INTERNAL: 500,
};

/** Responses documented for a route that can refuse with these codes. */
export function errorResponses(...statuses: number[]): Record<number, { $ref: string }> {
  return Object.fromEntries([400, ...statuses].map((s) => [s, { $ref: 'ErrorBody#' }]));
}

function validationReason(error: FastifyError): {
  reason: string;
  field?: string;
} {
  const first = error.validation?.[0];
  if (!first) return { reason: error.message };
  const path = `${error.validationContext ?? ''}${first.instancePath}`.replace(/^body\/?/, '');
  const extra = (first.params as { additionalProperty?: string }).additionalProperty;
  if (extra) return { reason: `unknown field "${extra}"`, field: extra };
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  if (missing) return { reason: `"${missing}" is required`, field: missing };
  const field = path.split('/').filter(Boolean).join('.') || undefined;
  return { reason: `${field ?? 'value'} ${first.message ?? 'is not valid'}`, ...(field ? { field } : {}) };
}

/** How long a client should wait before trying again while the database cannot be reached. */
export const STORE_RETRY_AFTER_SECONDS = 1;

/**
 * The database is down or dropped the connection (see isStoreUnavailable): not a bug, not the
 * client's fault. Sets the status and Retry-After and logs it; true when it did.
 */
export function answeredStoreUnavailable(error: unknown, request: FastifyRequest, reply: FastifyReply): boolean {
  if (!isStoreUnavailable(error)) return false;
  request.log.warn({ err: error }, 'store unavailable; answered 503');
  reply.status(503).header('retry-after', String(STORE_RETRY_AFTER_SECONDS));
  return true;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const lang = langOf(request);
    if (error instanceof AppError) {
      return reply
        .status(STATUS_OF[error.code])
        .send({ code: error.code, message: errorMessage(error.code, lang, error.details), details: error.details });
    }
    if (error.validation) {
      const details = validationReason(error);
      return reply.status(400).send({ code: 'VALIDATION', message: errorMessage('VALIDATION', lang, details), details });
    }
    if (answeredStoreUnavailable(error, request, reply)) {
      return reply.send({ code: 'STORE_UNAVAILABLE', message: errorMessage('STORE_UNAVAILABLE', lang) });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: bad JSON, wrong content type, body too large, …
      const code: ErrorCode = status === 429 ? 'RATE_LIMITED' : status === 404 ? 'NOT_FOUND' : 'VALIDATION';
      const details = { reason: error.message };
      return reply.status(status).send({ code, message: errorMessage(code, lang, details), details });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: errorMessage('INTERNAL', lang) });
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = langOf(request);
    reply.status(404).send({ code: 'NOT_FOUND', message: errorMessage('NOT_FOUND', lang) });
  });
}
