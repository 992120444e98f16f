import { describe, expect, it } from 'vitest';
import { type AuditLine, actionName, appendPage, auditQuery, auditSummary, auditTarget, nextCursor, serviceChanges } from './audit-logic.js';

const entry = (action: string, details: Record<string, unknown> = {}, id = 1): AuditLine => ({
  id,
  at: '2026-11-25T01:30:00.000Z',
  actor: 'admin',
  action,
  target: 'x',
  details,
});

const schedule = {
  slots: [
    { start: '09:00', end: '10:00', capacity: 10 },
    { start: '10:00', end: '11:00', capacity: 10 },
    { start: '11:00', end: '12:00', capacity: 10 },
  ],
  openingHours: [{ start: '09:00', end: '12:00' }],
  openWeekdays: [1, 2, 3, 4, 5],
  walkInQuota: 50,
  bookingWindowDays: 7,
  checkInBeforeMinutes: 60,
};

describe('actionName', () => {
  it('names known actions in both languages and keeps unknown codes', () => {
    expect(actionName('calendar.closed', 'zh')).toBe('设为闭馆');
    expect(actionName('calendar.closed', 'en')).toBe('Day closed');
    expect(actionName('something.new', 'en')).toBe('something.new');
    expect(actionName('notification.resend', 'zh')).toBe('重发短信');
  });
});

describe('serviceChanges', () => {
  it('says which settings changed, slot by slot', () => {
    const after = {
      letter: 'Y',
      nameZh: '医社保办理',
      schedule: {
        ...schedule,
        slots: [
          { start: '09:00', end: '10:00', capacity: 12 },
          { start: '10:00', end: '11:00', capacity: 10 },
          { start: '14:00', end: '15:00', capacity: 5 },
        ],
        walkInQuota: 40,
        openWeekdays: [1, 2, 3],
      },
    };
    const before = { letter: 'Y', nameZh: '医社保', schedule };
    expect(serviceChanges(before, after, 'zh')).toEqual(['中文名称', '预约时段与名额 09:00 10→12, −11:00, +14:00(5)', '开放日', '每日现场号名额 50→40']);
    expect(serviceChanges(before, after, 'en')[3]).toBe('Walk-in numbers per day 50→40');
  });

  it('has nothing to say about unreadable details', () => {
    expect(serviceChanges(null, {}, 'zh')).toEqual([]);
  });
});

describe('auditSummary', () => {
  it.each([
    [entry('service.create', { letter: 'G', nameZh: '公积金', nameEn: 'Housing fund' }), 'zh', '公积金'],
    [entry('service.create', { letter: 'G', nameZh: '公积金', nameEn: 'Housing fund' }), 'en', 'Housing fund'],
    [entry('service.update', { before: { schedule }, after: { schedule } }), 'en', 'No change'],
    [entry('calendar.closed', { note: '国庆' }), 'zh', '国庆'],
    [entry('calendar.cancel_bookings', { cancelled: 3 }), 'zh', '取消了 3 个预约'],
    [entry('staff.create', { role: 'staff' }), 'en', 'Counter staff'],
    [entry('device.create', { name: '入口取号机' }), 'zh', '入口取号机'],
    [entry('ticket.call_out_of_order', { counter: 2 }), 'zh', '2 号窗口'],
    [entry('ticket.transfer', { from: 1, to: 3 }), 'en', 'Service #1 → #3'],
    [{ ...entry('ticket.transfer', { from: 1, to: 2 }), names: { from: 'Y 医社保办理', to: 'H 护照通行证办理' } }, 'zh', '业务 Y 医社保办理 → H 护照通行证办理'],
    [entry('notification.resend', { kind: 'booking.confirmed', error: 'HTTP 400' }), 'zh', '预约成功 · HTTP 400'],
    [entry('notification.resend', { kind: 'ticket.called', error: null }), 'en', 'Called to a counter'],
    [entry('staff.reset_password'), 'zh', ''],
    [entry('other.thing', { a: 1 }), 'zh', '{"a":1}'],
  ] as const)('%j in %s -> %s', (e, lang, text) => {
    expect(auditSummary(e, lang)).toBe(text);
  });

  it('names a device the server named, and keeps the recorded target beside it', () => {
    expect(auditTarget({ target: 'device #1', names: { target: '东门取号机' } })).toBe('东门取号机 · device #1');
    expect(auditTarget({ target: 'Y20261125090001' })).toBe('Y20261125090001');
  });

  it('shortens long unknown details', () => {
    expect(auditSummary(entry('other.thing', { text: 'x'.repeat(300) }), 'en')).toHaveLength(140);
  });
});

describe('filter and paging', () => {
  it('sends only the filled-in filter fields', () => {
    expect(auditQuery({ from: '2026-11-01', to: '', actor: ' admin ', action: 'calendar.' })).toEqual({
      from: '2026-11-01',
      actor: 'admin',
      action: 'calendar.',
    });
  });

  it('pages back from the smallest id of a full page', () => {
    expect(nextCursor([{ id: 9 }, { id: 8 }, { id: 7 }], 3)).toBe(7);
    expect(nextCursor([{ id: 9 }, { id: 8 }], 3)).toBeNull();
  });

  it('appends a page without repeating entries', () => {
    expect(appendPage([{ id: 9 }, { id: 8 }], [{ id: 8 }, { id: 7 }]).map((e) => e.id)).toEqual([9, 8, 7]);
  });
});
