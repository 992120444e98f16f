// English for 长辈版: the same keys as zh-elder.ts.
import type { zhElder } from './zh-elder.js';

export const enElder: Record<keyof typeof zhElder, string> = {
  'elder.on': 'Larger text',
  'elder.off': 'Standard text',
};
