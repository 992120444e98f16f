import { describe, expect, it } from 'vitest';
import { type BookingFact, type TicketFact, byHour, dayFigures } from './day-figures.js';

const now = { date: '2026-11-25', time: '12:00', minutes: 720 };
const b = (over: Partial<BookingFact>): BookingFact => ({
  serviceId: 1,
  date: '2026-11-25',
  slotStart: '09:00',
  slotEnd: '10:00',
  status: 'booked',
  checkedInAt: null,
  cancelReason: null,
  ...over,
});
const t = (over: Partial<TicketFact>): TicketFact => ({
  serviceId: 1,
  date: '2026-11-25',
  kind: 'walk_in',
  status: 'waiting',
  queuedAt: '2026-11-25T01:00:00Z',
  calledAt: null,
  startedAt: null,
  finishedAt: null,
  ...over,
});

describe('day figures', () => {
  it('counts every kind of outcome', () => {
    const bookings = [
      b({}),
      b({ status: 'checked_in', checkedInAt: 'x' }),
      b({ status: 'served', checkedInAt: 'x' }),
      b({ status: 'cancelled', cancelReason: 'citizen' }),
      b({ status: 'cancelled', cancelReason: 'hall_closed' }),
      b({ slotStart: '14:00', slotEnd: '15:00' }),
    ];
    const tickets = [
      t({ status: 'served', calledAt: '2026-11-25T01:10:00Z', startedAt: '2026-11-25T01:11:00Z', finishedAt: '2026-11-25T01:17:00Z' }),
      t({ status: 'no_show', calledAt: '2026-11-25T01:20:00Z' }),
      t({ kind: 'booking', status: 'waiting' }),
    ];
    expect(dayFigures(bookings, tickets, now)).toEqual({
      booked: 4,
      cancelled: 2,
      cancelledHallClosed: 1,
      checkedIn: 2,
      missed: 1,
      walkIns: 2,
      waiting: 1,
      served: 1,
      noShow: 1,
      averageWaitMinutes: 15,
      averageServiceMinutes: 6,
      priorityTickets: 0,
      priorityAverageWaitMinutes: null,
    });
  });

  it('counts 优先 tickets and their mean wait until called', () => {
    const figures = dayFigures(
      [],
      [
        t({ priority: 'elderly', queuedAt: '2026-11-25T01:00:00Z', calledAt: '2026-11-25T01:04:00Z' }),
        t({ priority: 'pregnant', queuedAt: '2026-11-25T01:00:00Z', calledAt: '2026-11-25T01:08:00Z' }),
        t({ priority: 'disabled', status: 'waiting', calledAt: null }),
        t({ queuedAt: '2026-11-25T01:00:00Z', calledAt: '2026-11-25T01:30:00Z' }),
      ],
      now,
    );
    expect(figures).toMatchObject({ priorityTickets: 3, priorityAverageWaitMinutes: 6 });
  });

  it('counts 现场取号 by the issuing service: a walk-in transferred in or out does not move it', () => {
    const here = [t({ status: 'served' }), t({ kind: 'booking' })]; // one walk-in moved in from another service
    const issuedHere = [t({ status: 'waiting' }), t({ status: 'no_show' })]; // both moved away since
    expect(dayFigures([], here, now, issuedHere)).toMatchObject({ walkIns: 2, served: 1, waiting: 1, noShow: 0 });
    expect(dayFigures([], here, now, [])).toMatchObject({ walkIns: 0, served: 1 });
  });

  it('has no averages without data', () => {
    expect(dayFigures([], [], now)).toMatchObject({ averageWaitMinutes: null, averageServiceMinutes: null, booked: 0 });
  });

  it('groups queue and service by hour', () => {
    const hourOf = (iso: string) => new Date(iso).getUTCHours() + 8;
    const tickets = [t({}), t({ queuedAt: '2026-11-25T02:30:00Z', status: 'served', finishedAt: '2026-11-25T03:05:00Z' })];
    expect(byHour(tickets, hourOf)).toEqual([
      { hour: 9, queued: 1, served: 0 },
      { hour: 10, queued: 1, served: 0 },
      { hour: 11, queued: 0, served: 1 },
    ]);
  });
});
