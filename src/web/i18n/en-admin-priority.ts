// English for the admin console's 优先 parts (see zh-admin-priority.ts).
import type { zhAdminPriority } from './zh-admin-priority.js';

export const enAdminPriority: Record<keyof typeof zhAdminPriority, string> = {
  'admin.prio.rule': 'Priority rule (优先)',
  'admin.prio.lead': 'Which groups this hall calls first, and how far they may go ahead. Without a rule of its own the hall uses the server defaults.',
  'admin.prio.groups': 'Groups given priority',
  'admin.prio.groupsNone': 'No priority',
  'admin.prio.ruleText':
    'Priority for: {groups}; elderly from {age}; at most {passes} numbers passed in a row, for at most {minutes} minutes; green lane {reserve} a day per service',
  'admin.prio.defaults': '(server defaults)',
  'admin.prio.age': 'Elderly from age',
  'admin.prio.maxPasses': 'Normal numbers passed in a row at most (0: no priority calling)',
  'admin.prio.maxExtraMinutes': 'Longest extra wait for a normal number (minutes)',
  'admin.prio.reserve': 'Green lane per service and day (0: none)',
  'admin.prio.save': 'Save priority rule',
  'admin.prio.saved': 'Priority rule saved',
  'admin.fig.priorityTickets': 'Priority',
  'admin.fig.priorityAverageWaitMinutes': 'Priority mean wait (min)',
};
