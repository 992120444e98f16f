// 代办: a citizen books for another person (an elderly parent, a spouse …). The principal's ID card
// is the booking's person: their limits and 爽约 rules apply to them. The agent gives their own ID
// card and phone: texts go to the agent's phone, and either ID card checks the booking in. An agent
// may hold at most MAX_AGENT_BOOKINGS upcoming bookings for others (it stops one person booking
// places in many names).

export const AGENT_RELATIONS = ['child', 'spouse', 'other'] as const;
export type AgentRelation = (typeof AGENT_RELATIONS)[number];
export const isAgentRelation = (v: string): v is AgentRelation => (AGENT_RELATIONS as readonly string[]).includes(v);

export const MAX_AGENT_BOOKINGS = 5;

export type AgentRefusal = 'AGENT_IS_PRINCIPAL' | 'AGENT_LIMIT';

/**
 * Why an agent may not book this one, or null: the agent cannot be the principal, and their
 * upcoming bookings for others (booked, not yet checked in, from today) stay within the limit.
 * `agentId` and `principalId` are the same kind of key: both ID card numbers, or both their hashes.
 */
export function agentRefusal(agentId: string, principalId: string, upcomingForOthers: number): AgentRefusal | null {
  if (agentId === principalId) return 'AGENT_IS_PRINCIPAL';
  if (upcomingForOthers >= MAX_AGENT_BOOKINGS) return 'AGENT_LIMIT';
  return null;
}
