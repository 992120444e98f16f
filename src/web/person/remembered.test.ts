import { describe, expect, it } from 'vitest';
import type { Booking } from '../../contracts/bookings.js';
import {
  type KeyValueStore,
  REMEMBERED_KEY,
  REMEMBERED_MAX,
  applyStatuses,
  findRemembered,
  forgetBooking,
  hallNameOf,
  loadRemembered,
  rememberBooking,
  rememberMove,
  serviceNameOf,
  statusQuery,
} from './remembered.js';

function memoryStore(): KeyValueStore & { raw(): string | null } {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), raw: () => m.get(REMEMBERED_KEY) ?? null };
}

function booking(number: string, over: Partial<Booking> = {}): Booking {
  return {
    number,
    hallCode: 'MAIN',
    hallName: '政务服务中心',
    serviceId: 1,
    serviceLetter: 'Y',
    serviceName: '医社保办理',
    date: '2026-11-25',
    slotStart: '09:00',
    slotEnd: '10:00',
    status: 'booked',
    idCardMasked: '110105********002X',
    phoneMasked: '138****8000',
    createdAt: '2026-11-25T00:30:00.000Z',
    checkInOpensAt: '08:00',
    ...over,
  };
}

const names = { zh: '医社保办理', en: 'Medical and social insurance' };
const now = new Date('2026-11-25T00:31:00Z');

