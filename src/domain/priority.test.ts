import { describe, expect, it } from 'vitest';
import {
  type PriorityEntry,
  type PriorityGroup,
  type PriorityRules,
  ageOn,
  ageOnDayOf,
  bookedPriority,
  isElderlyIdCard,
  kioskPriority,
  nextToCall,
  priorityOrder,
} from './priority.js';
import { composeIdCard } from './id-card.js';

const local = { date: '2026-12-03', time: '10:00', minutes: 600 };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 1, 0) + minute * 60_000).toISOString();
const now = (minute: number) => ({ local, iso: at(minute) });
const rules: PriorityRules = { maxPasses: 3, maxExtraMinutes: 15 };

const t = (number: string, queued: number, priority: PriorityGroup | null = null, passes = 0, firstPassed: number | null = null): PriorityEntry => ({
  number,
  kind: 'walk_in',
  slotStart: null,
  queuedAt: at(queued),
  priority,
  passes,
  firstPassedAt: firstPassed === null ? null : at(firstPassed),
});
const pick = (xs: PriorityEntry[], minute = 30, r = rules) => {
  const next = nextToCall(xs, now(minute), 'priority', r);
  return next && { number: next.ticket.number, passed: next.passed.map((e) => e.number), endsRow: next.endsRow };
};

describe('age from the ID card', () => {
  it.each([
    ['1956-12-03', '2026-12-03', 70],
    ['1956-12-04', '2026-12-03', 69],
    ['1956-02-29', '2026-02-28', 69],
    ['1956-02-29', '2026-03-01', 70],
  ])('born %s, on %s %i years old', (birth, today, age) => expect(ageOn(birth, today)).toBe(age));

  it('70 on the birthday, 69 the day before, and never for a card that is not valid', () => {
    const card = composeIdCard('11010519561203002');
    expect(isElderlyIdCard(card, '2026-12-03', 70)).toBe(true);
    expect(isElderlyIdCard(card, '2026-12-02', 70)).toBe(false);
    expect(isElderlyIdCard(card, '2026-12-03', 60)).toBe(true);
    expect(isElderlyIdCard(`${card.slice(0, 17)}${card.endsWith('1') ? '2' : '1'}`, '2026-12-03', 70)).toBe(false);
  });
});

describe('the group of a ticket issued at the kiosk', () => {
  const old = composeIdCard('11010519500101002');
  const young = composeIdCard('11010519900101002');
  it.each([
    [undefined, old, 'elderly'],
    [undefined, young, null],
    [undefined, undefined, null],
    ['none', old, null],
    ['pregnant', young, 'pregnant'],
    ['disabled', undefined, 'disabled'],
    ['military', old, 'military'],
  ] as const)('choice %s with card %s -> %s', (choice, card, group) => expect(kioskPriority(choice, card, '2026-12-03', 70)).toBe(group));
});

describe('the group of a booking checked in by its scanned code', () => {
  it('the age on the booked day comes from the card at booking; an invalid card gives none', () => {
    const card = composeIdCard('11010519561204002');
    expect(ageOnDayOf(card, '2026-12-03')).toBe(69);
    expect(ageOnDayOf(card, '2026-12-04')).toBe(70);
    expect(ageOnDayOf(`${card.slice(0, 17)}${card.endsWith('1') ? '2' : '1'}`, '2026-12-04')).toBeNull();
  });

  it.each([
    [undefined, 70, false, 'elderly'],
    [undefined, 69, false, null],
    [undefined, null, false, null],
    // The agent shows the code: their age is not known, so no automatic 老年人 …
    [undefined, 80, true, null],
    // … but anyone may choose a group staff will check, or decline.
    ['pregnant', 30, false, 'pregnant'],
    ['disabled', 80, true, 'disabled'],
    ['none', 80, false, null],
  ] as const)('choice %s, age %s, by agent %s -> %s', (choice, ageOnDay, byAgent, group) =>
    expect(bookedPriority(choice, { ageOnDay, byAgent }, 70)).toBe(group),
  );
});

