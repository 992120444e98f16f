// Text messages to citizens: the kinds, their variables and their default wording in zh and en.
// A template names its variables as {name}; every name must be a declared variable of its kind
// (checked when the server starts, so a typo fails there and not at 3 a.m. at send time).

export const MESSAGE_KINDS = [
  'booking.confirmed',
  'booking.reminder_day',
  'booking.reminder_hour',
  'booking.cancelled',
  'booking.hall_closed',
  'ticket.soon',
  'ticket.called',
  'ticket.passed',
  'verify.code',
  'waitlist.offer',
  'rating.invite',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type MessageLang = 'zh' | 'en';

/** The variables each kind may use. None of them is personal data: the outbox may keep them. */
export const MESSAGE_VARIABLES: Record<MessageKind, readonly string[]> = {
  'booking.confirmed': ['number', 'service', 'date', 'slot', 'hall', 'address', 'bring', 'link'],
  'booking.reminder_day': ['number', 'service', 'date', 'slot', 'hall', 'address', 'link'],
  'booking.reminder_hour': ['number', 'service', 'slot', 'hall', 'address', 'link'],
  'booking.cancelled': ['number', 'service', 'date', 'slot', 'hall'],
  'booking.hall_closed': ['number', 'service', 'date', 'slot', 'hall', 'reason', 'link'],
  'ticket.soon': ['callNumber', 'service', 'ahead', 'hall', 'link'],
  'ticket.called': ['callNumber', 'counter', 'hall'],
  'ticket.passed': ['callNumber', 'service', 'hall'],
  // The code is a secret: it is never kept in the outbox, only sealed with its phone until sent.
  'verify.code': ['code', 'minutes'],
  'waitlist.offer': ['service', 'date', 'slot', 'hall', 'until', 'link'],
  'rating.invite': ['number', 'service', 'date', 'hall', 'until', 'link'],
};

export type MessageTemplates = Record<MessageKind, Record<MessageLang, string>>;

export const DEFAULT_TEMPLATES: MessageTemplates = {
  'booking.confirmed': {
    zh: '【微预约】预约成功：{service}，{date} {slot}，办事编号 {number}。地点：{hall}（{address}）。请携带：{bring}。到场后在取号机签到：{link}',
    en: '[V-Reserve] Booked: {service}, {date} {slot}, number {number}. Place: {hall} ({address}). Bring: {bring}. Check in at the kiosk when you arrive: {link}',
  },
  'booking.reminder_day': {
    zh: '【微预约】提醒：您预约了明天 {date} {slot} 的{service}，办事编号 {number}，地点 {hall}（{address}）。不能前来请取消：{link}',
    en: '[V-Reserve] Reminder: {service} tomorrow {date} {slot}, number {number}, at {hall} ({address}). If you cannot come, please cancel: {link}',
  },
  'booking.reminder_hour': {
    zh: '【微预约】提醒：您预约的{service}将于 {slot} 开始，办事编号 {number}，地点 {hall}（{address}）。到场后请在取号机签到：{link}',
    en: '[V-Reserve] Reminder: your {service} starts at {slot}, number {number}, at {hall} ({address}). Check in at the kiosk when you arrive: {link}',
  },
  'booking.cancelled': {
    zh: '【微预约】您已取消预约：{service}，{date} {slot}，办事编号 {number}（{hall}）。',
    en: '[V-Reserve] You cancelled your booking: {service}, {date} {slot}, number {number} ({hall}).',
  },
  'booking.hall_closed': {
    zh: '【微预约】抱歉，{hall} {date} 不办公（{reason}），您的预约（{service} {slot}，办事编号 {number}）已取消。请重新预约：{link}',
    en: '[V-Reserve] Sorry, {hall} is closed on {date} ({reason}); your booking ({service} {slot}, number {number}) is cancelled. Book again: {link}',
  },
  'ticket.soon': {
    zh: '【微预约】{service} {callNumber} 号：前面还有 {ahead} 人，请回到{hall}等候区。查看进度：{link}',
    en: '[V-Reserve] {service} {callNumber}: {ahead} people ahead of you. Please come back to the waiting area of {hall}. Progress: {link}',
  },
  'ticket.called': {
    zh: '【微预约】请 {callNumber} 号到 {counter} 号窗口办理（{hall}）。',
    en: '[V-Reserve] Number {callNumber}, please go to counter {counter} ({hall}).',
  },
  'ticket.passed': {
    zh: '【微预约】{service} {callNumber} 号已过号。请到取号机重新签到（可排回队列一次），或咨询服务台（{hall}）。',
    en: '[V-Reserve] {service} {callNumber}: your number was passed. Check in again at the kiosk (you may rejoin the queue once) or ask at the help desk ({hall}).',
  },
  'verify.code': {
    zh: '【微预约】验证码 {code}，{minutes} 分钟内有效。请勿告诉他人；工作人员不会向您索要验证码。',
    en: '[V-Reserve] Your code is {code}, valid for {minutes} minutes. Do not share it; hall staff never ask for it.',
  },
  'waitlist.offer': {
    zh: '【微预约】候补成功：{service} {date} {slot}（{hall}）有空位为您保留至 {until}，请在此之前确认预约：{link}',
    en: '[V-Reserve] A place is free for you: {service} {date} {slot} ({hall}), held until {until}. Accept it before then: {link}',
  },  'rating.invite': {
    zh: '【微预约】您 {date} 在{hall}办理的{service}（办事编号 {number}）已办结，请为我们的服务评价（{until} 前有效）：{link}',
    en: '[V-Reserve] Your {service} at {hall} on {date} (number {number}) is done. Please rate our service (open until {until}): {link}',
  },

};

const VARIABLE = /\{([A-Za-z]+)\}/g;

/** What is wrong with a set of templates: unknown kinds, missing languages, unknown variables. */
export function templateProblems(templates: Partial<Record<string, Partial<Record<string, string>>>>): string[] {
  const problems: string[] = [];
  for (const [kind, byLang] of Object.entries(templates)) {
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
      problems.push(`unknown message kind "${kind}" (known: ${MESSAGE_KINDS.join(', ')})`);
      continue;
    }
    const allowed = MESSAGE_VARIABLES[kind as MessageKind];
    for (const [lang, text] of Object.entries(byLang ?? {})) {
      if (lang !== 'zh' && lang !== 'en') {
        problems.push(`${kind}: unknown language "${lang}" (zh or en)`);
        continue;
      }
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${kind}.${lang}: the text is empty`);
        continue;
      }
      for (const [, name] of text.matchAll(VARIABLE)) {
        if (!allowed.includes(name as string)) problems.push(`${kind}.${lang}: unknown variable {${name}} (allowed: ${allowed.join(', ')})`);
      }
    }
  }
  return problems;
}

/** Defaults with a hall's (or deployment's) own wording laid over them. */
export function mergeTemplates(overrides: Partial<Record<MessageKind, Partial<Record<MessageLang, string>>>>): MessageTemplates {
  const merged = structuredClone(DEFAULT_TEMPLATES);
  for (const kind of MESSAGE_KINDS) Object.assign(merged[kind], overrides[kind] ?? {});
  return merged;
}

export class MissingVariable extends Error {
  constructor(
    readonly kind: MessageKind,
    readonly variable: string,
  ) {
    super(`message ${kind} needs {${variable}}`);
  }
}

/** The text of one message. A variable the template uses but the caller did not give is an error. */
export function renderMessage(templates: MessageTemplates, kind: MessageKind, lang: MessageLang, vars: Readonly<Record<string, string>>): string {
  return templates[kind][lang].replace(VARIABLE, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new MissingVariable(kind, name);
    return value;
  });
}

/** Messages about a number being called now go out at any hour; the rest wait for quiet hours to end. */
export function isUrgent(kind: MessageKind): boolean {
  return kind === 'ticket.called' || kind === 'ticket.soon' || kind === 'ticket.passed' || kind === 'verify.code' || kind === 'waitlist.offer';
}

/** Whether a kind still makes sense to send late: a reminder after its slot began does not. */
export function expiresWithSlot(kind: MessageKind): boolean {
  return kind === 'booking.reminder_day' || kind === 'booking.reminder_hour';
}
