// English for 改约 (moving a booking to another slot); the same keys and placeholders as zh-reschedule.ts.
import type { zhReschedule } from './zh-reschedule.js';

export const enReschedule: Record<keyof typeof zhReschedule, string> = {
  'status.rescheduled': 'Moved',
  'reschedule.action': 'Change time',
  'reschedule.title': 'Change time: choose a new day and slot',
  'reschedule.from': 'Booking {number} ({when}) is cancelled once the new time is booked, and its place is freed.',
  'reschedule.left': 'This booking can be moved {n} more time(s).',
  'reschedule.formTitle': 'Confirm the new time',
  'reschedule.who': 'Enter the ID card number and phone the booking was made with.',
  'reschedule.submit': 'Move my booking',
  'reschedule.sending': 'Moving…',
  'reschedule.done': 'Moved; booking {from} is cancelled',
  'reschedule.movedTo': 'Moved to {number}',
  'reschedule.movedFrom': 'Moved from {number}',
  'reschedule.openNew': 'Open the new booking',
  'reschedule.keep': 'Keep it, back to My bookings',
  'ticket.rescheduledText': 'This booking was moved to another time; this number is void. Use the new number {number}.',
};
