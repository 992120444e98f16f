// 简体中文 for 改约 (moving a booking to another slot): 我的预约, the booking pages and /t/ pages.
// Spread into zh.ts; en-reschedule.ts has the same keys and placeholders.
export const zhReschedule = {
  'status.rescheduled': '已改约',
  'reschedule.action': '改约',
  'reschedule.title': '改约：选择新的日期和时段',
  'reschedule.from': '原预约 {number}（{when}）将在改约成功后自动取消，名额同时释放。',
  'reschedule.left': '本预约还可改约 {n} 次。',
  'reschedule.formTitle': '确认改约',
  'reschedule.who': '请输入预约时使用的身份证号和手机号。',
  'reschedule.submit': '确认改约',
  'reschedule.sending': '正在改约…',
  'reschedule.done': '改约成功，原预约 {from} 已取消',
  'reschedule.movedTo': '已改约为 {number}',
  'reschedule.movedFrom': '由 {number} 改约',
  'reschedule.openNew': '查看新预约',
  'reschedule.keep': '不改约，返回我的预约',
  'ticket.rescheduledText': '该预约已改约，原号作废。请使用新的办事编号 {number}。',
} as const;
