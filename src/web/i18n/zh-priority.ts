// 简体中文 for 优先 tickets: the kiosk's choice, the ticket, the counter and the display board.
// Spread into zh.ts; en-priority.ts has the same keys and placeholders.
export const zhPriority = {
  'priority.label': '优先',
  'priority.withGroup': '优先 · {group}',
  'priority.elderly': '老年人',
  'priority.disabled': '残疾人',
  'priority.pregnant': '孕妇',
  'priority.military': '军人',
  'priority.choiceTitle': '优先服务（可选）',
  'priority.auto': '自动判断（老年人优先）',
  'priority.none': '不需要优先',
  'priority.notice': '选择残疾人、孕妇、现役军人或退役军人优先的，请到窗口时出示相关证件，工作人员将核验。',
  'priority.set': '优先类别',
  'priority.setNone': '无',
  'priority.saved': '已设为 {what}',
  'priority.cleared': '已取消优先',
  'priority.greenLane': '今日已取完 · 老年人绿色通道可取（余 {n} 个）',
} as const;
