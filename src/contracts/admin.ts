import { type Static, Type } from 'typebox';
import { DateString, Id, TimeString } from './common.js';
import { Role } from './auth.js';

const Range = Type.Object({ start: TimeString, end: TimeString }, { additionalProperties: false });

export const ScheduleInput = Type.Object(
  {
    slots: Type.Array(Type.Object({ start: TimeString, end: TimeString, capacity: Type.Integer({ minimum: 0, maximum: 10000 }) }, { additionalProperties: false }), {
      maxItems: 48,
    }),
    openingHours: Type.Array(Range, { minItems: 1, maxItems: 8 }),
    openWeekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7 }),
    walkInQuota: Type.Integer({ minimum: 0, maximum: 100000 }),
    bookingWindowDays: Type.Integer({ minimum: 0, maximum: 366 }),
    checkInBeforeMinutes: Type.Integer({ minimum: 0, maximum: 720 }),
    defaultServiceMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })),
    maxWaitMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 480, description: '最长等候 (default 30)' })),
  },
  { additionalProperties: false },
);

export const ServiceInput = Type.Object(
  {
    letter: Type.String({ pattern: '^[A-Z]$' }),
    nameZh: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 100 }),
    schedule: ScheduleInput,
    queueOrder: Type.Union([Type.Literal('priority'), Type.Literal('arrival')]),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInput>;

export const AdminService = Type.Object({
  id: Type.Integer(),
  letter: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
  schedule: ScheduleInput,
  queueOrder: Type.Union([Type.Literal('priority'), Type.Literal('arrival')]),
});
export type AdminService = Static<typeof AdminService>;

export const AdminServicesResponse = Type.Object({ services: Type.Array(AdminService) });

export const CalendarDay = Type.Object({
  date: DateString,
  kind: Type.Union([Type.Literal('closed'), Type.Literal('open')]),
  note: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.String(),
});
export type CalendarDay = Static<typeof CalendarDay>;

export const CalendarQuery = Type.Object({ from: DateString, to: DateString }, { additionalProperties: false });
export const CalendarResponse = Type.Object({
  days: Type.Array(CalendarDay),
  bookings: Type.Array(Type.Object({ date: DateString, count: Type.Integer() }), {
    description: 'Bookings per date in the range that were not cancelled (dates without any are left out)',
  }),
});
export type CalendarResponse = Static<typeof CalendarResponse>;

export const SetCalendarDayBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('closed'), Type.Literal('open')]),
    note: Type.Optional(Type.String({ maxLength: 100 })),
    confirm: Type.Optional(Type.Boolean({ description: 'Close even though bookings exist: they are cancelled with reason "hall closed"' })),
  },
  { additionalProperties: false },
);
export type SetCalendarDayBody = Static<typeof SetCalendarDayBody>;

export const SetCalendarDayResponse = Type.Object({ day: CalendarDay, cancelledBookings: Type.Integer() });

export const ImportCalendarBody = Type.Object(
  {
    text: Type.String({ maxLength: 10000, description: 'CSV or pasted lines: date[,closed|open[,note]]; a bare date means closed' }),
    confirm: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const ImportCalendarResponse = Type.Object({
  days: Type.Array(CalendarDay),
  cancelledBookings: Type.Integer(),
});

export const StaffAccount = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  active: Type.Boolean(),
  locked: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
});
export type StaffAccount = Static<typeof StaffAccount>;

