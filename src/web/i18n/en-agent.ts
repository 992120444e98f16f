// English for 代办 (booking for someone else): the same keys as zh-agent.ts.
import type { zhAgent } from './zh-agent.js';

export const enAgent: Record<keyof typeof zhAgent, string> = {
  'agent.title': 'Booking for someone else',
  'agent.switch': 'Book for someone else (代办)',
  'agent.lead': 'Above, the ID card of the person who needs the service; the phone is yours (the agent’s): texts go to it. Bring their ID card and a letter of authorisation.',
  'agent.idCard': 'Your ID card number (the agent)',
  'agent.relation': 'Your relation to the person',
  'agent.relation.child': 'Son or daughter',
  'agent.relation.spouse': 'Spouse',
  'agent.relation.other': 'Other',
  'agent.same': 'The agent cannot be the person themself',
  'agent.shown': 'For someone else ({relation})',
  'agent.letter': 'Check the letter of authorisation',
  'form.idCard.person': 'ID card number of the person',
  'form.phone.agent': 'Your phone (the agent)',
};
