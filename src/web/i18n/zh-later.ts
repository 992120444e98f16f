// 简体中文 of every screen but the booking page's first one (zh.ts has those): the service page and
// its form, the confirmation, 我的预约, the ticket page, 候补, 好差评, and the hall's staff and device
// screens. Added by later-messages.ts, which each of those screens imports: a phone opening `/`
// does not download them first. en.ts has the same keys (English comes in one chunk).
import { zhAgent } from './zh-agent.js';
import { zhHall } from './zh-hall.js';
import { zhMessages } from './zh-messages.js';
import { zhNoShow } from './zh-no-show.js';
import { zhPriority } from './zh-priority.js';
import { zhRating } from './zh-rating.js';
import { zhReschedule } from './zh-reschedule.js';
import { zhTicket } from './zh-ticket.js';
import { zhWaitlist } from './zh-waitlist.js';

export const zhLater = {
  ...zhNoShow,
  ...zhTicket,
  ...zhHall,
  ...zhMessages,
  ...zhWaitlist,
  ...zhReschedule,
  ...zhPriority,
  ...zhRating,
  ...zhAgent,
} as const;
