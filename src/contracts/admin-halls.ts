import { type Static, Type } from 'typebox';
import { DateString } from './common.js';

const Text = (max: number, description?: string) => Type.Optional(Type.String({ maxLength: max, ...(description ? { description } : {}) }));

export const HallInput = Type.Object(
  {
    code: Type.String({
      minLength: 2,
      maxLength: 8,
      description: '2-8 capitals or digits, starting with a capital (e.g. CD)',
    }),
    nameZh: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Text(100),
    districtZh: Text(60, '区县, for grouping the hall list'),
    districtEn: Text(60),
    addressZh: Text(200),
    addressEn: Text(200),
    phone: Text(40),
    timeZone: Text(64, 'IANA zone; default HALL_TZ'),
    hoursZh: Text(200, 'Opening hours as shown to citizens, e.g. 工作日 9:00-17:00'),
    hoursEn: Text(200),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type HallInput = Static<typeof HallInput>;

export const CreateHallBody = Type.Object(
  {
    ...HallInput.properties,
    letters: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Z]$' }), {
        maxItems: 26,
        description: 'Catalogue services it offers (default: all)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateHallBody = Static<typeof CreateHallBody>;

export const UpdateHallBody = Type.Object({ ...HallInput.properties, active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type UpdateHallBody = Static<typeof UpdateHallBody>;

export const AdminHall = Type.Object({
  code: Type.String(),
  numberPrefix: Type.String({
    description: "What this hall's 办事编号 start with ('' for the first hall)",
  }),
  nameZh: Type.String(),
  nameEn: Type.String(),
  districtZh: Type.String(),
  districtEn: Type.String(),
  addressZh: Type.String(),
  addressEn: Type.String(),
  phone: Type.String(),
  timeZone: Type.String(),
  hoursZh: Type.String(),
  hoursEn: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
});
export type AdminHall = Static<typeof AdminHall>;

export const AdminHallsResponse = Type.Object({ halls: Type.Array(AdminHall) });

const Figures = {
  booked: Type.Integer({ description: 'Bookings for today, not cancelled' }),
  checkedIn: Type.Integer(),
  walkIns: Type.Integer(),
  waiting: Type.Integer(),
  served: Type.Integer(),
  longestWaitMinutes: Type.Integer({
    description: 'How long the longest-waiting person has waited',
  }),
  countersOpen: Type.Integer({
    description: 'Counters serving now or that called a number in the last 30 minutes',
  }),
};

export const CityOverviewResponse = Type.Object({
  at: Type.String({ description: 'ISO instant of the figures' }),
  halls: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      district: Type.String(),
      active: Type.Boolean(),
      date: DateString,
      ...Figures,
    }),
  ),
  total: Type.Object(Figures),
});
export type CityOverviewResponse = Static<typeof CityOverviewResponse>;

/** A service of the city's catalogue (服务目录): a letter is the same service in every hall. */
export const CatalogEntry = Type.Object({
  letter: Type.String({ pattern: '^[A-Z]$' }),
  nameZh: Type.String({ minLength: 1, maxLength: 100 }),
  nameEn: Type.String({ minLength: 1, maxLength: 100 }),
  bringZh: Type.String({ maxLength: 1000, description: '办事须知: what to bring' }),
  bringEn: Type.String({ maxLength: 1000 }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 100000 }),
});
export type CatalogEntry = Static<typeof CatalogEntry>;

export const CatalogParams = Type.Object({ letter: Type.String({ pattern: '^[A-Z]$' }) }, { additionalProperties: false });

export const CatalogBody = Type.Object(
  {
    nameZh: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 100 }),
    bringZh: Type.Optional(Type.String({ maxLength: 1000 })),
    bringEn: Type.Optional(Type.String({ maxLength: 1000 })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type CatalogBody = Static<typeof CatalogBody>;
