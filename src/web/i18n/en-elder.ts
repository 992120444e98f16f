// English for 长辈版: the same keys as zh-elder.ts.
import type { zhElder } from './zh-elder.js';

export const enElder: Record<keyof typeof zhElder, string> = {
  'elder.on': 'Larger text',
  'elder.off': 'Standard text',
  'elder.repeat': 'Say it again',
  'elder.stepOf': 'Step {n} of {total}',
  'elder.step.date': 'Which day will you come?',
  'elder.step.slot': 'What time will you come?',
  'elder.step.form': 'Your ID card number and mobile phone',
  'elder.chosenDay': 'Your day:',
  'elder.chosenTime': 'Your time:',
  'elder.changeDay': 'Another day',
  'elder.changeTime': 'Another time',
  'elder.next': 'Next',
};
