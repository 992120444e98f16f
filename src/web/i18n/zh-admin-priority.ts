// 简体中文 for the admin console's 优先 parts: the hall's priority rule and the report's priority
// columns; only the console loads it (admin-messages.ts). en-admin-priority.ts has the same keys.
export const zhAdminPriority = {
  'admin.prio.rule': '优先规则',
  'admin.prio.lead': '本大厅为哪些人群提供优先叫号，以及优先的上限。未单独设置时使用系统默认值。',
  'admin.prio.groups': '提供优先的人群',
  'admin.prio.groupsNone': '不提供优先',
  'admin.prio.ruleText': '优先人群：{groups}；{age} 岁及以上为老年人；连续最多越过 {passes} 个号，最多 {minutes} 分钟；绿色通道每项业务每天 {reserve} 个',
  'admin.prio.defaults': '（系统默认）',
  'admin.prio.age': '老年人年龄（岁）',
  'admin.prio.maxPasses': '连续越过普通号上限（个，0 为不优先叫号）',
  'admin.prio.maxExtraMinutes': '普通号最多多等（分钟）',
  'admin.prio.reserve': '绿色通道（每项业务每天，个，0 为不设）',
  'admin.prio.save': '保存优先规则',
  'admin.prio.saved': '优先规则已保存',
  'admin.fig.priorityTickets': '优先号',
  'admin.fig.priorityAverageWaitMinutes': '优先号平均等候（分钟）',
} as const;
