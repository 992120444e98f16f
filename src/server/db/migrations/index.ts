// Migrations are listed here (not read from disk) so they work the same from src/ and dist/.
import type { Migration } from 'kysely/migration';
import * as core from './2026112401-core.js';
import * as seedServices from './2026112402-seed-services.js';
import * as staffQueueEvents from './2026112403-staff-queue-events.js';
import * as seedCounters from './2026112404-seed-counters.js';
import * as calendarAudit from './2026112405-calendar-audit.js';
import * as requestFingerprint from './2026120201-booking-request-fingerprint.js';
import * as callNumbers from './2026120202-call-numbers.js';
import * as requeue from './2026120203-requeue.js';
import * as ticketIssuingService from './2026120210-ticket-issuing-service.js';
import * as halls from './2026120301-halls.js';
import * as notifications from './2026120401-notifications.js';
import * as publicTokens from './2026120402-public-tokens.js';
import * as phoneVerification from './2026120403-phone-verification.js';
import * as noShowRules from './2026120601-no-show-rules.js';
import * as releasedPlaces from './2026120602-released-places.js';
import * as bookingReschedule from './2026120701-booking-reschedule.js';
import * as waitlist from './2026120801-waitlist.js';
import * as counterState from './2026120901-counter-state.js';
import * as ratings from './2026121002-ratings.js';
import * as bookingAgent from './2026121003-booking-agent.js';
import * as priorityTickets from './2026121004-priority-tickets.js';
import * as webhooks from './2026121005-webhooks.js';
import * as priorityRules from './2026121201-priority-rules.js';

export const migrations: Record<string, Migration> = {
  '2026112401-core': core,
  '2026112402-seed-services': seedServices,
  '2026112403-staff-queue-events': staffQueueEvents,
  '2026112404-seed-counters': seedCounters,
  '2026112405-calendar-audit': calendarAudit,
  '2026120201-booking-request-fingerprint': requestFingerprint,
  '2026120202-call-numbers': callNumbers,
  '2026120203-requeue': requeue,
  '2026120210-ticket-issuing-service': ticketIssuingService,
  '2026120301-halls': halls,
  '2026120401-notifications': notifications,
  '2026120402-public-tokens': publicTokens,
  '2026120403-phone-verification': phoneVerification,
  '2026120601-no-show-rules': noShowRules,
  '2026120602-released-places': releasedPlaces,
  '2026120701-booking-reschedule': bookingReschedule,
  '2026120801-waitlist': waitlist,
  '2026120901-counter-state': counterState,
  '2026121002-ratings': ratings,
  '2026121003-booking-agent': bookingAgent,
  '2026121004-priority-tickets': priorityTickets,
  '2026121005-webhooks': webhooks,
  '2026121201-priority-rules': priorityRules,
};
