import { type Static, Type } from 'typebox';
import { DateString, TimeString } from './common.js';

export const HallCodeParams = Type.Object(
  {
    code: Type.String({
      pattern: '^[A-Z][A-Z0-9]{1,7}$',
      description: "A hall's code, e.g. CD",
    }),
  },
  { additionalProperties: false },
);

/** A hall as the public sees it. */
export const HallInfo = Type.Object({
  code: Type.String(),
  name: Type.String({ description: 'Name in the requested language' }),
  nameZh: Type.String(),
  nameEn: Type.String(),
  district: Type.String(),
  address: Type.String(),
  phone: Type.String(),
  hours: Type.String({ description: 'Opening hours as the hall words them' }),
  timeZone: Type.String(),
});
export type HallInfo = Static<typeof HallInfo>;

export const HallToday = Type.Object({
  ...HallInfo.properties,
  today: DateString,
  booked: Type.Integer({
    description: "已预约人数 today over the hall's services",
  }),
  remaining: Type.Integer({
    description: '余号数量 today: places in slots not started yet',
  }),
  services: Type.Array(Type.String(), {
    description: 'Letters of the services the hall offers',
  }),
});
export type HallToday = Static<typeof HallToday>;

export const HallsResponse = Type.Object({
  halls: Type.Array(HallToday),
  verifyPhone: Type.Boolean({
    description: 'Booking and cancelling need a 短信验证码 (POST /api/v1/verification-codes first): the forms show the code field',
  }),
  contactRetentionDays: Type.Integer({ description: 'A phone kept for text messages is erased this many days after the booking’s day' }),
});
export type HallsResponse = Static<typeof HallsResponse>;

export const HallDetailResponse = Type.Object({
  hall: HallInfo,
  today: DateString,
  now: TimeString,
});
export type HallDetailResponse = Static<typeof HallDetailResponse>;

export const SuggestionsQuery = Type.Object(
  {
    letter: Type.String({
      pattern: '^[A-Z]$',
      description: 'The service (its catalogue letter)',
    }),
  },
  { additionalProperties: false },
);

export const HallSuggestion = Type.Object({
  hall: HallInfo,
  serviceId: Type.Integer({
    description: "That hall's service of the same letter",
  }),
  date: DateString,
  slot: TimeString,
  remaining: Type.Integer({ description: 'Places left in that slot' }),
});
export type HallSuggestion = Static<typeof HallSuggestion>;

export const SuggestionsResponse = Type.Object({
  letter: Type.String(),
  here: Type.Union([Type.Object({ date: DateString, slot: TimeString }), Type.Null()], {
    description: "This hall's first bookable slot of the service (null: none in its window)",
  }),
  elsewhere: Type.Array(HallSuggestion, {
    description: 'Other halls with a bookable slot sooner than here, soonest first (at most 5)',
  }),
});
export type SuggestionsResponse = Static<typeof SuggestionsResponse>;