export const DayFigures = Type.Object({
  date: DateString,
  hallCode: Type.String({
    description: "The hall's code; '*' on rows summed over every hall",
  }),
  hallName: Type.String(),
  serviceId: Type.Integer({
    description: "The hall's service (0 on rows summed over every hall)",
  }),
  serviceLetter: Type.String(),
  serviceName: Type.String(),
  booked: Type.Integer({ description: 'Bookings for the day, not cancelled' }),
  cancelled: Type.Integer(),
  cancelledHallClosed: Type.Integer(),
  checkedIn: Type.Integer(),
  missed: Type.Integer(),
  lateCancelled: Type.Optional(
    Type.Integer({ description: "Cancelled by the citizen less than the hall's LATE_CANCEL_MINUTES before the slot (爽约 where the hall counts them)" }),
  ),
  released: Type.Optional(Type.Integer({ description: 'Places of bookings nobody checked in for, given to walk-ins (less those late check-ins took back)' })),
  walkIns: Type.Integer(),
  waiting: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
  averageWaitMinutes: Type.Union([Type.Number(), Type.Null()]),
  averageServiceMinutes: Type.Union([Type.Number(), Type.Null()]),
  priorityTickets: Type.Integer({ description: '优先 tickets in the service’s queue that day' }),
  priorityAverageWaitMinutes: Type.Union([Type.Number(), Type.Null()], { description: 'Their mean wait until called' }),
  overMaxWait: Type.Integer({ description: 'Tickets that waited longer than the service’s 最长等候 (called late, or still waiting past it)' }),
  waitingOverMaxWait: Type.Integer({ description: 'Of those, still waiting now' }),
  p50WaitMinutes: Type.Union([Type.Number(), Type.Null()], { description: 'Median wait of the tickets called' }),
  p90WaitMinutes: Type.Union([Type.Number(), Type.Null()]),
  p50ServiceMinutes: Type.Union([Type.Number(), Type.Null()]),
  p90ServiceMinutes: Type.Union([Type.Number(), Type.Null()]),
});
export type DayFigures = Static<typeof DayFigures>;

export const ReportQuery = Type.Object(
  {
    from: DateString,
    to: DateString,
    lang: Type.Optional(
      Type.Union([Type.Literal('zh'), Type.Literal('en')], {
        description: 'Language of names and CSV headers; default Accept-Language',
      }),
    ),
    hall: Type.Optional(
      Type.String({
        description: "A hall's code (default: your hall, or the first); '*' for every hall (city admins)",
      }),
    ),
    sum: Type.Optional(
      Type.Boolean({
        description: "With hall '*': one row per service and day summed over every hall",
      }),
    ),
  },
  { additionalProperties: false },
);
export const ReportResponse = Type.Object({ from: DateString, to: DateString, rows: Type.Array(DayFigures) });
export type ReportResponse = Static<typeof ReportResponse>;

export const TodayResponse = Type.Object({
  date: DateString,
  now: TimeString,
  services: Type.Array(DayFigures),
  byHour: Type.Array(Type.Object({ hour: Type.Integer(), queued: Type.Integer(), served: Type.Integer() })),
});
export type TodayResponse = Static<typeof TodayResponse>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  names: Type.Optional(
    Type.Record(Type.String(), Type.String(), {
      description: 'Names of what the entry refers to by id, in the requested language: target (a device), from and to (services)',
    }),
  ),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditQuery = Type.Object(
  {
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    actor: Type.Optional(Type.String({ maxLength: 60 })),
    action: Type.Optional(Type.String({ maxLength: 40 })),
    before: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export const AuditResponse = Type.Object({ entries: Type.Array(AuditEntry) });

export const StaffReportQuery = Type.Object(
  {
    from: DateString,
    to: DateString,
    lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')], { description: 'Language of the CSV headers; default Accept-Language' })),
    hall: Type.Optional(Type.String({ description: "A hall's code (default: your hall, or the first)" })),
  },
  { additionalProperties: false },
);

const Minutes = Type.Union([Type.Number(), Type.Null()]);

export const StaffReportResponse = Type.Object({
  from: DateString,
  to: DateString,
  hallCode: Type.String(),
  staff: Type.Array(
    Type.Object({
      username: Type.String(),
      displayName: Type.String(),
      called: Type.Integer({ description: 'Tickets this person called (last call)' }),
      served: Type.Integer({ description: '办结 by this person' }),
      noShow: Type.Integer({ description: '过号 by this person' }),
      averageServiceMinutes: Minutes,
      p90ServiceMinutes: Minutes,
    }),
  ),
  counters: Type.Array(
    Type.Object({
      number: Type.Integer(),
      name: Type.String(),
      state: Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')]),
      served: Type.Integer(),
      pausedMinutes: Type.Number(),
      pausedByReason: Type.Object({ break: Type.Number(), meeting: Type.Number(), consulting: Type.Number(), other: Type.Number() }),
    }),
  ),
});
export type StaffReportResponse = Static<typeof StaffReportResponse>;
