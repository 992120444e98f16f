// English for 优先 tickets; the same keys and placeholders as zh-priority.ts.
import type { zhPriority } from './zh-priority.js';

export const enPriority: Record<keyof typeof zhPriority, string> = {
  'priority.label': 'Priority',
  'priority.withGroup': 'Priority · {group}',
  'priority.elderly': 'Senior',
  'priority.disabled': 'Disability',
  'priority.pregnant': 'Pregnant',
  'priority.military': 'Service member',
  'priority.choiceTitle': 'Priority service (optional)',
  'priority.auto': 'Automatic (seniors get priority)',
  'priority.none': 'No priority',
  'priority.notice': 'If you choose disability, pregnancy or (retired) service member, please show your papers at the counter: staff will check them.',
  'priority.set': 'Priority group',
  'priority.setNone': 'None',
  'priority.saved': 'Set to {what}',
  'priority.cleared': 'Priority removed',
  'priority.greenLane': 'All taken today · green lane for seniors ({n} left)',
};
