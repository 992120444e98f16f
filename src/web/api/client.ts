// Typed JSON over fetch. Every refusal becomes an ApiError carrying the server's stable code,
// so screens decide by code and show words in the current language.
import type { ErrorBody } from '../../contracts/common.js';
import type { Lang } from '../../contracts/errors.js';

/** Codes the client adds to the server's: the request never got an answer, or not a JSON one. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  lang: Lang;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string';
}

/** The ApiError for a non-2xx answer (exported for tests). */
export function errorFromResponse(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.code, body.message, body.details ?? {});
  return new ApiError(status, 'BAD_RESPONSE', `HTTP ${status}`);
}

export async function requestJson<T>(method: 'GET' | 'POST' | 'PUT', path: string, opts: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': opts.lang, ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      signal: opts.signal ?? null,
      cache: 'no-store',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message);
  }
  return readJson<T>(response);
}

/** The JSON of an answer, or the ApiError for it (a refusal, or not JSON). */
export async function readJson<T>(response: Response): Promise<T> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    if (response.ok) throw new ApiError(response.status, 'BAD_RESPONSE', 'not JSON');
  }
  if (!response.ok) throw errorFromResponse(response.status, body);
  return body as T;
}

export function isAbort(error: unknown): boolean {
  return (error as Error)?.name === 'AbortError';
}