describe('remembered bookings', () => {
  it('keeps the newest first, once per number', () => {
    const store = memoryStore();
    rememberBooking(store, booking('Y1'), names, now);
    rememberBooking(store, booking('Y2'), names, now);
    rememberBooking(store, booking('Y1', { status: 'checked_in' }), names, now);
    expect(loadRemembered(store).map((r) => [r.number, r.status])).toEqual([
      ['Y1', 'checked_in'],
      ['Y2', 'booked'],
    ]);
    expect(findRemembered(store, 'Y2')?.serviceNameEn).toBe('Medical and social insurance');
  });

  it("keeps the booking's hall: its code always, its names when the hall's app knows them", () => {
    const store = memoryStore();
    // The booking app hands over the whole hall it shows (address, phone …): only the names are kept.
    const hall = { code: 'CD', nameZh: '城东大厅', nameEn: 'East Hall', address: '朝阳区建国路 88 号', phone: '010-12345678' };
    const [inHall] = rememberBooking(store, booking('CD-Y1', { hallCode: 'CD', hallName: '城东大厅' }), names, now, hall);
    expect(inHall?.hallCode).toBe('CD');
    expect(inHall && hallNameOf(inHall, 'zh')).toBe('城东大厅');
    expect(inHall && hallNameOf(inHall, 'en')).toBe('East Hall');
    const [atRoot] = rememberBooking(store, booking('Y2'), names, now);
    expect(atRoot?.hallCode).toBe('MAIN');
    expect(atRoot && hallNameOf(atRoot, 'en')).toBe('');
    // Kept across a reload, and only the names given: nothing else of the hall.
    expect(findRemembered(store, 'CD-Y1')).toMatchObject({ hallCode: 'CD', hallNameZh: '城东大厅', hallNameEn: 'East Hall' });
    expect(store.raw()).not.toContain('建国路');
    expect(store.raw()).not.toContain('010-12345678');
  });

  it('drops a stored entry whose hall fields are not text', () => {
    const store = memoryStore();
    rememberBooking(store, booking('Y1'), names, now);
    const [entry] = JSON.parse(store.raw() ?? '[]') as Record<string, unknown>[];
    store.setItem(REMEMBERED_KEY, JSON.stringify([{ ...entry, hallNameZh: 42 }]));
    expect(loadRemembered(store)).toEqual([]);
  });

  it("names the booking's service in the language asked for", () => {
    const [remembered] = rememberBooking(memoryStore(), booking('Y1'), names, now);
    expect(remembered && serviceNameOf(remembered, 'zh')).toBe(names.zh);
    expect(remembered && serviceNameOf(remembered, 'en')).toBe('Medical and social insurance');
  });

  it('stores only the number and masked fields, never extra answer fields', () => {
    const store = memoryStore();
    const leaky = { ...booking('Y1'), idCard: '11010519491231002X', phone: '13812348000' } as Booking;
    rememberBooking(store, leaky, names, now);
    const raw = store.raw() ?? '';
    expect(raw).not.toContain('11010519491231002X');
    expect(raw).not.toContain('13812348000');
    expect(raw).toContain('110105********002X');
  });

  it('refuses stored entries whose "masked" fields are raw numbers', () => {
    const store = memoryStore();
    rememberBooking(store, booking('Y1'), names, now);
    const [entry] = loadRemembered(store);
    store.setItem(REMEMBERED_KEY, JSON.stringify([{ ...entry, idCardMasked: '11010519491231002X' }]));
    expect(loadRemembered(store)).toEqual([]);
  });

  it('survives corrupt storage', () => {
    const store = memoryStore();
    store.setItem(REMEMBERED_KEY, '{not json');
    expect(loadRemembered(store)).toEqual([]);
    store.setItem(REMEMBERED_KEY, '{"a":1}');
    expect(loadRemembered(store)).toEqual([]);
  });

  it('改约: keeps the new booking first and marks the old one as moved to it', () => {
    const store = memoryStore();
    rememberBooking(store, booking('Y1', { reschedulesLeft: 2 }), names, now);
    const later = new Date('2026-11-25T01:00:00Z');
    rememberMove(
      store,
      {
        booking: booking('Y2', { date: '2026-11-26', rescheduledFrom: 'Y1', reschedulesLeft: 1 }),
        previous: booking('Y1', { status: 'cancelled', cancelReason: 'rescheduled', rescheduledTo: 'Y2', reschedulesLeft: 0 }),
      },
      names,
      later,
    );
    expect(loadRemembered(store).map((r) => [r.number, r.status, r.cancelReason, r.rescheduledTo, r.rescheduledFrom, r.reschedulesLeft])).toEqual([
      ['Y2', 'booked', undefined, undefined, 'Y1', 1],
      ['Y1', 'cancelled', 'rescheduled', 'Y2', undefined, 0],
    ]);
    // A status answer (a device that moved it elsewhere) says where it went too.
    rememberBooking(store, booking('Y3'), names, now);
    applyStatuses(store, [{ number: 'Y3', status: 'cancelled', cancelReason: 'rescheduled', rescheduledTo: 'Y4' }], later);
    expect(findRemembered(store, 'Y3')).toMatchObject({ status: 'cancelled', rescheduledTo: 'Y4' });
  });

  it('updates statuses from a look-up and forgets on request', () => {
    const store = memoryStore();
    rememberBooking(store, booking('Y1'), names, now);
    rememberBooking(store, booking('Y2'), names, now);
    const later = new Date('2026-11-25T01:00:00Z');
    applyStatuses(store, [booking('Y1', { status: 'checked_in' }), booking('Y9')], later);
    expect(loadRemembered(store).map((r) => [r.number, r.status, r.seenAt])).toEqual([
      ['Y2', 'booked', now.toISOString()],
      ['Y1', 'checked_in', later.toISOString()],
    ]);
    forgetBooking(store, 'Y1');
    expect(loadRemembered(store).map((r) => r.number)).toEqual(['Y2']);
  });

  it('keeps the status token, and learns statuses from a status answer (a booking cancelled elsewhere)', () => {
    const store = memoryStore();
    const token = 'a'.repeat(32);
    rememberBooking(store, booking('Y1', { statusToken: token }), names, now);
    rememberBooking(store, booking('Y2'), names, now); // kept before tokens existed
    expect(statusQuery(loadRemembered(store))).toEqual([{ number: 'Y1', token }]);
    const later = new Date('2026-11-25T01:00:00Z');
    applyStatuses(store, [{ number: 'Y1', status: 'cancelled', cancelReason: 'hall_closed' }], later);
    expect(findRemembered(store, 'Y1')).toMatchObject({ status: 'cancelled', cancelReason: 'hall_closed', statusToken: token, seenAt: later.toISOString() });
    // A look-up hands over the token of the older one.
    applyStatuses(store, [booking('Y2', { statusToken: 'b'.repeat(32) })], later);
    expect(statusQuery(loadRemembered(store)).map((q) => q.number).sort()).toEqual(['Y1', 'Y2']);
  });

  it('keeps whether text messages are on, from the booking and from a look-up (a status answer leaves it)', () => {
    const store = memoryStore();
    rememberBooking(store, booking('Y1', { notify: false }), names, now);
    rememberBooking(store, booking('Y2'), names, now); // an answer without the field (before messages)
    expect(findRemembered(store, 'Y1')?.notify).toBe(false);
    expect(findRemembered(store, 'Y2')).not.toHaveProperty('notify');
    applyStatuses(store, [booking('Y1', { notify: true })], now);
    expect(findRemembered(store, 'Y1')?.notify).toBe(true);
    applyStatuses(store, [{ number: 'Y1', status: 'checked_in' }], now);
    expect(findRemembered(store, 'Y1')).toMatchObject({ status: 'checked_in', notify: true });
    // Anything but a boolean in storage is not ours: the entry is dropped.
    store.setItem(REMEMBERED_KEY, JSON.stringify([{ ...findRemembered(store, 'Y1'), notify: 'yes' }]));
    expect(loadRemembered(store)).toEqual([]);
  });

  it('refuses a stored token that is not one', () => {
    const store = memoryStore();
    rememberBooking(store, booking('Y1'), names, now);
    const [entry] = loadRemembered(store);
    store.setItem(REMEMBERED_KEY, JSON.stringify([{ ...entry, statusToken: '11010519491231002X' }]));
    expect(loadRemembered(store)).toEqual([]);
  });

  it(`keeps at most ${REMEMBERED_MAX}`, () => {
    const store = memoryStore();
    for (let i = 0; i < REMEMBERED_MAX + 5; i++) rememberBooking(store, booking(`Y${i}`), names, now);
    expect(loadRemembered(store)).toHaveLength(REMEMBERED_MAX);
    expect(loadRemembered(store)[0]?.number).toBe(`Y${REMEMBERED_MAX + 4}`);
  });

  it('keeps working when storage refuses writes', () => {
    const store: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(rememberBooking(store, booking('Y1'), names, now)).toHaveLength(1);
  });
});
