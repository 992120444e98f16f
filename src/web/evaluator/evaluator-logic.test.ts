import { describe, expect, it } from 'vitest';
import { type EvalState, type EvalTicket, IDLE, RATING_SCREEN_MS, THANKS_MS, evalStep } from './evaluator-logic.js';

const ticket = (number: string, state: 'open' | 'rated' | 'closed' = 'open'): EvalTicket => ({
  number,
  callNumber: 'A001',
  serviceName: '户籍办理',
  staffName: '王芳',
  finishedAt: '2026-11-25T01:10:00.000Z',
  rating: { state, level: null, until: '2026-12-02' },
});

const showing = (s: EvalState) => (s.phase.kind === 'rating' ? s.phase.ticket.number : s.phase.kind);

describe('the 评价器 screen', () => {
  it('shows a ticket its counter completed, and goes idle 60 s later if nobody rates it', () => {
    let s = evalStep(IDLE, { type: 'current', ticket: ticket('N1'), now: 0 });
    expect(showing(s)).toBe('N1');
    s = evalStep(s, { type: 'current', ticket: ticket('N1'), now: 3_000 });
    s = evalStep(s, { type: 'tick', now: RATING_SCREEN_MS - 1 });
    expect(showing(s)).toBe('N1');
    s = evalStep(s, { type: 'tick', now: RATING_SCREEN_MS });
    expect(showing(s)).toBe('idle');
    // A poll answered just before the server let it go does not bring it back.
    expect(showing(evalStep(s, { type: 'current', ticket: ticket('N1'), now: RATING_SCREEN_MS + 10 }))).toBe('idle');
  });

  it('goes idle when the server no longer offers the ticket, unless the citizen is choosing reasons', () => {
    const shown = evalStep(IDLE, { type: 'current', ticket: ticket('N1'), now: 0 });
    expect(showing(evalStep(shown, { type: 'current', ticket: null, now: 5_000 }))).toBe('idle');
    const touched = evalStep(shown, { type: 'touched', now: 50_000 });
    expect(showing(evalStep(touched, { type: 'current', ticket: null, now: 61_000 }))).toBe('N1');
    // A touch gives the citizen another 60 s.
    expect(showing(evalStep(touched, { type: 'tick', now: 50_000 + RATING_SCREEN_MS - 1 }))).toBe('N1');
    expect(showing(evalStep(touched, { type: 'tick', now: 50_000 + RATING_SCREEN_MS }))).toBe('idle');
  });

  it('thanks for a few seconds after rating, then idles; the rated number never comes back', () => {
    let s = evalStep(IDLE, { type: 'current', ticket: ticket('N1'), now: 0 });
    s = evalStep(s, { type: 'rated', number: 'N1', followUp: true, now: 1_000 });
    expect(s.phase).toEqual({ kind: 'thanks', followUp: true, until: 1_000 + THANKS_MS });
    expect(showing(evalStep(s, { type: 'current', ticket: ticket('N2'), now: 2_000 }))).toBe('thanks');
    s = evalStep(s, { type: 'tick', now: 1_000 + THANKS_MS });
    expect(showing(s)).toBe('idle');
    expect(showing(evalStep(s, { type: 'current', ticket: ticket('N1'), now: 7_000 }))).toBe('idle');
    expect(showing(evalStep(s, { type: 'current', ticket: ticket('N2'), now: 7_000 }))).toBe('N2');
  });

  it('thanks when the citizen rated the shown ticket on their phone, and ignores ratings of other tickets', () => {
    const s = evalStep(IDLE, { type: 'current', ticket: ticket('N1'), now: 0 });
    expect(showing(evalStep(s, { type: 'ratedElsewhere', number: 'N9', now: 1 }))).toBe('N1');
    expect(showing(evalStep(s, { type: 'ratedElsewhere', number: 'N1', now: 1 }))).toBe('thanks');
  });

  it('never shows a ticket that is no longer open, and moves to the next ticket only if nobody touched the screen', () => {
    expect(showing(evalStep(IDLE, { type: 'current', ticket: ticket('N1', 'rated'), now: 0 }))).toBe('idle');
    const s = evalStep(IDLE, { type: 'current', ticket: ticket('N1'), now: 0 });
    expect(showing(evalStep(s, { type: 'current', ticket: ticket('N2'), now: 1 }))).toBe('N2');
    const touched = evalStep(s, { type: 'touched', now: 1 });
    expect(showing(evalStep(touched, { type: 'current', ticket: ticket('N2'), now: 2 }))).toBe('N1');
  });
});
