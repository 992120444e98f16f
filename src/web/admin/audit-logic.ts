// The audit log in words: what each action is called, a one-line summary of its details (for a
// service change: which settings changed, slot by slot), the filter as a query, and paging by
// id. Pure: words come from translate().
import type { Lang } from '../../contracts/errors.js';
import { localName } from '../i18n/local-name.js';
// The console's texts are not in every front end's dictionaries: this module needs them added.
import '../i18n/admin-messages.js';
import { type MessageKey, translate } from '../i18n/translate.js';
import { kindName } from './messages-logic.js';

export interface AuditLine {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  /** Names the server looked up for ids in the entry: target (a device), from / to (services). */
  names?: Record<string, string>;
}

export const AUDIT_PAGE = 50;

/** The filter's choices: every action of a kind (the server matches the start of the action). */
export const ACTION_GROUPS = ['service.', 'calendar.', 'staff.', 'device.', 'ticket.'] as const;

const ACTION_KEYS: Record<string, MessageKey> = {
  'service.create': 'admin.audit.a.serviceCreate',
  'service.update': 'admin.audit.a.serviceUpdate',
  'service.activate': 'admin.audit.a.serviceActivate',
  'service.deactivate': 'admin.audit.a.serviceDeactivate',
  'calendar.closed': 'admin.audit.a.calendarClosed',
  'calendar.open': 'admin.audit.a.calendarOpen',
  'calendar.remove': 'admin.audit.a.calendarRemove',
  'calendar.cancel_bookings': 'admin.audit.a.calendarCancel',
  'staff.create': 'admin.audit.a.staffCreate',
  'staff.reset_password': 'admin.audit.a.staffReset',
  'staff.enable': 'admin.audit.a.staffEnable',
  'staff.disable': 'admin.audit.a.staffDisable',
  'device.create': 'admin.audit.a.deviceCreate',
  'device.revoke': 'admin.audit.a.deviceRevoke',
  'ticket.call_out_of_order': 'admin.audit.a.ticketOutOfOrder',
  'ticket.transfer': 'admin.audit.a.ticketTransfer',
  'notification.resend': 'admin.audit.a.notificationResend',
};

/** The action's name in the language; an action this screen does not know keeps its code. */
export function actionName(action: string, lang: Lang): string {
  const key = ACTION_KEYS[action];
  return key ? translate(lang, key) : action;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Slot = { start: string; end: string; capacity: number };

function slotChanges(before: unknown, after: unknown): string[] {
  const list = (v: unknown): Slot[] => (Array.isArray(v) ? v.filter((s): s is Slot => isRecord(s) && typeof s.start === 'string') : []);
  const old = new Map(list(before).map((s) => [s.start, s]));
  const now = new Map(list(after).map((s) => [s.start, s]));
  const out: string[] = [];
  for (const [start, s] of now) {
    const o = old.get(start);
    if (!o) out.push(`+${start}(${s.capacity})`);
    else if (o.capacity !== s.capacity) out.push(`${start} ${o.capacity}→${s.capacity}`);
    else if (o.end !== s.end) out.push(`${start}–${s.end}`);
  }
  for (const start of old.keys()) if (!now.has(start)) out.push(`−${start}`);
  return out.sort((a, b) => a.replace(/^\D/, '').localeCompare(b.replace(/^\D/, '')));
}

const SERVICE_FIELDS: [string, MessageKey][] = [
  ['letter', 'admin.svc.letter'],
  ['nameZh', 'admin.svc.nameZh'],
  ['nameEn', 'admin.svc.nameEn'],
  ['queueOrder', 'admin.svc.queueOrder'],
  ['sortOrder', 'admin.svc.sortOrder'],
];

const SCHEDULE_FIELDS: [string, MessageKey][] = [
  ['openingHours', 'admin.svc.hours'],
  ['openWeekdays', 'admin.svc.weekdays'],
  ['walkInQuota', 'admin.svc.walkInQuota'],
  ['bookingWindowDays', 'admin.svc.bookingWindowDays'],
  ['checkInBeforeMinutes', 'admin.svc.checkInBeforeMinutes'],
  ['defaultServiceMinutes', 'admin.svc.defaultServiceMinutes'],
  ['maxWaitMinutes', 'admin.svc.maxWaitMinutes'],
];

/** What a service.update changed, each part in words: 'slots 10:00 10→0; walk-in quota'. */
export function serviceChanges(before: unknown, after: unknown, lang: Lang): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const out: string[] = [];
  for (const [key, label] of SERVICE_FIELDS) if (key in after && !same(before[key], after[key])) out.push(translate(lang, label));
  const sb = isRecord(before.schedule) ? before.schedule : {};
  const sa = isRecord(after.schedule) ? after.schedule : {};
  const slots = slotChanges(sb.slots, sa.slots);
  if (slots.length > 0) out.push(`${translate(lang, 'admin.svc.slots')} ${slots.join(', ')}`);
  for (const [key, label] of SCHEDULE_FIELDS) {
    if (same(sb[key], sa[key])) continue;
    const simple = typeof sb[key] === 'number' || typeof sa[key] === 'number';
    out.push(simple ? `${translate(lang, label)} ${sb[key] ?? '—'}→${sa[key] ?? '—'}` : translate(lang, label));
  }
  return out;
}

