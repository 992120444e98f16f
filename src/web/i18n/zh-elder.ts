// 简体中文 for 长辈版 (larger text, stronger contrast): the switch every citizen screen shows.
// Spread into zh.ts; en-elder.ts has the same keys.
export const zhElder = {
  'elder.on': '长辈版',
  'elder.off': '标准版',
  'elder.repeat': '重听',
  'elder.stepOf': '第 {n} 步，共 {total} 步',
  'elder.step.date': '请选哪一天来办',
  'elder.step.slot': '请选几点来',
  'elder.step.form': '请填身份证号和手机号',
  'elder.chosenDay': '您选的日子：',
  'elder.chosenTime': '您选的时间：',
  'elder.changeDay': '换一天',
  'elder.changeTime': '换个时间',
  'elder.next': '下一步',
} as const;
