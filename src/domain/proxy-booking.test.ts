import { describe, expect, it } from 'vitest';
import { MAX_AGENT_BOOKINGS, agentRefusal, isAgentRelation } from './proxy-booking.js';

describe('代办', () => {
  it('an agent is not the principal, and holds at most 5 upcoming bookings for others', () => {
    expect(agentRefusal('a', 'a', 0)).toBe('AGENT_IS_PRINCIPAL');
    expect(agentRefusal('a', 'p', 0)).toBeNull();
    expect(agentRefusal('a', 'p', MAX_AGENT_BOOKINGS - 1)).toBeNull();
    expect(agentRefusal('a', 'p', MAX_AGENT_BOOKINGS)).toBe('AGENT_LIMIT');
    expect(MAX_AGENT_BOOKINGS).toBe(5);
  });
  it('knows the relations 子女, 配偶, 其他', () => {
    expect(['child', 'spouse', 'other'].every(isAgentRelation)).toBe(true);
    expect(isAgentRelation('friend')).toBe(false);
  });
});
