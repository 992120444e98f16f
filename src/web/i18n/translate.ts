// Pure look-up of a message in a language (no React), for logic modules and tests.
import type { Lang } from '../../contracts/errors.js';
import { en } from './en.js';
import { type MessageKey, zh } from './zh.js';

export type { Lang, MessageKey };
export type Params = Record<string, string | number>;

const DICTS = { zh, en } as const;

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return DICTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