/** One line about the entry's details, in the language ('' when there is nothing to add). */
export function auditSummary(entry: AuditLine, lang: Lang): string {
  const d = entry.details;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  switch (entry.action) {
    case 'service.create':
      return str(localName({ nameZh: d.nameZh, nameEn: d.nameEn }, lang));
    case 'service.update': {
      const changes = serviceChanges(d.before, d.after, lang);
      return changes.length > 0 ? changes.join('; ') : translate(lang, 'admin.audit.noChange');
    }
    case 'calendar.closed':
    case 'calendar.open':
      return str(d.note);
    case 'calendar.cancel_bookings':
      return translate(lang, 'admin.audit.cancelled', { n: str(d.cancelled) });
    case 'staff.create':
      return d.role === 'city_admin' || d.role === 'admin' || d.role === 'staff' ? translate(lang, `admin.role.${d.role}`) : '';
    case 'device.create':
      return str(d.name);
    case 'ticket.call_out_of_order':
      return translate(lang, 'admin.audit.counter', { n: str(d.counter) });
    case 'ticket.transfer': {
      // Services by name ('Y 医社保办理'); a service since removed keeps its id.
      const named = (key: 'from' | 'to') => entry.names?.[key] ?? `#${str(d[key])}`;
      return translate(lang, 'admin.audit.transfer', { from: named('from'), to: named('to') });
    }
    case 'notification.resend':
      // The kind in words, and why it had failed.
      return [typeof d.kind === 'string' ? kindName(d.kind, lang) : '', str(d.error)].filter(Boolean).join(' · ');
    default: {
      const text = Object.keys(d).length > 0 ? JSON.stringify(d) : '';
      return text.length > 140 ? `${text.slice(0, 139)}…` : text;
    }
  }
}

/** What the entry is about: a device by its name ('东门取号机 · kiosk #3'), anything else as recorded. */
export function auditTarget(entry: Pick<AuditLine, 'target' | 'names'>): string {
  const name = entry.names?.target;
  return name ? `${name} · ${entry.target}` : entry.target;
}

export interface AuditFilterDraft {
  from: string;
  to: string;
  actor: string;
  action: string;
}

export const NO_FILTER: AuditFilterDraft = { from: '', to: '', actor: '', action: '' };

/** The filter as the API takes it: empty fields left out, text trimmed. */
export function auditQuery(filter: AuditFilterDraft): { from?: string; to?: string; actor?: string; action?: string } {
  const out: Record<string, string> = {};
  for (const key of ['from', 'to', 'actor', 'action'] as const) {
    const v = filter[key].trim();
    if (v) out[key] = v;
  }
  return out;
}

/** The `before` cursor for the next page, or null when the last page was not full. */
export function nextCursor(page: readonly Pick<AuditLine, 'id'>[], size = AUDIT_PAGE): number | null {
  if (page.length < size) return null;
  return Math.min(...page.map((e) => e.id));
}

/** Appends a page, dropping any entry already shown (newest first throughout). */
export function appendPage<T extends Pick<AuditLine, 'id'>>(shown: readonly T[], page: readonly T[]): T[] {
  const ids = new Set(shown.map((e) => e.id));
  return [...shown, ...page.filter((e) => !ids.has(e.id))];
}
