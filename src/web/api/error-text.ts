// Words for an error in the current language: the shared messages of src/contracts/errors.ts
// for known codes (so a language switch re-words a banner), the server's own words otherwise.
// The shared messages (every code in both languages) are a chunk of their own, asked for as the
// page starts and not waited for: a phone's first screen shows without them, and an error that
// comes before they do shows in the server's words (in the language it was asked in).
import type { ErrorCode, Lang } from '../../contracts/errors.js';
import { ApiError } from './client.js';

type SharedMessages = typeof import('../../contracts/errors.js');

const CLIENT_MESSAGES: Record<string, Record<Lang, string>> = {
  NETWORK: { zh: '网络连接失败，请检查网络后重试', en: 'Could not reach the server; check the connection and try again' },
  BAD_RESPONSE: { zh: '服务器返回了无法识别的内容，请稍后再试', en: 'The server sent an unexpected answer; please try again later' },
};

let shared: SharedMessages | null = null;
let loading: Promise<void> | null = null;

/** Fetches the shared messages once (again after a failure); resolves when they are here or could not be had. */
export function loadErrorMessages(): Promise<void> {
  loading ??= import('../../contracts/errors.js').then(
    (m) => {
      shared = m;
    },
    () => {
      loading = null;
    },
  );
  return loading;
}

loadErrorMessages();

function isKnownCode(messages: SharedMessages, code: string): code is ErrorCode {
  return Object.hasOwn(messages.ERROR_MESSAGES, code);
}

export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) {
    const client = CLIENT_MESSAGES[error.code];
    if (client) return client[lang];
    if (!shared) loadErrorMessages();
    else if (isKnownCode(shared, error.code) && error.code !== 'VALIDATION') return shared.errorMessage(error.code, lang, error.details);
    return error.message || (shared ? shared.errorMessage('INTERNAL', lang) : CLIENT_MESSAGES.BAD_RESPONSE![lang]);
  }
  return CLIENT_MESSAGES.BAD_RESPONSE![lang];
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}
