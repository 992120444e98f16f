// The console's sections and their addresses: /admin?tab=calendar&month=2026-12. The server
// only knows /admin, so everything inside lives in the query (as the other front ends do).
// Each section says who sees it and how it relates to halls: one hall (the header's switcher
// chooses it for a city admin), one hall or the whole city, or no hall at all (the city's own).
import { hrefOf } from '../nav/router.js';

export const ADMIN_TABS = ['today', 'services', 'calendar', 'staff', 'reports', 'messages', 'webhooks', 'noShow', 'ratings', 'audit', 'persons', 'city', 'halls', 'catalog'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export type AdminRole = 'city_admin' | 'admin';

interface TabInfo {
  /** Only city admins see it. */
  cityOnly: boolean;
  /** 'hall': one hall; 'hall-or-city': one hall or the city as a whole; 'none': no hall to choose. */
  halls: 'hall' | 'hall-or-city' | 'none';
  /** Where the navigation lists it: with the hall's sections, or the city's own. */
  group: 'hall' | 'city';
}

const TAB_INFO: Record<AdminTab, TabInfo> = {
  today: { cityOnly: false, halls: 'hall', group: 'hall' },
  services: { cityOnly: false, halls: 'hall', group: 'hall' },
  calendar: { cityOnly: false, halls: 'hall-or-city', group: 'hall' },
  staff: { cityOnly: false, halls: 'hall', group: 'hall' },
  reports: { cityOnly: false, halls: 'hall-or-city', group: 'hall' },
  // 短信记录: one hall's text messages (the server reads them by hall).
  messages: { cityOnly: false, halls: 'hall', group: 'hall' },
  // Webhook 推送: one hall's endpoints (a city admin also sees and adds those for every hall).
  webhooks: { cityOnly: false, halls: 'hall', group: 'hall' },
  // 爽约管理: one hall's rule and blocked people (a block is per hall).
  noShow: { cityOnly: false, halls: 'hall', group: 'hall' },
  // 好差评: one hall's cases and figures (a city admin also sees every hall's figures side by side).
  ratings: { cityOnly: false, halls: 'hall', group: 'hall' },
  // The log takes no hall: a hall admin reads their hall's entries, a city admin every hall's.
  audit: { cityOnly: false, halls: 'none', group: 'hall' },
  // 个人信息: a person's data on request; a hall admin reaches their hall's bookings, a city admin every hall's.
  persons: { cityOnly: false, halls: 'none', group: 'hall' },
  city: { cityOnly: true, halls: 'none', group: 'city' },
  halls: { cityOnly: true, halls: 'none', group: 'city' },
  catalog: { cityOnly: false, halls: 'none', group: 'city' },
};

/** The sections a role sees, in the navigation's order. */
export function tabsFor(role: AdminRole): AdminTab[] {
  return ADMIN_TABS.filter((tab) => role === 'city_admin' || !TAB_INFO[tab].cityOnly);
}

/** Whether a section works in one hall (and so shows which, with a switcher for city admins). */
export const isHallTab = (tab: AdminTab): boolean => TAB_INFO[tab].halls !== 'none';

/** Whether the navigation lists a section among the city's own (overview, halls, catalogue). */
export const isCityGroup = (tab: AdminTab): boolean => TAB_INFO[tab].group === 'city';

/** Whether a section also has a city level (the city calendar, every hall's reports). */
export const hasCityLevel = (tab: AdminTab): boolean => TAB_INFO[tab].halls === 'hall-or-city';

/**
 * Whether a section works at the city level when the city has one hall: the calendar, since a
 * one-hall deployment's closed days are the city calendar's (the hall's own exceptions are empty).
 */
export const cityWhenAlone = (tab: AdminTab): boolean => tab === 'calendar';

/** The open section; today when the address names none, or one this role does not see. */
export function tabOf(query: URLSearchParams, role: AdminRole = 'city_admin'): AdminTab {
  const tab = query.get('tab');
  return (tabsFor(role) as string[]).includes(tab ?? '') ? (tab as AdminTab) : 'today';
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

/** Which hall the halls section edits: the list (null), a new one, or one by code. */
export function hallEditingOf(query: URLSearchParams): null | 'new' | string {
  const raw = query.get('edit');
  if (raw === 'new') return 'new';
  return raw && /^[A-Z][A-Z0-9]{1,7}$/.test(raw) ? raw : null;
}
