// 简体中文 for 好差评: the rating form (评价器, the ticket page), 差评 cases and the satisfaction figures.
// Spread into zh.ts; en-rating.ts has the same keys.
export const zhRating = {
  'rate.level.very_satisfied': '非常满意',
  'rate.level.satisfied': '满意',
  'rate.level.basic': '基本满意',
  'rate.level.dissatisfied': '不满意',
  'rate.level.very_dissatisfied': '非常不满意',
  'rate.reason.efficiency': '服务效率',
  'rate.reason.skill': '服务水平',
  'rate.reason.attitude': '服务态度',
  'rate.reason.overall': '整体满意度',
  'rate.channel.evaluator': '评价器',
  'rate.channel.web': '扫码评价',
  'rate.channel.message': '短信邀请',
  'admin.dev.kind.evaluator': '评价器',
} as const;
