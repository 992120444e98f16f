// Stable error codes of the API and their messages in both languages. The server sends them;
// the web apps show them. `{name}` placeholders are filled from the error's details.

export const ERROR_MESSAGES = {
  VALIDATION: { zh: '请求内容不正确：{reason}', en: 'The request is not valid: {reason}' },
  INVALID_ID_CARD: { zh: '身份证号不正确：{reason}', en: 'ID card number is not valid: {reason}' },
  INVALID_PHONE: { zh: '手机号不正确，请输入 11 位大陆手机号', en: 'Phone number is not valid: enter an 11-digit mainland mobile number' },
  SERVICE_NOT_FOUND: { zh: '没有这项业务', en: 'No such service' },
  SLOT_NOT_BOOKABLE: { zh: '该时段不可预约：{reason}', en: 'This time slot cannot be booked: {reason}' },
  SLOT_FULL: { zh: '该时段已约满，请选择其他时段', en: 'This time slot is fully booked; please choose another' },
  DUPLICATE_BOOKING: {
    zh: '您当天已预约过该业务，请勿重复预约',
    en: 'You already have a booking for this service on that day',
  },
  BOOKING_LIMIT: {
    zh: '您已有 {limit} 个未办理的预约，请办理或取消后再预约',
    en: 'You already have {limit} upcoming bookings; attend or cancel one first',
  },
  BOOKING_BLOCKED: {
    zh: '因 {count} 次爽约，暂停网上预约，{until} 起可再预约；现场取号不受影响',
    en: 'Online booking is closed to you after {count} missed bookings; you can book again from {until}. Walk-in numbers at the hall are not affected',
  },
  NOT_CANCELLABLE: { zh: '该预约当前状态不能取消', en: 'This booking can no longer be cancelled' },
  NOT_RESENDABLE: { zh: '只有发送失败的短信才能重发', en: 'Only a message that failed can be sent again' },
  ALREADY_STARTED: { zh: '预约时段已开始，不能取消', en: 'The booked time has already started; it cannot be cancelled' },
  NOT_RESCHEDULABLE: { zh: '该预约当前状态不能改约', en: 'This booking can no longer be moved to another time' },
  RESCHEDULE_TOO_LATE: { zh: '预约时段已开始，不能改约', en: 'The booked time has already started; it cannot be moved' },
  RESCHEDULE_LIMIT: {
    zh: '每个预约最多改约 {limit} 次，如需其他时间请取消后重新预约',
    en: 'A booking can be moved at most {limit} times; cancel it and book again for another time',
  },
  RESCHEDULE_SAME_SLOT: { zh: '新时段与原预约相同，请选择其他时段', en: 'That is the time already booked; choose another' },
  NO_BOOKING: { zh: '无预约记录', en: 'No booking found for today' },
  BOOKING_OTHER_HALL: {
    zh: '您今天的预约在{hall}，请到该大厅取号',
    en: 'Your booking today is at {hall}; please check in there',
  },
  HALL_NOT_FOUND: { zh: '没有这个大厅', en: 'No such hall' },
  HALL_CODE_TAKEN: {
    zh: '大厅代码 {code} 已被使用',
    en: 'Hall code {code} is already used',
  },
  NOT_IN_CATALOG: {
    zh: '服务目录中没有字母为 {letter} 的业务，请先由市级管理员加入目录',
    en: 'The catalogue has no service with letter {letter}; a city admin must add it first',
  },
  BOOKING_SERVED: {
    zh: '该预约已办结',
    en: 'This booking has already been served',
  },
  TOO_EARLY: {
    zh: '还未到取号时间，请于 {opensAt} 后取号',
    en: 'Too early to check in; check-in opens at {opensAt}',
  },
  BOOKING_EXPIRED: {
    zh: '预约时段已过，请现场取号',
    en: 'Your booked time has passed; please take a walk-in number',
  },
  HALL_CLOSED: { zh: '现在不在办理时间内', en: 'The hall is not serving this now' },
  WALK_IN_FULL: { zh: '今日现场号已取完', en: "Today's walk-in numbers are all taken" },
  IDEMPOTENCY_MISMATCH: {
    zh: '同一个 Idempotency-Key 不能用于不同的预约请求',
    en: 'This Idempotency-Key was already used for a different booking request',
  },
  WAITLIST_NOT_FULL: {
    zh: '还有空余名额，请直接预约',
    en: 'There are still places free; please book one directly',
  },
  WAITLIST_LIMIT: {
    zh: '您已在 {limit} 个候补队列中，请先退出一个',
    en: 'You are already on {limit} waiting lists; leave one first',
  },
  WAITLIST_DUPLICATE: {
    zh: '您已在该业务当天的候补队列中',
    en: 'You are already on the waiting list for this service that day',
  },
  WAITLIST_CLOSED: {
    zh: '距该时段开始已不足 2 小时，不再候补，请选择其他时段',
    en: 'This time starts in less than 2 hours; the waiting list is closed',
  },
  WAITLIST_ENDED: { zh: '该候补已结束', en: 'This waiting-list entry has ended' },
  OFFER_GONE: {
    zh: '该候补名额已失效（已过期或已使用）',
    en: 'This offer is no longer valid (expired or already used)',
  },
  NOT_FOUND: { zh: '找不到请求的内容', en: 'Not found' },
  UNAUTHORIZED: { zh: '请先登录', en: 'Please sign in first' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  INVALID_CREDENTIALS: { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    zh: '登录失败次数过多，请 {retryAfter} 秒后再试',
    en: 'Too many failed sign-ins; try again in {retryAfter} seconds',
  },
  PASSWORD_CHANGE_REQUIRED: { zh: '请先修改初始密码', en: 'Please change your one-time password first' },
  WEAK_PASSWORD: { zh: '密码太弱：{reason}', en: 'The password is too weak: {reason}' },
  USERNAME_TAKEN: { zh: '用户名已被使用', en: 'That username is already taken' },
  COUNTER_NOT_FOUND: { zh: '没有这个窗口', en: 'No such counter' },
  COUNTER_BUSY: {
    zh: '该窗口还有未办结的号 {number}，请先办结、过号或转移',
    en: 'This counter still has ticket {number} open; complete, skip or transfer it first',
  },
  QUEUE_EMPTY: { zh: '当前没有等候的号', en: 'Nobody is waiting' },
  COUNTER_PAUSED: { zh: '该窗口已暂停服务，请先恢复服务再叫号', en: 'This counter is paused; resume it before calling numbers' },
  COUNTER_CLOSED: { zh: '该窗口已关闭，请先开启窗口再叫号', en: 'This counter is closed; open it before calling numbers' },
  COUNTER_STATE: { zh: '窗口当前状态不能这样操作', en: 'The counter cannot do this in its current state' },
  TICKET_NOT_FOUND: { zh: '没有这个号', en: 'No such ticket' },
  TICKET_STATE: { zh: '该号当前状态不能这样操作', en: 'That ticket cannot do this in its current state' },
  PRIORITY_GROUP_OFF: {
    zh: '本大厅不设此类优先，请选择其他选项',
    en: 'This hall does not give priority to this group; choose another option',
  },
  AGENT_LIMIT: { zh: '每位代办人最多同时为他人保留 {limit} 个预约', en: 'An agent may hold at most {limit} upcoming bookings for other people' },
  ALREADY_RATED: { zh: '该号已经评价过了，感谢您的评价', en: 'This ticket has already been rated; thank you' },
  RATING_NOT_FINISHED: { zh: '办结后才能评价', en: 'A ticket can be rated once it has been served' },
  RATING_WINDOW_OVER: { zh: '已超过评价期限（办件后 7 天内可评价）', en: 'The time to rate this has passed (ratings are open for 7 days)' },
  CASE_NOT_FOUND: { zh: '没有这个差评整改单', en: 'No such follow-up case' },
  CASE_STATE: { zh: '整改单当前状态不能这样操作（可能已被他人处理），请刷新', en: 'The case cannot do this in its current state (someone may have moved it); reload' },
  SERVICE_LETTER_TAKEN: { zh: '字母 {letter} 已被其他业务使用', en: 'Letter {letter} is already used by another service' },
  SCHEDULE_INVALID: { zh: '业务时间设置有误：{reason}', en: 'The schedule is not valid: {reason}' },
  CAPACITY_BELOW_BOOKED: {
    zh: '{date} {slot} 已有 {reserved} 人预约，名额不能少于已预约人数',
    en: '{reserved} people have already booked {slot} on {date}; the capacity cannot go below that',
  },
  SLOT_HAS_BOOKINGS: {
    zh: '{date} {slot} 时段已有 {reserved} 人预约，不能删除该时段',
    en: '{reserved} people have booked {slot} on {date}; that slot cannot be removed',
  },
  QUOTA_BELOW_ISSUED: { zh: '今日已发出的现场号多于新的限额', en: "Today's walk-in numbers already issued exceed the new quota" },
  CONFIRMATION_REQUIRED: {
    zh: '{date} 已有 {bookings} 个预约；确认闭馆后这些预约将被取消',
    en: '{bookings} bookings exist on {date}; confirm to close the day and cancel them',
  },
  PERSON_HAS_ACTIVE_BOOKINGS: {
    zh: '此人还有 {bookings} 个未结束的预约；请先取消，再删除其个人信息',
    en: 'This person still has {bookings} booking(s) ahead; cancel them first, then erase their data',
  },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  VERIFY_OFF: { zh: '本系统未启用短信验证码', en: 'Text-message codes are not used here' },
  VERIFY_TOO_MANY: { zh: '验证码发送过于频繁，请一小时后再试', en: 'Too many codes asked for; please try again in an hour' },
  VERIFY_CODE_REQUIRED: { zh: '请先获取并填写短信验证码', en: 'Ask for a text-message code first and enter it' },
  VERIFY_CODE_WRONG: { zh: '验证码不正确', en: 'The code is not right' },
  VERIFY_CODE_EXPIRED: { zh: '验证码已过期，请重新获取', en: 'The code has expired; ask for a new one' },
  VERIFY_CODE_USED: { zh: '验证码已使用，请重新获取', en: 'The code was used already; ask for a new one' },
  VERIFY_CODE_TRIES: { zh: '验证码错误次数过多，请重新获取', en: 'Too many wrong tries; ask for a new code' },
  CROSS_ORIGIN: {
    zh: '请求来自其他网站，已拒绝',
    en: 'The request came from another site and was refused',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '请求内容类型不支持，请使用 application/json',
    en: 'Unsupported content type; send application/json',
  },
  TICKET_PASSED: {
    zh: '您的号已过号，且已重新排过一次队，请联系工作人员',
    en: 'Your number was passed and has already been back in the queue once; please ask staff',
  },
  STORE_UNAVAILABLE: {
    zh: '数据库暂时无法访问，请稍后再试',
    en: 'The database is temporarily unavailable; please try again shortly',
  },
  SHUTTING_DOWN: {
    zh: '服务器正在重启，请稍后再试',
    en: 'The server is restarting; please try again shortly',
  },
  INTERNAL: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * Messages that say more when the refusal's details carry a value (`when`); without it the code's
 * plain message above is used. HALL_CLOSED says when the service opens, if it still does today.
 */
export const DETAILED_MESSAGES: Partial<Record<ErrorCode, { when: string; zh: string; en: string }>> = {
  BOOKING_BLOCKED: {
    when: 'dates',
    zh: '因 {count} 次爽约（{dates}），暂停网上预约，{until} 起可再预约；现场取号不受影响',
    en: 'Online booking is closed to you after {count} missed bookings ({dates}); you can book again from {until}. Walk-in numbers at the hall are not affected',
  },
  HALL_CLOSED: {
    when: 'opensAt',
    zh: '现在不在办理时间内，{opensAt} 开始办理',
    en: 'The hall is not serving this now; it opens at {opensAt}',
  },
};
export type Lang = 'zh' | 'en';

/** Reasons given inside VALIDATION / INVALID_ID_CARD / SLOT_NOT_BOOKABLE messages. */
export const REASON_MESSAGES = {
  // ID card
  EMPTY: { zh: '不能为空', en: 'it is empty' },
  LEGACY_15: {
    zh: '15 位旧身份证号已停用，请使用 18 位号码',
    en: 'old 15-digit numbers are no longer accepted; use the 18-character number',
  },
  LENGTH: { zh: '应为 18 位', en: 'it must be 18 characters long' },
  FORMAT: { zh: '前 17 位应为数字，最后一位为数字或 X', en: 'the first 17 characters must be digits, the last a digit or X' },
  REGION: { zh: '地区码不存在', en: 'the region code does not exist' },
  BIRTH_DATE: { zh: '出生日期不存在', en: 'the birth date does not exist' },
  BIRTH_FUTURE: { zh: '出生日期在未来', en: 'the birth date is in the future' },
  CHECKSUM: { zh: '校验位不正确，请核对号码', en: 'the check character does not match; please check the number' },
  // slots
  past: { zh: '时间已过', en: 'it is in the past' },
  closed: { zh: '当天不办理该业务', en: 'the hall does not serve this on that day' },
  outside_window: { zh: '超出可预约日期范围', en: 'it is outside the booking window' },
  no_such_slot: { zh: '没有这个时段', en: 'there is no such time slot' },
  full: { zh: '已约满', en: 'it is fully booked' },
  // passwords
  TOO_SHORT: { zh: '至少 10 个字符', en: 'use at least 10 characters' },
  TOO_LONG: { zh: '最多 200 个字符', en: 'use at most 200 characters' },
  TOO_SIMPLE: {
    zh: '请混用字母、数字或符号，且不要包含用户名',
    en: 'mix letters, digits or symbols and do not include the username',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ReasonCode = keyof typeof REASON_MESSAGES;

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function errorMessage(code: ErrorCode, lang: Lang, details: Record<string, unknown> = {}): string {
  const params: Record<string, unknown> = { ...details };
  const reason = details.reason;
  if (typeof reason === 'string' && reason in REASON_MESSAGES) params.reason = REASON_MESSAGES[reason as ReasonCode][lang];
  const detailed = DETAILED_MESSAGES[code];
  const template = detailed && details[detailed.when] !== undefined ? detailed[lang] : ERROR_MESSAGES[code][lang];
  return formatMessage(template, params);
}
