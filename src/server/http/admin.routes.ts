// The admin console's API: services and schedules, the hall calendar, staff accounts, today's
// figures, reports with CSV export, and the audit log. Admins only.
import { Type } from 'typebox';
import {
  AdminService,
  AdminServicesResponse,
  AuditQuery,
  AuditResponse,
  CalendarQuery,
  CalendarResponse,
  ImportCalendarBody,
  ImportCalendarResponse,
  ReportQuery,
  ReportResponse,
  StaffReportQuery,
  StaffReportResponse,
  ServiceInput,
  SetCalendarDayBody,
  SetCalendarDayResponse,
  StaffAccount,
  TodayResponse,
} from '../../contracts/admin.js';
import { DateString, Id } from '../../contracts/common.js';
import { addDays, hallDayStart } from '../../domain/schedule.js';
import { auditLog } from '../services/audit.service.js';
import { importCalendar, listCalendarDays, removeCalendarDay, setCalendarDay } from '../services/calendar.service.js';
import type { ServiceContext } from '../services/context.js';
import { type ReportScope, report, reportCsv, today } from '../services/report.service.js';
import { staffReport, staffReportCsv } from '../services/staff-report.service.js';
import { AppError } from '../services/app-error.js';
import { createService, listAdminServices, setServiceActivity, updateServiceSettings } from '../services/service-admin.service.js';
import { listStaffAccounts, resetStaffPassword, setStaffActivity } from '../services/staff-admin.service.js';
import { requireStaff, staffOf } from './auth.js';
import { hallOf, isCityAdmin } from './hall-scope.js';
import { errorResponses } from './errors.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
const DateParams = Type.Object({ date: DateString }, { additionalProperties: false });
const Ok = Type.Object({ ok: Type.Boolean() });

