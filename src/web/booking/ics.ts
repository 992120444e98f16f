// An iCalendar (RFC 5545) file for one booking, written by hand: a VEVENT whose start and end
// are the slot's hall-local times turned into UTC instants in the hall's zone (HALL_TZ, from the
// server). UTC needs no VTIMEZONE and is exact in any zone, daylight saving included; the
// calendar app shows the event at the right moment in the phone's own zone.
import { hallInstant } from '../../domain/schedule.js';

export interface IcsEvent {
  uid: string;
  date: string; // YYYY-MM-DD, hall-local
  start: string; // HH:mm
  end: string; // HH:mm
  /** The hall's time zone, e.g. Asia/Shanghai. */
  timeZone: string;
  summary: string;
  description: string;
  location?: string;
  /** When the file is made (DTSTAMP). */
  stamp: Date;
  /** Minutes before the start to remind; none when absent. */
  alarmMinutes?: number;
}

/** TEXT value escaping: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Splits a content line into lines of at most 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function utcStamp(instant: Date): string {
  return `${instant.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

export function icsText(event: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//V-Reserve//Booking//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART:${utcStamp(hallInstant(event.date, event.start, event.timeZone))}`,
    `DTEND:${utcStamp(hallInstant(event.date, event.end, event.timeZone))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.alarmMinutes !== undefined
      ? ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(event.summary)}`, `TRIGGER:-PT${event.alarmMinutes}M`, 'END:VALARM']
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

export function icsFileName(number: string): string {
  return `vreserve-${number.replace(/[^A-Za-z0-9]/g, '')}.ics`;
}
