// The console's sections and their addresses: /admin?tab=calendar&month=2026-12. The server
// only knows /admin, so everything inside lives in the query (as the other front ends do).
import { hrefOf } from '../nav/router.js';

export const ADMIN_TABS = ['today', 'services', 'calendar', 'staff', 'reports', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export function tabOf(query: URLSearchParams): AdminTab {
  const tab = query.get('tab');
  return (ADMIN_TABS as readonly string[]).includes(tab ?? '') ? (tab as AdminTab) : 'today';
}

/** The address of a section, with its own query (today is the bare /admin). */
export function tabHref(tab: AdminTab, query: Record<string, string | number | undefined | null> = {}): string {
  return hrefOf('/admin', { tab: tab === 'today' ? undefined : tab, ...query });
}

/** Which service the services section shows: the list (null), a new one, or one by id. */
export function editingOf(query: URLSearchParams): null | 'new' | number {
  const raw = query.get('service');
  if (raw === 'new') return 'new';
  return raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}
