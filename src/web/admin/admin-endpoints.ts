// The admin console's calls, typed by src/contracts/admin.ts and auth.ts. All of them ride on
// the admin's HttpOnly session cookie.
import type {
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
import type { CreateStaffBody, Device } from '../../contracts/auth.js';
import type { Lang } from '../../contracts/errors.js';
import type { Static } from 'typebox';
import { ApiError, errorFromResponse, requestJson } from '../api/client.js';
import { hrefOf } from '../nav/router.js';

export interface Call {
  lang: Lang;
  signal?: AbortSignal;
}

export type AuditRow = Static<typeof AuditEntry>;

export function getAdminServices(call: Call): Promise<{ services: AdminService[] }> {
  return requestJson('GET', '/api/v1/admin/services', call);
}

export function createService(body: ServiceInput, call: Call): Promise<AdminService> {
  return requestJson('POST', '/api/v1/admin/services', { ...call, body });
}

export function updateService(id: number, body: ServiceInput, call: Call): Promise<AdminService> {
  return requestJson('PUT', `/api/v1/admin/services/${id}`, { ...call, body });
}

export function setServiceActive(id: number, active: boolean, call: Call): Promise<AdminService> {
  return requestJson('POST', `/api/v1/admin/services/${id}/${active ? 'activate' : 'deactivate'}`, call);
}

export function getCalendar(from: string, to: string, call: Call): Promise<CalendarResponse> {
  return requestJson('GET', hrefOf('/api/v1/admin/calendar', { from, to }), call);
}

export function setCalendarDay(date: string, body: SetCalendarDayBody, call: Call): Promise<{ day: CalendarDay; cancelledBookings: number }> {
  return requestJson('PUT', `/api/v1/admin/calendar/${date}`, { ...call, body });
}

/** DELETE is not among the shared client's verbs; the same error handling, by hand. */
export async function removeCalendarDay(date: string, call: Call): Promise<{ ok: boolean }> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/admin/calendar/${date}`, {
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
  return requestJson('POST', '/api/v1/admin/calendar/import', { ...call, body: { text, confirm } });
}

export function getStaff(call: Call): Promise<{ staff: StaffAccount[] }> {
  return requestJson('GET', '/api/v1/admin/staff', call);
}

export function createStaff(body: CreateStaffBody, call: Call): Promise<{ ok: boolean }> {
  return requestJson('POST', '/api/v1/staff', { ...call, body });
}

export function resetStaffPassword(id: number, call: Call): Promise<{ password: string }> {
  return requestJson('POST', `/api/v1/admin/staff/${id}/reset-password`, call);
}

export function setStaffEnabled(id: number, enabled: boolean, call: Call): Promise<{ ok: boolean }> {
  return requestJson('POST', `/api/v1/admin/staff/${id}/${enabled ? 'enable' : 'disable'}`, call);
}

export function getDevices(call: Call): Promise<{ devices: Device[] }> {
  return requestJson('GET', '/api/v1/devices', call);
}

export function createDevice(kind: Device['kind'], name: string, call: Call): Promise<{ device: Device; token: string; pairPath: string }> {
  return requestJson('POST', '/api/v1/devices', { ...call, body: { kind, name } });
}

export function revokeDevice(id: number, call: Call): Promise<{ ok: boolean }> {
  return requestJson('POST', `/api/v1/devices/${id}/revoke`, call);
}

export function getToday(call: Call): Promise<TodayResponse> {
  return requestJson('GET', '/api/v1/admin/today', call);
}

export function getReport(from: string, to: string, call: Call): Promise<ReportResponse> {
  return requestJson('GET', hrefOf('/api/v1/reports/daily', { from, to }), call);
}

/** The CSV of the same range: a plain link, the session cookie goes with it. */
export function reportCsvHref(from: string, to: string): string {
  return hrefOf('/api/v1/reports/daily.csv', { from, to });
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
}

export function getAudit(filter: AuditFilter, page: { before?: number; limit: number }, call: Call): Promise<{ entries: AuditRow[] }> {
  return requestJson('GET', hrefOf('/api/v1/audit', { ...filter, before: page.before, limit: page.limit }), call);
}
