// The admin console's calls, typed by src/contracts/admin.ts, admin-halls.ts and auth.ts. All of
// them ride on the admin's HttpOnly session cookie. A hall's call takes a `Call` with the scope
// (which hall, or the city) and builds its address with it; the city's own calls (halls, the
// catalogue, the overview) take a `CityCall`.
import type {
  StaffReportResponse,
  AdminService,
  AuditEntry,
  CalendarDay,
  CalendarResponse,
  ReportResponse,
  ServiceInput,
  SetCalendarDayBody,
  StaffAccount,
  TodayResponse,
} from '../../contracts/admin.js';
import type { AdminHall, CatalogBody, CatalogEntry, CityOverviewResponse, CreateHallBody, UpdateHallBody } from '../../contracts/admin-halls.js';

export type { CatalogBody, CatalogEntry };
import type { CreateStaffBody, Device } from '../../contracts/auth.js';
import type { BackupStatusResponse } from '../../contracts/backup.js';
import type { CountersResponse } from '../../contracts/queue.js';
import type { PersonDataResponse, PersonForgetResponse, PersonQueryBody } from '../../contracts/person-data.js';
import type { Lang } from '../../contracts/errors.js';
import type { NotificationStatus, NotificationsResponse } from '../../contracts/notifications.js';
import type {
  WebhookCreateBody,
  WebhookDeliveriesResponse,
  WebhookEndpoint,
  WebhookEndpointsResponse,
  WebhookSecretResponse,
  WebhookUpdateBody,
} from '../../contracts/webhooks.js';
import type { Static } from 'typebox';
import { ApiError, errorFromResponse, requestJson } from '../api/client.js';
import { hrefOf } from '../nav/router.js';
import { type Scope, scopedHref } from './admin-scope.js';

export interface CityCall {
  lang: Lang;
  signal?: AbortSignal;
}

export interface Call extends CityCall {
  scope: Scope;
}

export type AuditRow = Static<typeof AuditEntry>;

export function getAdminServices(call: Call): Promise<{ services: AdminService[] }> {
  return requestJson('GET', scopedHref('/api/v1/admin/services', call.scope), call);
}

export function createService(body: ServiceInput, call: Call): Promise<AdminService> {
  return requestJson('POST', scopedHref('/api/v1/admin/services', call.scope), { ...call, body });
}

export function updateService(id: number, body: ServiceInput, call: Call): Promise<AdminService> {
  return requestJson('PUT', scopedHref(`/api/v1/admin/services/${id}`, call.scope), { ...call, body });
}

export function setServiceActive(id: number, active: boolean, call: Call): Promise<AdminService> {
  return requestJson('POST', scopedHref(`/api/v1/admin/services/${id}/${active ? 'activate' : 'deactivate'}`, call.scope), call);
}

export function getCalendar(from: string, to: string, call: Call): Promise<CalendarResponse> {
  return requestJson('GET', scopedHref('/api/v1/admin/calendar', call.scope, { from, to }), call);
}

export function setCalendarDay(date: string, body: SetCalendarDayBody, call: Call): Promise<{ day: CalendarDay; cancelledBookings: number }> {
  return requestJson('PUT', scopedHref(`/api/v1/admin/calendar/${date}`, call.scope), { ...call, body });
}

