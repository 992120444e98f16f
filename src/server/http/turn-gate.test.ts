import { describe, expect, it } from 'vitest';
import { TurnGate } from './turn-gate.js';

/** Counts turns of the event loop (one per check phase) until stopped. */
function turnCounter() {
  let turn = 0;
  let on = true;
  const tick = () => {
    turn++;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn, stop: () => (on = false) };
}

const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));

describe('the turn gate', () => {
  it('with no connection arriving, every request starts at once', () => {
    const gate = new TurnGate({ perTurn: 2, onForMs: 1000 });
    const started: number[] = [];
    for (let i = 0; i < 50; i++) gate.admit(() => started.push(i));
    expect(started).toHaveLength(50);
    expect(gate.waiting).toBe(0);
  });

  it('while connections arrive, a turn starts at most perTurn requests; the others start in later turns, in the order they came', async () => {
    const gate = new TurnGate({ perTurn: 2, onForMs: 60_000 });
    gate.connectionAccepted();
    const turns = turnCounter();
    const started: { i: number; turn: number }[] = [];
    for (let i = 0; i < 11; i++) gate.admit(() => started.push({ i, turn: turns.now() }));
    // The first two now, the rest wait.
    expect(started.map((s) => s.i)).toEqual([0, 1]);
    expect(gate.waiting).toBe(9);
    await settle();
    turns.stop();
    expect(started.map((s) => s.i)).toEqual([...Array(11).keys()]);
    const perTurn = new Map<number, number>();
    for (const s of started) perTurn.set(s.turn, (perTurn.get(s.turn) ?? 0) + 1);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(2);
    // Spread over at least 6 different turns (2 + 9 waiting at 2 a turn).
    expect(perTurn.size).toBeGreaterThanOrEqual(6);
  });

  it('a request that comes while others wait starts after them, even in a turn with room', async () => {
    const gate = new TurnGate({ perTurn: 2, onForMs: 60_000 });
    gate.connectionAccepted();
    const order: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) gate.admit(() => order.push(name));
    // A later turn: the count of this turn is back to 0, but c, d and e still wait.
    await new Promise((r) => setImmediate(r));
    gate.admit(() => order.push('late'));
    await settle();
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e', 'late']);
  });

  it('once connections stopped arriving, everyone waiting starts in the next release', async () => {
    let now = 0;
    const gate = new TurnGate({ perTurn: 1, onForMs: 1000, now: () => now });
    gate.connectionAccepted();
    const started: number[] = [];
    for (let i = 0; i < 20; i++) gate.admit(() => started.push(i));
    expect(started).toEqual([0]);
    now = 1001;
    await new Promise((r) => setImmediate(r));
    expect(started).toHaveLength(20);
    // And from then on, at once again.
    gate.admit(() => started.push(20));
    expect(started).toHaveLength(21);
  });

  it('refuses a gate that would start nothing', () => {
    expect(() => new TurnGate({ perTurn: 0, onForMs: 1000 })).toThrow(RangeError);
  });
});