describe('who is called next with priority tickets', () => {
  it('an empty queue calls nobody', () => expect(pick([])).toBeNull());

  it('without priority tickets the queue order is kept, and the call ends the row', () => {
    expect(pick([t('A2', 2), t('A1', 1)])).toEqual({ number: 'A1', passed: [], endsRow: true });
  });

  it('a priority ticket goes ahead of the normal tickets before it', () => {
    expect(pick([t('A1', 1), t('A2', 2), t('A3', 3, 'elderly')])).toEqual({ number: 'A3', passed: ['A1', 'A2'], endsRow: false });
  });

  it('a priority ticket at the head passes nobody and does not end the row', () => {
    expect(pick([t('A1', 1, 'pregnant'), t('A2', 2, 'elderly')])).toEqual({ number: 'A1', passed: [], endsRow: false });
  });

  it('of several priority tickets the earliest goes first', () => {
    expect(pick([t('A1', 1), t('A3', 3, 'disabled'), t('A2', 2, 'military')])?.number).toBe('A2');
  });

  it('a normal ticket passed maxPasses times in a row is called next', () => {
    expect(pick([t('A1', 1, null, 3, 20), t('A2', 2), t('A3', 3, 'elderly')])).toEqual({ number: 'A1', passed: [], endsRow: true });
    expect(pick([t('A1', 1, null, 2, 20), t('A2', 2), t('A3', 3, 'elderly')])?.number).toBe('A3');
  });

  it('any normal ticket ahead that may not be passed blocks the priority ticket, not only the head', () => {
    expect(pick([t('A1', 1), t('A2', 2, null, 3, 25), t('A3', 3, 'elderly')])?.number).toBe('A1');
  });

  it('no pass once maxExtraMinutes have gone by since the first pass', () => {
    expect(pick([t('A1', 1, null, 1, 15), t('A3', 3, 'elderly')], 30)?.number).toBe('A1');
    expect(pick([t('A1', 1, null, 1, 15), t('A3', 3, 'elderly')], 29)?.number).toBe('A3');
  });

  it('maxPasses 0 turns priorities off: the queue order alone', () => {
    expect(pick([t('A1', 1), t('A3', 3, 'elderly')], 30, { maxPasses: 0, maxExtraMinutes: 15 })?.number).toBe('A1');
  });

  it('the order a queue will be called in follows the same rule', () => {
    const q = [t('A1', 1), t('A2', 2), t('P1', 3, 'elderly'), t('P2', 4, 'elderly'), t('P3', 5, 'elderly'), t('P4', 6, 'elderly'), t('A3', 7)];
    expect(priorityOrder(q, now(30), 'priority', rules).map((e) => e.number)).toEqual(['P1', 'P2', 'P3', 'A1', 'P4', 'A2', 'A3']);
  });
});

// A day at the hall: walk-ins arrive, some of them priority, counters call with nextToCall and the
// store keeps passes and first-pass times as call-next does. Seeded, so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface DayTicket {
  number: string;
  arrives: number;
  duration: number;
  priority: PriorityGroup | null;
}

interface CallLog {
  number: string;
  minute: number;
  passed: string[];
}

function makeDay(seed: number): { tickets: DayTicket[]; counters: number; rules: PriorityRules } {
  const r = rng(seed);
  const count = 20 + Math.floor(r() * 80);
  const share = r() * 0.7;
  const groups: PriorityGroup[] = ['elderly', 'disabled', 'pregnant', 'military'];
  const tickets: DayTicket[] = [];
  for (let i = 0; i < count; i++) {
    tickets.push({
      number: `A${String(i + 1).padStart(3, '0')}`,
      arrives: Math.floor(r() * 240),
      duration: 1 + Math.floor(r() * 12),
      priority: r() < share ? (groups[Math.floor(r() * 4)] as PriorityGroup) : null,
    });
  }
  // Numbers follow arrival, as at the kiosk.
  tickets.sort((a, b) => a.arrives - b.arrives || a.number.localeCompare(b.number));
  tickets.forEach((x, i) => {
    x.number = `A${String(i + 1).padStart(3, '0')}`;
  });
  return {
    tickets,
    counters: 1 + Math.floor(r() * 3),
    rules: { maxPasses: Math.floor(r() * 5), maxExtraMinutes: 5 + Math.floor(r() * 26) },
  };
}

