// Words for an error in the current language: the shared messages of src/contracts/errors.ts
// for known codes (so a language switch re-words a banner), the server's own words otherwise.
import { ERROR_MESSAGES, type ErrorCode, type Lang, errorMessage } from '../../contracts/errors.js';
import { ApiError } from './client.js';

const CLIENT_MESSAGES: Record<string, Record<Lang, string>> = {
  NETWORK: { zh: '网络连接失败，请检查网络后重试', en: 'Could not reach the server; check the connection and try again' },
  BAD_RESPONSE: { zh: '服务器返回了无法识别的内容，请稍后再试', en: 'The server sent an unexpected answer; please try again later' },
};

export function isKnownCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_MESSAGES, code);
}

export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) {
    const client = CLIENT_MESSAGES[error.code];
    if (client) return client[lang];
    if (isKnownCode(error.code) && error.code !== 'VALIDATION') return errorMessage(error.code, lang, error.details);
    return error.message || errorMessage('INTERNAL', lang);
  }
  return CLIENT_MESSAGES.BAD_RESPONSE![lang];
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}