/** DELETE is not among the shared client's verbs; the same error handling, by hand. */
export async function removeCalendarDay(date: string, call: Call): Promise<{ ok: boolean }> {
  let response: Response;
  try {
    response = await fetch(scopedHref(`/api/v1/admin/calendar/${date}`, call.scope), {
      method: 'DELETE',
      headers: { accept: 'application/json', 'accept-language': call.lang },
      signal: call.signal ?? null,
      cache: 'no-store',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorFromResponse(response.status, body);
  return body as { ok: boolean };
}

export function importCalendar(text: string, confirm: boolean, call: Call): Promise<{ days: CalendarDay[]; cancelledBookings: number }> {
  return requestJson('POST', scopedHref('/api/v1/admin/calendar/import', call.scope), { ...call, body: { text, confirm } });
}

export function getStaff(call: Call): Promise<{ staff: StaffAccount[] }> {
  return requestJson('GET', scopedHref('/api/v1/admin/staff', call.scope), call);
}

export function createStaff(body: CreateStaffBody, call: Call): Promise<{ ok: boolean }> {
  return requestJson('POST', scopedHref('/api/v1/staff', call.scope), { ...call, body });
}

export function resetStaffPassword(id: number, call: Call): Promise<{ password: string }> {
  return requestJson('POST', scopedHref(`/api/v1/admin/staff/${id}/reset-password`, call.scope), call);
}

export function setStaffEnabled(id: number, enabled: boolean, call: Call): Promise<{ ok: boolean }> {
  return requestJson('POST', scopedHref(`/api/v1/admin/staff/${id}/${enabled ? 'enable' : 'disable'}`, call.scope), call);
}

export function getDevices(call: Call): Promise<{ devices: Device[] }> {
  return requestJson('GET', scopedHref('/api/v1/devices', call.scope), call);
}

/** A new device; an evaluator (评价器) names the counter it stands at. */
export function createDevice(
  kind: Device['kind'],
  name: string,
  counterNumber: number | null,
  call: Call,
): Promise<{ device: Device; token: string; pairPath: string }> {
  const body = kind === 'evaluator' && counterNumber !== null ? { kind, name, counterNumber } : { kind, name };
  return requestJson('POST', scopedHref('/api/v1/devices', call.scope), { ...call, body });
}

/** The hall's counters (the counter console's list), for choosing where a 评价器 stands. */
export function getCounters(call: Call): Promise<CountersResponse> {
  return requestJson('GET', scopedHref('/api/v1/counters', call.scope), call);
}

export function revokeDevice(id: number, call: Call): Promise<{ ok: boolean }> {
  return requestJson('POST', scopedHref(`/api/v1/devices/${id}/revoke`, call.scope), call);
}

/** What is kept about a person (masked): the ID card and phone in the body, never the URL. A hall admin's answer covers their hall, a city admin's every hall. */
export function lookupPerson(body: PersonQueryBody, call: CityCall): Promise<PersonDataResponse> {
  return requestJson('POST', '/api/v1/admin/persons/lookup', { ...call, body });
}

/** Erases a person's personal fields (refused with PERSON_HAS_ACTIVE_BOOKINGS while a booking is ahead). */
export function forgetPerson(body: PersonQueryBody, call: CityCall): Promise<PersonForgetResponse> {
  return requestJson('POST', '/api/v1/admin/persons/forget', { ...call, body });
}

/** The server's own backups (BACKUP_DIR): one answer for the whole server, whatever the scope. */
export function getBackupStatus(call: Call): Promise<BackupStatusResponse> {
  return requestJson('GET', '/api/v1/admin/backup', call);
}

export function getToday(call: Call): Promise<TodayResponse> {
  return requestJson('GET', scopedHref('/api/v1/admin/today', call.scope), call);
}

/** How a city-wide report lays out its halls: each hall on its own rows, or summed per service. */
export type ReportSpread = 'halls' | 'sum';

const reportHref = (path: string, from: string, to: string, scope: Scope, spread: ReportSpread) =>
  scopedHref(path, scope, { from, to, sum: scope.kind === 'city' && spread === 'sum' }, '*');

export function getReport(from: string, to: string, spread: ReportSpread, call: Call): Promise<ReportResponse> {
  return requestJson('GET', reportHref('/api/v1/reports/daily', from, to, call.scope, spread), call);
}

/** Who served whom and the counters' pauses, for one hall (a city admin's chosen hall). */
export function getStaffReport(from: string, to: string, call: Call): Promise<StaffReportResponse> {
  return requestJson('GET', scopedHref('/api/v1/reports/staff', call.scope, { from, to }), call);
}

export function staffReportCsvHref(from: string, to: string, scope: Scope): string {
  return scopedHref('/api/v1/reports/staff.csv', scope, { from, to });
}

/** The CSV of the same range and halls: a plain link, the session cookie goes with it. */
export function reportCsvHref(from: string, to: string, spread: ReportSpread, scope: Scope): string {
  return reportHref('/api/v1/reports/daily.csv', from, to, scope, spread);
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
}

/** The audit log takes no hall: the server reads a hall admin's hall's entries, a city admin's every hall's. */
export function getAudit(filter: AuditFilter, page: { before?: number; limit: number }, call: CityCall): Promise<{ entries: AuditRow[] }> {
  return requestJson('GET', hrefOf('/api/v1/audit', { ...filter, before: page.before, limit: page.limit }), call);
}

/** 短信记录 of the hall: counts by status and a page of messages, newest first (`before`: older than this id). */
export function getNotifications(query: { status?: NotificationStatus; before?: number; limit: number }, call: Call): Promise<NotificationsResponse> {
  return requestJson('GET', scopedHref('/api/v1/admin/notifications', call.scope, query), call);
}

export function resendNotification(id: number, call: Call): Promise<{ id: number; status: 'queued' }> {
  return requestJson('POST', scopedHref(`/api/v1/admin/notifications/${id}/resend`, call.scope), call);
}

/** Webhook endpoints of the hall (and, for a city admin, those of every hall); never their secrets. */
export function getWebhooks(call: Call): Promise<WebhookEndpointsResponse> {
  return requestJson('GET', scopedHref('/api/v1/admin/webhooks', call.scope), call);
}

export function createWebhook(body: WebhookCreateBody, call: Call): Promise<WebhookSecretResponse> {
  return requestJson('POST', scopedHref('/api/v1/admin/webhooks', call.scope), { ...call, body });
}

export function updateWebhook(id: number, body: WebhookUpdateBody, call: Call): Promise<WebhookEndpoint> {
  return requestJson('PUT', scopedHref(`/api/v1/admin/webhooks/${id}`, call.scope), { ...call, body });
}

export function rotateWebhookSecret(id: number, call: Call): Promise<WebhookSecretResponse> {
  return requestJson('POST', scopedHref(`/api/v1/admin/webhooks/${id}/rotate-secret`, call.scope), { ...call, body: {} });
}

export function testWebhook(id: number, call: Call): Promise<{ deliveryId: number }> {
  return requestJson('POST', scopedHref(`/api/v1/admin/webhooks/${id}/test`, call.scope), { ...call, body: {} });
}

export function getWebhookDeliveries(id: number, call: Call): Promise<WebhookDeliveriesResponse> {
  return requestJson('GET', scopedHref(`/api/v1/admin/webhooks/${id}/deliveries`, call.scope, { limit: 50 }), call);
}

export function getHalls(call: CityCall): Promise<{ halls: AdminHall[] }> {
  return requestJson('GET', '/api/v1/admin/halls', call);
}

export function createHall(body: CreateHallBody, call: CityCall): Promise<AdminHall> {
  return requestJson('POST', '/api/v1/admin/halls', { ...call, body });
}

export function updateHall(code: string, body: UpdateHallBody, call: CityCall): Promise<AdminHall> {
  return requestJson('PUT', `/api/v1/admin/halls/${encodeURIComponent(code)}`, { ...call, body });
}

export function getCityOverview(call: CityCall): Promise<CityOverviewResponse> {
  return requestJson('GET', '/api/v1/admin/city', call);
}

export function getCatalog(call: CityCall): Promise<{ entries: CatalogEntry[] }> {
  return requestJson('GET', '/api/v1/admin/catalog', call);
}

export function saveCatalogEntry(letter: string, body: CatalogBody, call: CityCall): Promise<CatalogEntry> {
  return requestJson('PUT', `/api/v1/admin/catalog/${letter}`, { ...call, body });
}