function runDay(tickets: DayTicket[], counters: number, dayRules: PriorityRules): { calls: CallLog[]; calledAt: Map<string, number> } {
  const state = new Map<string, PriorityEntry>(
    tickets.map((x) => [
      x.number,
      { number: x.number, kind: 'walk_in', slotStart: null, queuedAt: at(x.arrives), priority: x.priority, passes: 0, firstPassedAt: null },
    ]),
  );
  const free = Array.from({ length: counters }, () => 0);
  const calls: CallLog[] = [];
  const calledAt = new Map<string, number>();
  const byNumber = new Map(tickets.map((x) => [x.number, x]));
  while (calledAt.size < tickets.length) {
    const c = free.indexOf(Math.min(...free));
    const nextArrival = Math.min(...tickets.filter((x) => !calledAt.has(x.number)).map((x) => x.arrives));
    const minute = Math.max(free[c] as number, nextArrival);
    const waiting = [...state.values()].filter((e) => !calledAt.has(e.number) && (byNumber.get(e.number) as DayTicket).arrives <= minute);
    const next = nextToCall(waiting, now(minute), 'priority', dayRules);
    if (!next) throw new Error('someone waits but nobody is called');
    calledAt.set(next.ticket.number, minute);
    calls.push({ number: next.ticket.number, minute, passed: next.passed.map((e) => e.number) });
    for (const p of next.passed) state.set(p.number, { ...p, passes: p.passes + 1, firstPassedAt: p.firstPassedAt ?? at(minute) });
    if (next.endsRow) for (const w of waiting) if (w.priority === null && !calledAt.has(w.number)) state.set(w.number, { ...(state.get(w.number) as PriorityEntry), passes: 0 });
    free[c] = minute + (byNumber.get(next.ticket.number) as DayTicket).duration;
  }
  return { calls, calledAt };
}

const DAYS = 400;