export async function adminRoutes(app: App, ctx: ServiceContext): Promise<void> {
  const admin = requireStaff(ctx, 'admin');
  const refused = errorResponses(401, 403, 404, 409);
  const actor = async (request: Parameters<typeof staffOf>[1]) => (await staffOf(ctx, request)).username;
  const here = (request: Parameters<typeof hallOf>[1]) => hallOf(ctx, request);
  const city = (request: Parameters<typeof isCityAdmin>[1]) => isCityAdmin(ctx, request);
  /**
   * Whose calendar: a hall admin's is their hall's own exceptions; a city admin's is the city
   * calendar every hall inherits, or with ?hall=CODE that hall's own exceptions.
   */
  const calendarOf = async (request: Parameters<typeof hallOf>[1]) =>
    (await city(request)) && !(request.query as { hall?: string }).hall ? null : (await here(request)).hall;
  /** A report covers one hall, or with ?hall=* (city admins) every hall, each on its rows or summed (&sum=true). */
  const reportScope = async (request: Parameters<typeof hallOf>[1]): Promise<ReportScope> => {
    const q = request.query as { hall?: string; sum?: boolean };
    if (q.hall === '*') {
      if (!(await city(request))) throw new AppError('HALL_NOT_FOUND', { hall: '*' });
      return { halls: await ctx.halls.all(), sum: q.sum === true };
    }
    return { hall: (await here(request)).hall };
  };

  app.get(
    '/api/v1/admin/services',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'All services with their full settings',
        response: { 200: AdminServicesResponse, ...refused },
      },
    },
    async (request) => ({
      services: await listAdminServices(await here(request)),
    }),
  );

  app.post(
    '/api/v1/admin/services',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Add a service',
        body: ServiceInput,
        response: { 201: AdminService, ...refused },
      },
    },
    async (request, reply) => reply.status(201).send(await createService(await here(request), await actor(request), request.body, await city(request))),
  );

  app.put(
    '/api/v1/admin/services/:id',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: 'Change a service; capacity never below what is booked', params: IdParams, body: ServiceInput, response: { 200: AdminService, ...refused } },
    },
    async (request) => updateServiceSettings(await here(request), await actor(request), request.params.id, request.body, await city(request)),
  );

  for (const [action, active] of [['activate', true], ['deactivate', false]] as const) {
    app.post(
      `/api/v1/admin/services/:id/${action}`,
      {
        onRequest: admin,
        schema: {
          tags: ['admin'],
          summary: `${action} a service`,
          params: IdParams,
          response: { 200: AdminService, ...refused },
        },
      },
      async (request) => setServiceActivity(await here(request), await actor(request), request.params.id, active),
    );
  }

  app.get(
    '/api/v1/admin/calendar',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Closed days and make-up working days in a range',
        querystring: CalendarQuery,
        response: { 200: CalendarResponse, ...refused },
      },
    },
    async (request) => listCalendarDays(ctx, await calendarOf(request), request.query.from, request.query.to),
  );

  app.put(
    '/api/v1/admin/calendar/:date',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Close a day (法定节假日) or open one (调休); closing a day with bookings needs confirm and cancels them',
        params: DateParams,
        body: SetCalendarDayBody,
        response: { 200: SetCalendarDayResponse, ...refused },
      },
    },
    async (request) => setCalendarDay(ctx, await calendarOf(request), await actor(request), request.params.date, request.body),
  );

  app.delete(
    '/api/v1/admin/calendar/:date',
    { onRequest: admin, schema: { tags: ['admin'], summary: 'Remove a calendar exception', params: DateParams, response: { 200: Ok, ...refused } } },
    async (request) => {
      await removeCalendarDay(ctx, await calendarOf(request), await actor(request), request.params.date);
      return { ok: true };
    },
  );

  app.post(
    '/api/v1/admin/calendar/import',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Import a list of days (CSV or pasted)',
        body: ImportCalendarBody,
        response: { 200: ImportCalendarResponse, ...refused },
      },
    },
    async (request) => importCalendar(ctx, await calendarOf(request), await actor(request), request.body),
  );

  app.get(
    '/api/v1/admin/staff',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Staff accounts',
        response: {
          200: Type.Object({ staff: Type.Array(StaffAccount) }),
          ...refused,
        },
      },
    },
    async (request) => ({
      staff: await listStaffAccounts(await here(request), await city(request)),
    }),
  );

  app.post(
    '/api/v1/admin/staff/:id/reset-password',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: 'A new one-time password (shown once)', params: IdParams, response: { 200: Type.Object({ password: Type.String() }), ...refused } },
    },
    async (request) => ({
      password: await resetStaffPassword(await here(request), await actor(request), request.params.id, await city(request)),
    }),
  );

  for (const [action, active] of [['enable', true], ['disable', false]] as const) {
    app.post(
      `/api/v1/admin/staff/:id/${action}`,
      { onRequest: admin, schema: { tags: ['admin'], summary: `${action} a staff account`, params: IdParams, response: { 200: Ok, ...refused } } },
      async (request) => {
        await setStaffActivity(await here(request), await actor(request), request.params.id, active, await city(request));
        return { ok: true };
      },
    );
  }

  app.get(
    '/api/v1/admin/today',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: "Today's figures per service and by hour",
        response: { 200: TodayResponse, ...refused },
      },
    },
    async (request) => today(await here(request), langOf(request)),
  );

  app.get(
    '/api/v1/reports/daily',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Figures per day and service over a range',
        querystring: ReportQuery,
        response: { 200: ReportResponse, ...refused },
      },
    },
    async (request) => report(ctx, await reportScope(request), request.query.from, request.query.to, request.query.lang ?? langOf(request)),
  );

  app.get(
    '/api/v1/reports/daily.csv',
    { onRequest: admin, schema: { tags: ['admin'], summary: 'The same as CSV (UTF-8 with BOM, for Excel)', querystring: ReportQuery } },
    async (request, reply) => {
      const { from, to, lang } = request.query;
      const csv = await reportCsv(ctx, await reportScope(request), from, to, lang ?? langOf(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="vreserve-${from}-${to}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/v1/reports/staff',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Per staff member (called, 办结, 过号, service times) and per counter (办结, time paused by reason) over a range',
        querystring: StaffReportQuery,
        response: { 200: StaffReportResponse, ...refused },
      },
    },
    async (request) => staffReport(await here(request), request.query.from, request.query.to),
  );

  app.get(
    '/api/v1/reports/staff.csv',
    { onRequest: admin, schema: { tags: ['admin'], summary: 'The same as CSV (UTF-8 with BOM, for Excel)', querystring: StaffReportQuery } },
    async (request, reply) => {
      const { from, to, lang } = request.query;
      const csv = await staffReportCsv(await here(request), from, to, lang ?? langOf(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="vreserve-staff-${from}-${to}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/v1/audit',
    { onRequest: admin, schema: { tags: ['admin'], summary: 'Who changed what and when (newest first)', querystring: AuditQuery, response: { 200: AuditResponse, ...refused } } },
    async (request) => {
      const q = request.query;
      // The filter's dates are the hall's days; entries carry UTC instants.
      const start = (date: string) => hallDayStart(date, ctx.hallTz).toISOString();
      const filter = {
        from: q.from ? start(q.from) : undefined,
        to: q.to ? start(addDays(q.to, 1)) : undefined,
        actor: q.actor,
        action: q.action,
        beforeId: q.before,
        limit: q.limit ?? 100,
        // A hall admin reads their hall's entries; a city admin everything, or one hall's with ?hall=CODE.
        ...((await city(request)) && !(q as { hall?: string }).hall ? {} : { hallId: (await here(request)).hall.id }),
      };
      const entries = await auditLog(ctx, filter, langOf(request));
      return { entries };
    },
  );
}
