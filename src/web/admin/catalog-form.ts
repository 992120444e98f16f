// 服务目录's form: one catalogue service's names, what to bring and order, checked as the server
// checks them; the letters still free for a new one. Pure.
import type { CatalogBody, CatalogEntry } from './admin-endpoints.js';
import { LETTERS } from './service-form.js';

export interface CatalogDraft {
  letter: string;
  nameZh: string;
  nameEn: string;
  bringZh: string;
  bringEn: string;
  sortOrder: string;
}

export type CatalogProblems = Partial<Record<keyof CatalogDraft, 'EMPTY' | 'TOO_LONG' | 'RANGE'>>;

export function catalogDraftOf(entry: CatalogEntry | null, free: readonly string[]): CatalogDraft {
  if (!entry) return { letter: free[0] ?? '', nameZh: '', nameEn: '', bringZh: '', bringEn: '', sortOrder: '' };
  return { ...entry, sortOrder: String(entry.sortOrder) };
}

/** Letters no catalogue service has yet. */
export function freeCatalogLetters(entries: readonly Pick<CatalogEntry, 'letter'>[]): string[] {
  const taken = new Set(entries.map((e) => e.letter));
  return LETTERS.filter((l) => !taken.has(l));
}

export function catalogProblems(draft: CatalogDraft): CatalogProblems {
  const problems: CatalogProblems = {};
  if (!/^[A-Z]$/.test(draft.letter)) problems.letter = 'EMPTY';
  for (const key of ['nameZh', 'nameEn'] as const) {
    if (!draft[key].trim()) problems[key] = 'EMPTY';
    else if (draft[key].trim().length > 100) problems[key] = 'TOO_LONG';
  }
  for (const key of ['bringZh', 'bringEn'] as const) if (draft[key].trim().length > 1000) problems[key] = 'TOO_LONG';
  const order = draft.sortOrder.trim();
  if (order && !(/^\d{1,6}$/.test(order) && Number(order) <= 100000)) problems.sortOrder = 'RANGE';
  return problems;
}

export function catalogBody(draft: CatalogDraft): CatalogBody {
  const order = draft.sortOrder.trim();
  return {
    nameZh: draft.nameZh.trim(),
    nameEn: draft.nameEn.trim(),
    bringZh: draft.bringZh.trim(),
    bringEn: draft.bringEn.trim(),
    ...(order ? { sortOrder: Number(order) } : {}),
  };
}
