import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '../../domain/messages.js';
import { MESSAGE_STATUSES, appendOlder, canResend, dueLater, kindName, mayBeDuplicate, olderCursor, statusFilterOf, statusName } from './messages-logic.js';

describe('message kinds and statuses in words', () => {
  it.each([
    ['booking.confirmed', '预约成功', 'Booking confirmed'],
    ['booking.reminder_day', '前一天提醒', 'Reminder the day before'],
    ['booking.reminder_hour', '开始前 1 小时提醒', 'Reminder 1 hour before'],
    ['booking.cancelled', '预约已取消', 'Booking cancelled'],
    ['booking.hall_closed', '大厅闭馆通知', 'Hall closed'],
    ['ticket.soon', '即将到号', 'Turn coming soon'],
    ['ticket.called', '请到窗口办理', 'Called to a counter'],
    ['ticket.passed', '过号', 'Number passed'],
  ])('%s is %s / %s', (kind, zh, en) => {
    expect(kindName(kind, 'zh')).toBe(zh);
    expect(kindName(kind, 'en')).toBe(en);
  });

  it('names every kind the server sends, and keeps the code of one it does not know', () => {
    for (const kind of MESSAGE_KINDS) expect(kindName(kind, 'zh')).not.toBe(kind);
    expect(kindName('booking.something_new', 'en')).toBe('booking.something_new');
  });

  it('names the statuses in their order', () => {
    expect(MESSAGE_STATUSES.map((s) => statusName(s, 'zh'))).toEqual(['待发送', '发送中', '已发送', '失败', '已跳过']);
    expect(statusName('failed', 'en')).toBe('Failed');
  });
});

describe('flags on a row', () => {
  it('flags a sent message that took two or more attempts as maybe sent twice', () => {
    expect(mayBeDuplicate({ status: 'sent', attempts: 1 })).toBe(false);
    expect(mayBeDuplicate({ status: 'sent', attempts: 2 })).toBe(true);
    expect(mayBeDuplicate({ status: 'sent', attempts: 5 })).toBe(true);
    // Retried and not (yet) through: nothing reached the citizen twice.
    expect(mayBeDuplicate({ status: 'failed', attempts: 3 })).toBe(false);
    expect(mayBeDuplicate({ status: 'queued', attempts: 2 })).toBe(false);
  });

  it('offers resending on a failed message only', () => {
    expect(MESSAGE_STATUSES.filter((status) => canResend({ status }))).toEqual(['failed']);
  });

  it('says when a queued message is due, if later than it was queued', () => {
    const at = '2026-11-25T01:30:00.000Z';
    const evening = '2026-11-25T10:00:00.000Z';
    expect(dueLater({ status: 'queued', createdAt: at, nextAttemptAt: evening })).toBe(evening);
    expect(dueLater({ status: 'queued', createdAt: at, nextAttemptAt: at })).toBeNull();
    expect(dueLater({ status: 'sent', createdAt: at, nextAttemptAt: evening })).toBeNull();
    expect(dueLater({ status: 'queued', createdAt: at, nextAttemptAt: 'not a time' })).toBeNull();
  });
});

describe('filter and paging', () => {
  it('reads the status filter, anything else meaning every message', () => {
    expect(statusFilterOf('failed')).toBe('failed');
    expect(statusFilterOf('')).toBe('');
    expect(statusFilterOf(null)).toBe('');
    expect(statusFilterOf('deleted')).toBe('');
  });

  it('pages back from the smallest id of a full page, and stops after a short one', () => {
    expect(olderCursor([{ id: 9 }, { id: 7 }, { id: 8 }], 3)).toBe(7);
    expect(olderCursor([{ id: 9 }, { id: 7 }], 3)).toBeNull();
    expect(olderCursor([], 0)).toBeNull();
  });

  it('appends an older page without repeating a message', () => {
    expect(appendOlder([{ id: 9 }, { id: 8 }], [{ id: 8 }, { id: 7 }]).map((e) => e.id)).toEqual([9, 8, 7]);
  });
});
