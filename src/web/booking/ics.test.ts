import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsFileName, icsText } from './ics.js';

const event = {
  uid: 'Y20261125090001@vreserve',
  date: '2026-11-25',
  start: '09:00',
  end: '10:00',
  timeZone: 'Asia/Shanghai',
  summary: '医社保办理 Y20261125090001',
  description: '办事编号: Y20261125090001\n请携带身份证原件; 8:00 起可取号',
  stamp: new Date('2026-11-24T01:02:03.456Z'),
  alarmMinutes: 60,
};

describe('icsText', () => {
  const text = icsText(event);
  const lines = text.split('\r\n');

  it('is one calendar with one event and CRLF line ends', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('places the slot at its instants in the hall time zone', () => {
    expect(lines).toContain('DTSTART:20261125T010000Z');
    expect(lines).toContain('DTEND:20261125T020000Z');
    expect(text).not.toContain('TZID');
  });

  it('follows the hall zone the server gives, not a fixed one (HALL_TZ is configurable)', () => {
    const london = icsText({ ...event, date: '2026-07-01', timeZone: 'Europe/London' }).split('\r\n');
    expect(london).toContain('DTSTART:20260701T080000Z');
    expect(london).toContain('DTEND:20260701T090000Z');
  });

  it('stamps in UTC and escapes text', () => {
    expect(lines).toContain('DTSTAMP:20261124T010203Z');
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('DESCRIPTION:办事编号: Y20261125090001\\n请携带身份证原件\\; 8:00 起可取号');
    expect(lines).toContain('TRIGGER:-PT60M');
  });

  it('leaves out the alarm and location when not asked', () => {
    const plain = icsText({ ...event, alarmMinutes: undefined });
    expect(plain).not.toContain('VALARM');
    expect(plain).not.toContain('LOCATION');
  });

  it('keeps every line within 75 octets', () => {
    const long = icsText({ ...event, description: '很长的说明'.repeat(40) });
    for (const line of long.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});

describe('foldLine', () => {
  it('never splits a UTF-8 character and unfolds to the original', () => {
    const line = `DESCRIPTION:${'预约'.repeat(50)}`;
    const folded = foldLine(line);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded.split('\r\n').length).toBeGreaterThan(1);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:x')).toBe('SUMMARY:x');
  });
});

describe('escapeText / icsFileName', () => {
  it('escapes backslash, semicolon, comma and newline', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('makes a safe file name', () => {
    expect(icsFileName('Y20261125090001')).toBe('vreserve-Y20261125090001.ics');
  });
});
