// Pure look-up of a message in a language (no React), for logic modules and tests.
import type { Lang } from '../../contracts/errors.js';
import { type MessageKey, zh } from './zh.js';

export type { Lang, MessageKey };
export type Params = Record<string, string | number>;

type Dict = Partial<Record<MessageKey, string>>;

/**
 * The texts every front end has in Chinese; English comes when asked for (english.ts, loadLang),
 * and a front end adds its own (admin-messages.ts) before it renders.
 */
const DICTS: Record<Lang, Dict> = { zh: { ...zh }, en: {} };

/** Whether a language's common texts are here (Chinese always is). */
const LOADED: Record<Lang, boolean> = { zh: true, en: false };

export function addMessages(more: Partial<Record<Lang, Dict>>): void {
  Object.assign(DICTS.zh, more.zh);
  Object.assign(DICTS.en, more.en);
  // english.ts brings the common English texts (app.name is one of them); admin-messages.ts alone does not.
  if (more.en && 'app.name' in more.en) LOADED.en = true;
}

export function langLoaded(lang: Lang): boolean {
  return LOADED[lang];
}

/** Fetches a language's common texts (English is a chunk of its own); resolves once they are added. */
export function loadLang(lang: Lang): Promise<void> {
  return LOADED[lang] ? Promise.resolve() : import('./english.js').then(() => undefined);
}

/** A key whose texts were not added shows as the key itself (a visible mistake, not a blank screen). */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return (DICTS[lang][key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
