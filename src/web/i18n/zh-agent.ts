// 简体中文 for 代办 (booking for someone else): the booking form's fields and the counter's mark.
// Spread into zh.ts; en-agent.ts has the same keys.
export const zhAgent = {
  'agent.title': '代办',
  'agent.switch': '为他人预约（代办）',
  'agent.lead': '上面填写办事人的身份证号；手机号填写您（代办人）的，短信发到这个号码。办理时请携带办事人身份证和委托书。',
  'agent.idCard': '代办人（您）的身份证号',
  'agent.relation': '与办事人的关系',
  'agent.relation.child': '子女',
  'agent.relation.spouse': '配偶',
  'agent.relation.other': '其他',
  'agent.same': '代办人与办事人不能是同一人',
  'agent.shown': '代办（{relation}）',
  'agent.letter': '请核验委托书',
  'form.idCard.person': '办事人身份证号',
  'form.phone.agent': '代办人手机号',
} as const;
