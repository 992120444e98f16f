// `vreserve check`: the invariants that must hold whatever happened, listed as problems.
import { hallProblems } from '../repositories/hall-check.repository.js';
import { placesHeld } from '../repositories/booking.repository.js';
import { allSlotRows, allWalkInRows } from '../repositories/inventory.repository.js';
import type { Db } from '../repositories/portable.js';
import { duplicateNumbers, walkInTicketCounts } from '../repositories/ticket.repository.js';
import { holdMismatches, holdsPerSlot } from '../repositories/waitlist.repository.js';

export interface CheckReport {
  slots: number;
  problems: string[];
}

export async function checkInvariants(db: Db): Promise<CheckReport> {
  const problems: string[] = [];
  const slots = await allSlotRows(db);
  const held = new Map((await placesHeld(db)).map((h) => [`${h.serviceId}|${h.date}|${h.slotStart}`, h.count]));
  // 候补 holds are places taken too: booked + held is what the count must equal.
  const holds = new Map((await holdsPerSlot(db)).map((h) => [`${h.serviceId}|${h.date}|${h.slotStart}`, h.count]));
  for (const [key, count] of holds) held.set(key, (held.get(key) ?? 0) + count);
  for (const s of slots) {
    const key = `${s.serviceId}|${s.date}|${s.slotStart}`;
    if (s.reserved < 0 || s.reserved > s.capacity) {
      problems.push(`slot ${key}: reserved ${s.reserved} is outside 0..${s.capacity}`);
    }
    const count = held.get(key) ?? 0;
    if (count !== s.reserved) problems.push(`slot ${key}: reserved ${s.reserved} but ${count} bookings and waiting-list holds hold a place`);
    held.delete(key);
  }
  for (const [key, count] of held) problems.push(`slot ${key}: ${count} bookings but no inventory row`);

  const tickets = new Map((await walkInTicketCounts(db)).map((t) => [`${t.serviceId}|${t.date}`, t.count]));
  for (const w of await allWalkInRows(db)) {
    const key = `${w.serviceId}|${w.date}`;
    if (w.issued < 0 || w.issued > w.quota) problems.push(`walk-ins ${key}: issued ${w.issued} is outside 0..${w.quota}`);
    if (w.priorityIssued < 0 || w.priorityIssued > w.priorityReserve) {
      problems.push(`walk-ins ${key}: 绿色通道 issued ${w.priorityIssued} is outside 0..${w.priorityReserve}`);
    }
    const count = tickets.get(key) ?? 0;
    // Elderly walk-ins beyond the quota come from the day's reserve (绿色通道).
    const issued = w.issued + w.priorityIssued;
    if (count !== issued) problems.push(`walk-ins ${key}: issued ${issued} but ${count} walk-in tickets exist`);
  }
  for (const number of await duplicateNumbers(db)) problems.push(`number ${number} is issued more than once`);
  problems.push(...(await holdMismatches(db)));
  problems.push(...(await hallProblems(db)));
  return { slots: slots.length, problems };
}
