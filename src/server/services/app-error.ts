import type { ErrorCode } from '../../contracts/errors.js';

/** A refusal the user can act on. The HTTP layer turns the code into a status and a message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}
