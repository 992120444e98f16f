// The API's schemas spell out the domain's unions again, because contracts import only TypeBox.
// The domain owns the types (the store's columns and the screens use them); these checks keep
// every schema equal to its union, in the type checker (npm run typecheck) and at run time.
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { AdminService, CalendarDay, StaffAccount } from '../../src/contracts/admin.js';
import { DeviceKind, Role } from '../../src/contracts/auth.js';
import { BookingStatus } from '../../src/contracts/bookings.js';
import { PriorityChoice, PriorityGroup, Ticket, TicketStatus } from '../../src/contracts/kiosk.js';
import type { QueueResponse } from '../../src/contracts/queue.js';
import { WaitlistStatus } from '../../src/contracts/waitlist.js';
import { WAITLIST_STATUSES, type WaitlistStatus as DomainWaitlistStatus } from '../../src/domain/waitlist.js';
import type { WaitlistEntryStatus } from '../../src/server/db/schema.js';
import { BOOKING_STATUSES, type BookingStatus as DomainBookingStatus } from '../../src/domain/booking-rules.js';
import {
  DECLARED_PRIORITY_GROUPS,
  PRIORITY_GROUPS,
  type PriorityChoice as DomainPriorityChoice,
  type PriorityGroup as DomainPriorityGroup,
} from '../../src/domain/priority.js';
import { QUEUE_ORDERS, type QueueOrder } from '../../src/domain/queue-order.js';
import type { DayOverride } from '../../src/domain/schedule.js';
import { DEVICE_KINDS, type DeviceKind as DomainDeviceKind, ROLES, type Role as DomainRole } from '../../src/domain/sign-in.js';
import { TICKET_KINDS, TICKET_STATUSES, type TicketKind, type TicketStatus as DomainTicketStatus } from '../../src/domain/ticket-status.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when the two types are the same. */
const sameType = <A, B>(same: Equal<A, B>) => same;

sameType<Static<typeof BookingStatus>, DomainBookingStatus>(true);
sameType<Static<typeof TicketStatus>, DomainTicketStatus>(true);
sameType<Static<typeof Ticket>['kind'], TicketKind>(true);
sameType<Static<typeof QueueResponse>['queues'][number]['waiting'][number]['kind'], TicketKind>(true);
sameType<Static<typeof Role>, DomainRole>(true);
sameType<Static<typeof StaffAccount>['role'], DomainRole>(true);
sameType<Static<typeof DeviceKind>, DomainDeviceKind>(true);
sameType<Static<typeof AdminService>['queueOrder'], QueueOrder>(true);
sameType<Static<typeof CalendarDay>['kind'], DayOverride>(true);
sameType<Static<typeof WaitlistStatus>, DomainWaitlistStatus>(true);
sameType<WaitlistEntryStatus, DomainWaitlistStatus>(true);
sameType<Static<typeof PriorityGroup>, DomainPriorityGroup>(true);
sameType<Static<typeof PriorityChoice>, DomainPriorityChoice>(true);

/** Every value of the union passes the schema, and the schema has no other literal. */
function expectSameValues(schema: TSchema, values: readonly string[]): void {
  for (const v of values) expect(Value.Check(schema, v), v).toBe(true);
  const literals = (schema as { anyOf?: { const?: unknown }[] }).anyOf?.map((s) => s.const);
  expect(literals?.slice().sort()).toEqual([...values].sort());
}

const property = (schema: TSchema, name: string): TSchema => (schema as unknown as { properties: Record<string, TSchema> }).properties[name] as TSchema;

describe('contract schemas and domain unions', () => {
  it('spell the same values', () => {
    expectSameValues(BookingStatus, BOOKING_STATUSES);
    expectSameValues(TicketStatus, TICKET_STATUSES);
    expectSameValues(property(Ticket, 'kind'), TICKET_KINDS);
    expectSameValues(Role, ROLES);
    expectSameValues(property(StaffAccount, 'role'), ROLES);
    expectSameValues(DeviceKind, DEVICE_KINDS);
    expectSameValues(property(AdminService, 'queueOrder'), QUEUE_ORDERS);
    expectSameValues(property(CalendarDay, 'kind'), ['closed', 'open'] satisfies DayOverride[]);
  });
});

describe('优先 groups', () => {
  it('the schemas list every group of the domain, and the kiosk’s choices', () => {
    expectSameValues(PriorityGroup, PRIORITY_GROUPS);
    expectSameValues(PriorityChoice, [...DECLARED_PRIORITY_GROUPS, 'none']);
  });
});

describe('候补 statuses', () => {
  it('the schema lists every waiting-list status of the domain', () => expectSameValues(WaitlistStatus, WAITLIST_STATUSES));
});
