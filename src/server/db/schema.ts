// Row types of every table, as Kysely sees them. Instants are ISO-8601 UTC strings; hall-local
// dates and times are YYYY-MM-DD / HH:mm strings; booleans are 0/1 integers (portable).
// Status, kind and role columns carry the domain's unions, so what is read back is already typed
// (the store keeps them as plain strings; only repositories write them).
import type { Generated, Selectable } from 'kysely';
import type { LiveEventType } from '../../contracts/events.js';
import type { MessageKind } from '../../domain/messages.js';
import type { BookingStatus } from '../../domain/booking-rules.js';
import type { CounterState, PauseReason } from '../../domain/counter-state.js';
import type { AgentRelation } from '../../domain/proxy-booking.js';
import type { QueueOrder } from '../../domain/queue-order.js';
import type { RatingChannel, RatingLevel } from '../../domain/rating.js';
import type { CaseState } from '../../domain/rating-case.js';
import type { DayOverride } from '../../domain/schedule.js';
import type { DeviceKind, Role } from '../../domain/sign-in.js';
import type { TicketKind, TicketStatus } from '../../domain/ticket-status.js';

export interface HallTable {
  id: Generated<number>;
  /** Short code in URLs (/h/CODE/…) and in the numbers of every hall but the first. */
  code: string;
  /** What this hall's 办事编号 start with: '' for the first hall (the seed's format), else CODE + '-'. */
  number_prefix: string;
  name_zh: string;
  name_en: string;
  district_zh: string;
  district_en: string;
  address_zh: string;
  address_en: string;
  phone: string;
  time_zone: string;
  hours_zh: string;
  hours_en: string;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** The city's catalogue: a letter means the same service in every hall. */
export interface ServiceCatalogTable {
  letter: string;
  name_zh: string;
  name_en: string;
  /** What to bring (办事须知), shown before booking. */
  bring_zh: string;
  bring_en: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/** A hall's offering of a catalogue service: its schedule, capacity, walk-in quota and queue order. */
export interface ServiceTable {
  id: Generated<number>;
  hall_id: number;
  letter: string;
  name_zh: string;
  name_en: string;
  active: number;
  sort_order: number;
  /** JSON of the domain's ServiceSchedule. */
  schedule_json: string;
  queue_order: QueueOrder;
  created_at: string;
  updated_at: string;
}

export interface SlotInventoryTable {
  service_id: number;
  date: string;
  slot_start: string;
  slot_end: string;
  capacity: number;
  reserved: number;
  /** Places nobody checked in for, given to the day's walk-ins (null: not released yet). */
  released: Generated<number | null>;
  /** Late check-ins that took a released place back. */
  reclaimed: Generated<number>;
}

export interface WalkInInventoryTable {
  service_id: number;
  date: string;
  /** What may be issued: the service's quota, plus places released, less places reclaimed. */
  quota: number;
  issued: number;
  /** Places of unused bookings added to the quota (含释放的预约名额). */
  released: Generated<number>;
  /** Of those, taken back by late check-ins. */
  reclaimed: Generated<number>;
  /** 绿色通道: elderly walk-ins that may be issued beyond the quota, and how many were. */
  priority_reserve: Generated<number>;
  priority_issued: Generated<number>;
}

export interface NumberCounterTable {
  service_id: number;
  date: string;
  time: string;
  last_order: number;
}

export interface PersonTable {
  id: Generated<number>;
  id_hash: string;
  id_masked: string;
  lock_version: number;
  created_at: string;
  updated_at: string;
}

export interface BookingTable {
  id: Generated<number>;
  hall_id: number;
  number: string;
  service_id: number;
  date: string;
  slot_start: string;
  slot_end: string;
  person_id: number;
  id_hash: string;
  id_masked: string;
  phone_hash: string;
  phone_masked: string;
  status: BookingStatus;
  idempotency_hash: string | null;
  /** Keyed hash of every field of the request that carried the Idempotency-Key (null without one). */
  request_fingerprint: string | null;
  created_at: string;
  updated_at: string;
  checked_in_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** The phone, AES-256-GCM under the data key `phone_key_id`, kept to send messages; erased after retention. */
  phone_cipher: string | null;
  phone_key_id: string | null;
  /** The citizen wants text messages about this booking (1) or not (0). */
  notify: Generated<number>;
  /** The language the booking was made in: its messages' language. */
  lang: Generated<'zh' | 'en'>;
  /** The page /t/<token> and its QR code: 16 random bytes, base64url (null: written by a release before tokens). */
  public_token: string | null;
  /** 改约: how many moves made this booking (0: booked directly; at most 2 per chain). */
  reschedules: Generated<number>;
  /** 改约: the number of the booking this one was moved to (its status is then cancelled, reason `rescheduled`). */
  rescheduled_to: string | null;
  /** 改约: the number of the booking this one was moved from. */
  rescheduled_from: string | null;
  /** 代办: the agent's ID card (keyed hash, masked) and relation; null for a booking made by the person. */
  agent_id_hash: string | null;
  agent_id_masked: string | null;
  agent_relation: AgentRelation | null;
}

export interface TicketTable {
  id: Generated<number>;
  hall_id: number;
  number: string;
  service_id: number;
  date: string;
  kind: TicketKind;
  booking_id: number | null;
  slot_start: string | null;
  slot_end: string | null;
  status: TicketStatus;
  queued_at: string;
  updated_at: string;
  counter_id: number | null;
  open_counter_id: number | null;
  called_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  call_count: Generated<number>;
  transferred_from: number | null;
  /** 叫号号码: letter + the ticket's place in its issuing service's day, e.g. Y012. */
  call_number: string;
  /** When a passed (过号) ticket came back to its queue, once at most. */
  requeued_at: string | null;
  /** The number it came back behind (null: nobody was waiting). */
  requeue_after: string | null;
  /** The service that issued the ticket (its walk-in quota, its report row); set on insert, kept through transfers. */
  issued_service_id: number | null;
  /** A walk-in's own token; a check-in ticket carries its booking's (null: issued before tokens). */
  public_token: string | null;
  /** Staff ids: who called it (last call), started serving it, and ended it (办结 or 过号). */
  called_by: number | null;
  started_by: number | null;
  finished_by: number | null;
  /** 优先: the ticket's priority group (elderly, disabled, pregnant, military); null for a normal ticket. */
  priority: string | null;
  /** Priority tickets called ahead of this normal ticket since the last normal ticket of its queue was called. */
  priority_passes: Generated<number>;
  /** When a priority ticket was first called ahead of it. */
  priority_passed_at: string | null;
  /** 代办: the relation of whoever booked it for the person (the counter asks for the authorisation letter). */
  agent_relation: AgentRelation | null;
}

export interface StaffTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  /** Null for a city admin (every hall). */
  hall_id: number | null;
  active: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionTable {
  token_hash: string;
  staff_id: number;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface DeviceTable {
  id: Generated<number>;
  hall_id: number;
  kind: DeviceKind;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  /** An evaluator (评价器) shows the ratings of this counter's tickets. */
  counter_id: number | null;
}

export interface CounterTable {
  id: Generated<number>;
  hall_id: number;
  number: number;
  name: string;
  /** JSON array of service ids this counter serves. */
  service_ids: string;
  active: number;
  created_at: string;
  updated_at: string;
  /** open | paused | closed (only an open counter calls numbers). */
  state: Generated<CounterState>;
  /** When it last changed state (null: open since before states were kept). */
  state_since: string | null;
}

/** A pause of a counter (休息, 会议, 业务咨询, other): for the reports' time paused. */
export interface CounterPauseTable {
  id: Generated<number>;
  hall_id: number;
  counter_id: number;
  reason: PauseReason;
  note: string | null;
  /** Who paused it (null: the counter was paused by a release that did not keep it). */
  staff_id: number | null;
  started_at: string;
  /** Null while it lasts. */
  ended_at: string | null;
}

export interface EventTable {
  id: Generated<number>;
  type: LiveEventType;
  hall_id: number | null;
  service_id: number | null;
  date: string | null;
  payload: string;
  created_at: string;
}

export interface RateLimitTable {
  bucket: string;
  hits: number;
  /** Epoch milliseconds after which the bucket may be dropped. */
  expires_at: number;
}

export interface CalendarOverrideTable {
  date: string;
  kind: DayOverride;
  note: string;
  created_at: string;
  created_by: string;
}

export interface HallCalendarOverrideTable {
  hall_id: number;
  date: string;
  kind: DayOverride;
  note: string;
  created_at: string;
  created_by: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string;
  /** JSON object: what changed. */
  details: string;
  /** The hall the change was in (null: city-wide, or before halls existed). */
  hall_id: number | null;
}

export type NotificationStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';

/** The text-message outbox: one row per cause; the text is rendered from `params` at send time. */
export interface NotificationTable {
  id: Generated<number>;
  hall_id: number;
  kind: MessageKind;
  /** What caused it, unique: the same cause never queues a second message. */
  cause: string;
  booking_id: number | null;
  ticket_id: number | null;
  channel: 'sms';
  lang: 'zh' | 'en';
  /** JSON of the template's variables (never personal data). */
  params: string;
  status: NotificationStatus;
  attempts: Generated<number>;
  /** When it was first due: retries stop 24 hours later. */
  due_at: string;
  next_attempt_at: string;
  lease_until: string | null;
  lease_owner: string | null;
  gateway_id: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** A 短信验证码 sent to a phone: its keyed hash to check it; phone and code sealed only until sent. */
export interface PhoneVerificationTable {
  id: Generated<number>;
  phone_hash: string;
  address_hash: string;
  purpose: 'book' | 'cancel' | 'reschedule';
  code_hash: string;
  secret_cipher: string | null;
  secret_key_id: string | null;
  lang: 'zh' | 'en';
  attempts: Generated<number>;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A hall's own 爽约 rule (no row: the NO_SHOW_* defaults). */
export interface NoShowRuleTable {
  hall_id: number;
  miss_limit: number;
  window_days: number;
  block_days: number;
  late_cancel: number;
  late_cancel_minutes: number;
  updated_at: string;
  updated_by: string;
}

/** A hall's own 优先 rule (absent: the PRIORITY_* defaults); each group column is 1 when the hall honours it. */
export interface PriorityRuleTable {
  hall_id: number;
  elderly: number;
  disabled: number;
  pregnant: number;
  military: number;
  age: number;
  max_passes: number;
  max_extra_minutes: number;
  reserve: number;
  updated_at: string;
  updated_by: string;
}

/** A block an admin lifted: the person's misses in that hall up to `lifted_local` no longer count. */
export interface NoShowLiftTable {
  id: Generated<number>;
  hall_id: number;
  id_hash: string;
  lifted_at: string;
  /** The hall's clock then, 'YYYY-MM-DD HH:mm'. */
  lifted_local: string;
  actor: string;
  reason: string;
}

export type WaitlistEntryStatus = 'waiting' | 'offered' | 'booked' | 'left' | 'lapsed' | 'closed';
export type WaitlistHoldStatus = 'held' | 'accepted' | 'expired' | 'released';

export interface WaitlistEntryTable {
  id: Generated<number>;
  hall_id: number;
  service_id: number;
  date: string;
  slot_start: string | null;
  id_hash: string;
  id_masked: string;
  phone_hash: string;
  phone_masked: string;
  phone_cipher: string | null;
  phone_key_id: string | null;
  notify: number;
  lang: 'zh' | 'en';
  status: WaitlistEntryStatus;
  offers: Generated<number>;
  booking_number: string | null;
  created_at: string;
  updated_at: string;
}

export interface WaitlistHoldTable {
  id: Generated<number>;
  entry_id: number;
  n: number;
  hall_id: number;
  service_id: number;
  date: string;
  slot_start: string;
  slot_end: string;
  token: string;
  status: WaitlistHoldStatus;
  expires_at: string;
  booking_number: string | null;
  created_at: string;
  updated_at: string;
}

/** Where a hall's events are POSTed (hall_id null: every hall's); the secret sealed under a data key. */
export interface WebhookEndpointTable {
  id: Generated<number>;
  hall_id: number | null;
  url: string;
  /** JSON array of the event names subscribed to. */
  events: string;
  secret_cipher: string;
  secret_key_id: string;
  active: number;
  /** The latest event when it was made: it gets only later ones. */
  since_event_id: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One row (name 'events'): the last event id fanned out into webhook deliveries. */
export interface WebhookCursorTable {
  name: string;
  last_event_id: number;
  updated_at: string;
}

export type WebhookDeliveryStatus = 'queued' | 'sending' | 'delivered' | 'failed';

/** The webhook outbox: one delivery per endpoint and event (or a test ping), the body as sent. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  endpoint_id: number;
  hall_id: number | null;
  event_id: number | null;
  event_type: string;
  number: string | null;
  /** Deliveries of one endpoint with the same key go out in id order. */
  order_key: string;
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  first_attempt_at: string | null;
  next_attempt_at: string;
  lease_until: string | null;
  lease_owner: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

export interface RatingTable {
  id: Generated<number>;
  hall_id: number;
  ticket_id: number;
  ticket_number: string;
  service_id: number;
  counter_id: number | null;
  staff_id: number | null;
  /** The ticket's hall date. */
  date: string;
  level: RatingLevel;
  /** Comma-separated RatingReason values ('' for none). */
  reasons: string;
  comment: string | null;
  channel: RatingChannel;
  created_at: string;
}

export interface RatingCaseTable {
  id: Generated<number>;
  hall_id: number;
  rating_id: number;
  ticket_number: string;
  service_id: number;
  counter_id: number | null;
  staff_id: number | null;
  date: string;
  opened_at: string;
  /** The hall date the case opened; due_date counts working days from it. */
  opened_on: string;
  due_date: string;
  state: CaseState;
  assignee_id: number | null;
  rectified_at: string | null;
  revisited_at: string | null;
  revisit_date: string | null;
  revisit_outcome: string | null;
  revisit_level: RatingLevel | null;
  closed_at: string | null;
  updated_at: string;
}

export interface RatingCaseNoteTable {
  id: Generated<number>;
  case_id: number;
  hall_id: number;
  from_state: CaseState | null;
  to_state: CaseState;
  note: string;
  actor: string;
  at: string;
}

export interface Database {
  hall: HallTable;
  service_catalog: ServiceCatalogTable;
  hall_calendar_override: HallCalendarOverrideTable;
  service: ServiceTable;
  slot_inventory: SlotInventoryTable;
  walk_in_inventory: WalkInInventoryTable;
  number_counter: NumberCounterTable;
  person: PersonTable;
  booking: BookingTable;
  ticket: TicketTable;
  staff: StaffTable;
  staff_session: StaffSessionTable;
  device: DeviceTable;
  counter: CounterTable;
  counter_pause: CounterPauseTable;
  event: EventTable;
  rate_limit: RateLimitTable;
  calendar_override: CalendarOverrideTable;
  audit_log: AuditLogTable;
  notification: NotificationTable;
  phone_verification: PhoneVerificationTable;
  no_show_rule: NoShowRuleTable;
  no_show_lift: NoShowLiftTable;
  priority_rule: PriorityRuleTable;
  waitlist_entry: WaitlistEntryTable;
  waitlist_hold: WaitlistHoldTable;
  webhook_endpoint: WebhookEndpointTable;
  webhook_cursor: WebhookCursorTable;
  webhook_delivery: WebhookDeliveryTable;
  rating: RatingTable;
  rating_case: RatingCaseTable;
  rating_case_note: RatingCaseNoteTable;
}

export type ServiceRow = Selectable<ServiceTable>;
