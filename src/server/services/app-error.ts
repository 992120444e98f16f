import type { ErrorCode } from '../../contracts/errors.js';

/**
 * A refusal the user can act on. The HTTP layer turns the code into a status and a message. It is
 * an answer, not a fault: no stack trace is captured (a flash crowd's thousands of 该时段已约满 each
 * paid for one), and its code and details say where it came from.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = limit;
    this.name = 'AppError';
  }
}
