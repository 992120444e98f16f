// 简体中文 for text messages on the citizen screens: the choice on the booking form, the line on
// the confirmation, the 短信提醒 switch in 我的预约 and forgetting the phone when cancelling.
// Spread into zh.ts; en-messages.ts has the same keys.
export const zhMessages = {
  'sms.optIn': '接收短信通知（预约确认、前一天和开始前 1 小时提醒、叫号提醒）',
  'sms.optInNote': '手机号仅为发送这些短信加密保存，在预约日期 {days} 天后删除。不接收短信也可正常预约和取号。',
  'sms.confirmOn': '短信通知已开启：预约确认、前一天和开始前 1 小时提醒、叫号提醒将发到 {phone}。',
  'sms.confirmOff': '您选择了不接收短信通知，可在“我的预约”中随时开启。',
  'sms.switch': '短信提醒',
  'sms.switchOn': '已开启',
  'sms.switchOff': '已关闭',
  'sms.switchSaving': '正在保存…',
  'sms.switchFailed': '没能更改短信提醒，仍为原来的设置：{reason}',
  'sms.forgetPhone': '同时删除为发送短信保存的手机号（将不再收到取消短信）',
  'sms.code': '短信验证码',
  'sms.codeGet': '获取验证码',
  'sms.codeAgain': '重新获取',
  'sms.codeWait': '{n} 秒后可重新获取',
  'sms.codeSending': '正在发送…',
  'sms.codeSent': '验证码已发送至 {phone}，{minutes} 分钟内有效',
  'sms.codeHint': '先点击“获取验证码”，我们会把 6 位验证码发到上面的手机号',
  'sms.codeHintCancel': '取消前请验证手机号：验证码将发到 {phone}',
  'sms.codeEmpty': '请填写短信验证码（没有收到可点击“获取验证码”）',
  'sms.codeFormat': '验证码为 6 位数字',
} as const;
