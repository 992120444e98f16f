// The kinds of live event, as a plain list: the browser's live connection listens for each by name
// without loading TypeBox (events.ts, which re-exports them, builds the schemas).
export const LIVE_EVENT_TYPES = [
  'booking.created',
  'booking.cancelled',
  'ticket.checked_in',
  'ticket.walk_in',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.no_show',
  'ticket.no_show_undone',
  'ticket.requeued',
  'ticket.transferred',
  'day.closed',
  'counter.changed',
  'rating.created',
  'case.changed',
  'case.closed',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];
