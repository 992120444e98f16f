// What a queue ticket is and where it stands. A ticket waits, is called to a counter, is served
// there (or passed: 过号), or closes unserved at the end of its day; it is never deleted.

/** A check-in ticket carries its booking's number; a walk-in ticket is issued at the kiosk. */
export const TICKET_KINDS = ['booking', 'walk_in'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'served', 'no_show', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses of a ticket that holds its counter. */
export const OPEN_TICKET_STATUSES = ['called', 'serving'] as const satisfies readonly TicketStatus[];
