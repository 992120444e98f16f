import { type Static, Type } from 'typebox';
import { DateString, Id, TimeString } from './common.js';
import { PriorityGroup } from './kiosk.js';

export const ServiceIdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const ServicesQuery = Type.Object({ date: Type.Optional(DateString) }, { additionalProperties: false });
export type ServicesQuery = Static<typeof ServicesQuery>;

export const ServiceSummary = Type.Object({
  id: Type.Integer(),
  letter: Type.String(),
  name: Type.String({ description: 'Name in the requested language' }),
  nameZh: Type.String(),
  nameEn: Type.String(),
  date: DateString,
  open: Type.Boolean({ description: 'Whether the hall serves this service on that date' }),
  capacity: Type.Integer({ description: 'Bookable places that day' }),
  reserved: Type.Integer({ description: '已预约人数' }),
  remaining: Type.Integer({ description: '余号数量: places in slots that can still be booked (not started)' }),
  walkIn: Type.Object({
    quota: Type.Integer(),
    issued: Type.Integer(),
    remaining: Type.Integer(),
    released: Type.Optional(
      Type.Integer({ description: '含释放的预约名额: places of bookings nobody checked in for, added to the quota (RELEASE_AFTER_MINUTES after their slot started)' }),
    ),
    priorityLeft: Type.Optional(Type.Integer({ description: '绿色通道: numbers left for elderly walk-ins once the quota is used up (PRIORITY_RESERVE a day)' })),
    hours: Type.Union([Type.Literal('open'), Type.Literal('later'), Type.Literal('over'), Type.Literal('closed')], {
      description: 'Walk-in numbers on that date, seen now: open now, opening later (opensAt), over for the day, or a closed day',
    }),
    opensAt: Type.Optional(TimeString),
  }),
});
export type ServiceSummary = Static<typeof ServiceSummary>;

export const ServicesResponse = Type.Object({
  hall: Type.String({ description: "The hall's code" }),
  date: DateString,
  today: DateString,
  now: TimeString,
  services: Type.Array(ServiceSummary),
  priorityAge: Type.Optional(Type.Integer({ description: "The hall's 老年人 age (its 优先 rule, else PRIORITY_AGE): the kiosk offers the 绿色通道 by it" })),
  priorityGroups: Type.Optional(
    Type.Array(PriorityGroup, { description: 'The 优先 groups the hall honours: the kiosk offers only these (a walk-in or check-in naming another is PRIORITY_GROUP_OFF)' }),
  ),
});
export type ServicesResponse = Static<typeof ServicesResponse>;

export const AvailabilityQuery = Type.Object(
  {
    from: Type.Optional(DateString),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, description: 'Default: the booking window' })),
  },
  { additionalProperties: false },
);
export type AvailabilityQuery = Static<typeof AvailabilityQuery>;

export const SlotAvailability = Type.Object({
  start: TimeString,
  end: TimeString,
  capacity: Type.Integer(),
  reserved: Type.Integer(),
  remaining: Type.Integer(),
  bookable: Type.Boolean(),
  reason: Type.Optional(
    Type.Union([Type.Literal('past'), Type.Literal('closed'), Type.Literal('full'), Type.Literal('outside_window')]),
  ),
});
export type SlotAvailability = Static<typeof SlotAvailability>;

export const DayAvailability = Type.Object({
  date: DateString,
  open: Type.Boolean(),
  closedBy: Type.Optional(
    Type.Union([Type.Literal('calendar'), Type.Literal('schedule')], {
      description: "Why a day is not open: the hall calendar (法定节假日 / 闭馆) or the service's weekdays",
    }),
  ),
  closedNote: Type.Optional(Type.String({ description: "The hall calendar's note on a closed day, e.g. 国庆节" })),
  inWindow: Type.Boolean(),
  capacity: Type.Integer(),
  reserved: Type.Integer(),
  remaining: Type.Integer(),
  slots: Type.Array(SlotAvailability),
});
export type DayAvailability = Static<typeof DayAvailability>;

export const AvailabilityResponse = Type.Object({
  hall: Type.String({ description: "The code of the service's hall" }),
  service: ServiceSummary,
  today: DateString,
  now: TimeString,
  window: Type.Object({ from: DateString, to: DateString }),
  checkInBeforeMinutes: Type.Integer(),
  days: Type.Array(DayAvailability),
});
export type AvailabilityResponse = Static<typeof AvailabilityResponse>;

export const HallResponse = Type.Object({
  code: Type.String({
    description: "The first hall's code (GET /api/v1/halls/:code for any hall)",
  }),
  timeZone: Type.String({
    description: 'The hall time zone (HALL_TZ), e.g. Asia/Shanghai',
  }),
  today: DateString,
  now: TimeString,
});
export type HallResponse = Static<typeof HallResponse>;
