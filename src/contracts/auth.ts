import { type Static, Type } from 'typebox';

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 40 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Role = Type.Union([Type.Literal('city_admin'), Type.Literal('admin'), Type.Literal('staff')], {
  description: 'city_admin: every hall, the catalogue, the city calendar; admin and staff: their hall',
});

export const StaffMe = Type.Object({
  kind: Type.Literal('staff'),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  mustChangePassword: Type.Boolean(),
  hall: Type.Union([Type.String(), Type.Null()], {
    description: 'Code of their hall; null for a city admin (every hall)',
  }),
});

export const DeviceKind = Type.Union([Type.Literal('kiosk'), Type.Literal('display'), Type.Literal('evaluator')]);

export const DeviceMe = Type.Object({
  kind: Type.Literal('device'),
  id: Type.Integer(),
  deviceKind: DeviceKind,
  name: Type.String(),
  hall: Type.String({ description: "Code of the device's hall" }),
});

export const MeResponse = Type.Union([StaffMe, DeviceMe]);
export type MeResponse = Static<typeof MeResponse>;

export const LoginResponse = Type.Object({ staff: StaffMe, expiresAt: Type.String() });
export type LoginResponse = Static<typeof LoginResponse>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const CreateStaffBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 40 }),
    displayName: Type.Optional(Type.String({ maxLength: 60 })),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    role: Role,
  },
  { additionalProperties: false },
);
export type CreateStaffBody = Static<typeof CreateStaffBody>;

export const Device = Type.Object({
  id: Type.Integer(),
  kind: DeviceKind,
  name: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastSeenAt: Type.Union([Type.String(), Type.Null()]),
  counterNumber: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'An evaluator (评价器): the counter it is paired to' })),
});
export type Device = Static<typeof Device>;

export const CreateDeviceBody = Type.Object(
  {
    kind: DeviceKind,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    counterNumber: Type.Optional(Type.Integer({ minimum: 1, maximum: 999, description: 'An evaluator (评价器) needs the counter it stands at' })),
  },
  { additionalProperties: false },
);

export const CreateDeviceResponse = Type.Object({
  device: Device,
  token: Type.String({ description: 'Shown once; the device keeps it' }),
  pairPath: Type.String({ description: 'Open this path on the device once, e.g. /kiosk#pair=…' }),
});

export const PairBody = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false });
