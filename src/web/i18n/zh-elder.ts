// 简体中文 for 长辈版 (larger text, stronger contrast): the switch every citizen screen shows.
// Spread into zh.ts; en-elder.ts has the same keys.
export const zhElder = {
  'elder.on': '长辈版',
  'elder.off': '标准版',
} as const;
