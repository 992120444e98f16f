import { describe, expect, it } from 'vitest';
import { composeIdCard } from './id-card.js';
import { type PriorityEntry, nextToCall } from './priority.js';
import { type PriorityRule, hallKioskPriority, normalGroups, priorityRuleProblems } from './priority-rule.js';

const ALL: PriorityRule = { groups: ['elderly', 'disabled', 'pregnant', 'military'], age: 70, maxPasses: 3, maxExtraMinutes: 15, reserve: 5 };
/** 75 on 2026-12-03. */
const OLD = composeIdCard('11010519511203002');
const TODAY = '2026-12-03';

describe('the kiosk under a hall’s rule', () => {
  it.each([
    ['every group, elderly card', ALL, undefined, OLD, { ok: true, group: 'elderly' }],
    ['elderly off, elderly card: a normal ticket', { ...ALL, groups: ['disabled'] }, undefined, OLD, { ok: true, group: null }],
    ['elderly off, declared disabled', { ...ALL, groups: ['disabled'] }, 'disabled', OLD, { ok: true, group: 'disabled' }],
    ['pregnant off, declared pregnant: refused', { ...ALL, groups: ['elderly'] }, 'pregnant', undefined, { ok: false, group: 'pregnant' }],
    ['no groups, declined: fine', { ...ALL, groups: [] }, 'none', OLD, { ok: true, group: null }],
    ['age 80: 75 is not elderly', { ...ALL, age: 80 }, undefined, OLD, { ok: true, group: null }],
  ] as const)('%s', (_, rule, choice, card, expected) => {
    expect(hallKioskPriority(choice, card, TODAY, rule as PriorityRule)).toEqual(expected);
  });
});

describe('checking a rule', () => {
  it('accepts the defaults, refuses numbers out of the PRIORITY_* bounds and unknown or repeated groups', () => {
    expect(priorityRuleProblems(ALL)).toEqual([]);
    expect(priorityRuleProblems({ ...ALL, age: 49 })).toEqual(['age must be a whole number from 50 to 120']);
    expect(priorityRuleProblems({ ...ALL, maxExtraMinutes: 0, reserve: 1.5 })).toHaveLength(2);
    expect(priorityRuleProblems({ ...ALL, groups: ['elderly', 'elderly'] })).toEqual(['groups: a group is named twice']);
    expect(priorityRuleProblems({ ...ALL, groups: ['vip' as 'elderly'] })).toEqual(['groups: no such group vip']);
  });

  it('keeps groups in their fixed order', () => expect(normalGroups(['military', 'elderly'])).toEqual(['elderly', 'military']));

});

describe('call order under a hall’s groups', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 11, 3, 1, m)).toISOString();
  const e = (number: string, queued: number, priority: PriorityEntry['priority']): PriorityEntry => ({
    number,
    kind: 'walk_in',
    slotStart: null,
    queuedAt: at(queued),
    priority,
    passes: 0,
    firstPassedAt: null,
  });
  const now = { local: { date: TODAY, time: '09:30', minutes: 570 }, iso: at(30) };
  it('a ticket of a group the hall does not honour waits as a normal one', () => {
    const queue = [e('A', 0, null), e('B', 1, 'pregnant')];
    expect(nextToCall(queue, now, 'priority', ALL)?.ticket.number).toBe('B');
    const off = nextToCall(queue, now, 'priority', { ...ALL, groups: ['elderly'] });
    expect(off).toMatchObject({ ticket: { number: 'A' }, endsRow: true });
  });
});