describe('priority over random days (seeded)', () => {
  it('calls every ticket once, and never a priority ticket after a normal one that came later', () => {
    for (let seed = 1; seed <= DAYS; seed++) {
      const day = makeDay(seed);
      const { calls, calledAt } = runDay(day.tickets, day.counters, day.rules);
      expect(calls.length, `seed ${seed}`).toBe(day.tickets.length);
      expect(new Set(calls.map((c) => c.number)).size, `seed ${seed}`).toBe(day.tickets.length);
      // Every priority ticket is called no later than a normal ticket that arrived after it.
      for (const p of day.tickets.filter((x) => x.priority)) {
        for (const n of day.tickets.filter((x) => !x.priority && x.arrives > p.arrives)) {
          expect(calledAt.get(p.number) as number, `seed ${seed}: ${p.number} before ${n.number}`).toBeLessThanOrEqual(calledAt.get(n.number) as number);
        }
      }
    }
  });

  it(`the order shown is the order call-next calls in, with tickets back from 过号 (${DAYS} days)`, () => {
    for (let seed = 1; seed <= DAYS; seed++) {
      const day = makeDay(seed);
      const r = rng(seed * 7919);
      const numbers = day.tickets.map((x) => x.number);
      const entries: PriorityEntry[] = day.tickets.map((x, i) => ({
        ...t(x.number, x.arrives % 30, x.priority),
        // Now and then a ticket that came back after 过号, behind another number.
        requeue: r() < 0.1 ? { at: at(40 + i), after: r() < 0.8 ? (numbers[Math.floor(r() * numbers.length)] as string) : null } : null,
      }));
      const shown = priorityOrder(entries, now(60), 'priority', day.rules).map((e) => e.number);
      const called: string[] = [];
      let rest = entries;
      for (;;) {
        const next = nextToCall(rest, now(60), 'priority', day.rules);
        if (!next) break;
        called.push(next.ticket.number);
        const passed = new Set(next.passed.map((e) => e.number));
        rest = rest
          .filter((e) => e.number !== next.ticket.number)
          .map((e) =>
            passed.has(e.number) ? { ...e, passes: e.passes + 1, firstPassedAt: e.firstPassedAt ?? at(60) } : next.endsRow && !e.priority ? { ...e, passes: 0 } : e,
          );
      }
      expect(shown, `seed ${seed}`).toEqual(called);
    }
  });

  it(`no normal ticket is passed by more than maxPasses priority tickets in a row (${DAYS} days)`, () => {
    let passesSeen = 0;
    for (let seed = 1; seed <= DAYS; seed++) {
      const day = makeDay(seed);
      const { calls } = runDay(day.tickets, day.counters, day.rules);
      const arrival = new Map(day.tickets.map((x, i) => [x.number, i]));
      const priority = new Map(day.tickets.map((x) => [x.number, x.priority]));
      // Counted from the calls alone: a priority call passes every normal ticket waiting that came before it.
      const row = new Map<string, number>();
      const called = new Set<string>();
      for (const call of calls) {
        called.add(call.number);
        if (priority.get(call.number) === null) {
          row.clear();
          continue;
        }
        for (const x of day.tickets) {
          const waitingBefore = !called.has(x.number) && x.priority === null && x.arrives <= call.minute;
          if (waitingBefore && (arrival.get(x.number) as number) < (arrival.get(call.number) as number)) {
            row.set(x.number, (row.get(x.number) ?? 0) + 1);
            passesSeen++;
            expect(row.get(x.number), `seed ${seed}: ${x.number}`).toBeLessThanOrEqual(day.rules.maxPasses);
          }
        }
      }
    }
    // The days do exercise passing.
    expect(passesSeen).toBeGreaterThan(DAYS);
  });

  it(`no normal ticket is passed later than maxExtraMinutes after its first pass (${DAYS} days)`, () => {
    for (let seed = 1; seed <= DAYS; seed++) {
      const day = makeDay(seed);
      const { calls } = runDay(day.tickets, day.counters, day.rules);
      const first = new Map<string, number>();
      for (const call of calls) {
        for (const n of call.passed) {
          if (!first.has(n)) first.set(n, call.minute);
          expect(call.minute - (first.get(n) as number), `seed ${seed}: ${n}`).toBeLessThan(day.rules.maxExtraMinutes);
        }
      }
    }
  });

  it(`at one counter, a normal ticket waits at most maxExtraMinutes (plus the last passing service) longer than without priorities (${DAYS} days)`, () => {
    let delayed = 0;
    for (let seed = 1; seed <= DAYS; seed++) {
      const day = makeDay(seed);
      const withPriority = runDay(day.tickets, 1, day.rules);
      const without = runDay(day.tickets, 1, { maxPasses: 0, maxExtraMinutes: day.rules.maxExtraMinutes });
      const longest = Math.max(...day.tickets.map((x) => x.duration));
      for (const n of day.tickets.filter((x) => !x.priority)) {
        const extra = (withPriority.calledAt.get(n.number) as number) - (without.calledAt.get(n.number) as number);
        if (extra > 0) delayed++;
        expect(extra, `seed ${seed}: ${n.number}`).toBeLessThanOrEqual(day.rules.maxExtraMinutes + longest);
      }
    }
    expect(delayed).toBeGreaterThan(0);
  });
});
