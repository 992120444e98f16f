// How a failed command is reported: a refusal the user can act on (bad input, a rule of the
// service) is one line in words and a non-zero exit; only a bug keeps its stack trace.
import { type Lang, errorMessage } from '../../contracts/errors.js';
import { AppError } from '../services/app-error.js';

/** The command was called wrongly: say how to call it (exit 2, like a bad configuration). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Chinese when the locale (LC_ALL, LC_MESSAGES, LANG, in that order) is Chinese; else English. */
export function cliLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function isUsageError(error: unknown): error is Error {
  // node:util parseArgs refuses unknown options and missing values with ERR_PARSE_ARGS_* codes.
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'));
}

export function describeFailure(error: unknown, lang: Lang): { message: string; exitCode: number } {
  if (error instanceof AppError) return { message: errorMessage(error.code, lang, error.details), exitCode: 1 };
  if (isUsageError(error)) return { message: error.message, exitCode: 2 };
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error), exitCode: 1 };
}
