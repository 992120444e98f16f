// Pure look-up of a message in a language (no React), for logic modules and tests.
import type { Lang } from '../../contracts/errors.js';
import { en } from './en.js';
import { type MessageKey, zh } from './zh.js';

export type { Lang, MessageKey };
export type Params = Record<string, string | number>;

type Dict = Partial<Record<MessageKey, string>>;

/** The texts every front end has; a front end adds its own (admin-messages.ts) before it renders. */
const DICTS: Record<Lang, Dict> = { zh: { ...zh }, en: { ...en } };

export function addMessages(more: Record<Lang, Dict>): void {
  Object.assign(DICTS.zh, more.zh);
  Object.assign(DICTS.en, more.en);
}

/** A key whose texts were not added shows as the key itself (a visible mistake, not a blank screen). */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return (DICTS[lang][key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
