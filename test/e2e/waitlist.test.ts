// 候补 on the screens. The 09:00 slot of 2026-11-26 is full; a citizen on a phone joins its waiting
// list from the booking page and sees their place in line. Someone cancels: the place is held for
// them, 我的预约 shows the offer with its deadline, and 确认预约 turns it into a booking. A second
// person in line gets the next freed place and accepts it on the offer page /w/<token> (the link
// of the offer's message). Hall clock: Wednesday 2026-11-25 09:30.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { CreateBookingResponse } from '../../src/contracts/bookings.js';
import type { WaitlistLookupResponse } from '../../src/contracts/waitlist.js';
import { bookingBody } from '../support/http.js';
import { person } from '../support/people.js';
import { describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll, textOf } from './support/ui.js';

const PHONE_390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DATE = '2026-11-26';
const FIRST = person(41);
const SECOND = person(42);

describeHall('候补: join when full, the offer after a cancel, accept it', { clock: '2026-11-25T09:30:00+08:00', env: { BOOKING_VERIFY: 'off' } }, (e2e) => {
  let phone: Page;
  const numbers: string[] = [];

  beforeAll(async () => {
    phone = await e2e.page(PHONE_390);
    for (let i = 1; i <= 10; i++) {
      const res = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', bookingBody(person(i), { date: DATE }));
      expect(res.status).toBe(201);
      numbers.push(res.body.booking.number);
    }
  });

  const cancel = async (i: number) => {
    const res = await e2e.server.api('POST', `/api/v1/bookings/${numbers[i - 1]}/cancel`, person(i));
    expect(res.status).toBe(200);
  };

  it('the booking page offers 加入候补 for the full slot and shows the place in line', async () => {
    await phone.goto(`/?service=1&date=${DATE}`);
    await phone.getByRole('heading', { name: '加入候补' }).waitFor();
    // Closed until asked for, so the booking form's own ID card field stays the only one.
    expect(await phone.locator('#waitlist-idCard').count()).toBe(0);
    await phone.getByRole('button', { name: '我要候补' }).click();
    expect(await phone.locator('#waitlist-slot').inputValue()).toBe('09:00');
    await phone.locator('#waitlist-idCard').fill(FIRST.idCard);
    await phone.locator('#waitlist-phone').fill(FIRST.phone);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'waitlist-join-phone');
    await phone.getByRole('button', { name: '加入候补' }).click();
    await phone.getByText('已加入候补，您排在第 1 位').waitFor();
    // The second person joins through the API: they are behind.
    const second = await e2e.server.api<{ entry: { position: number } }>('POST', '/api/v1/waitlist', { serviceId: 1, date: DATE, slot: '09:00', ...SECOND });
    expect(second.body.entry.position).toBe(2);
  });

  it('a cancel holds the place: 我的预约 shows the offer with its deadline, and 确认预约 books it', async () => {
    await cancel(1);
    // The banner's link keeps the ID card and phone in this tab (in memory): 我的预约 looks them up.
    await phone.getByRole('link', { name: '我的预约' }).last().click();
    const offer = phone.getByTestId('waitlist-offer');
    await offer.waitFor();
    expect(await textOf(offer)).toBe('有名额为您保留：09:00–10:00，请在 10:00 前确认');
    await screenshot(phone, 'waitlist-offer-records-phone');
    await phone.getByRole('button', { name: '确认预约' }).click();
    await phone.getByText(/^候补成功，办事编号 Y20261126090011$/).waitFor();
    // The new booking is in the list with its number, as any booking.
    await phone.getByText('Y20261126090011').first().waitFor();
    const mine = await e2e.server.api<WaitlistLookupResponse>('POST', '/api/v1/waitlist/lookup', FIRST);
    expect(mine.body.entries[0]).toMatchObject({ status: 'booked', bookingNumber: 'Y20261126090011' });
  });

  it('the next freed place goes to the second in line, who accepts it on /w/<token>', async () => {
    await cancel(2);
    const theirs = await e2e.server.api<WaitlistLookupResponse>('POST', '/api/v1/waitlist/lookup', SECOND);
    const token = theirs.body.entries[0]?.offer?.token as string;
    expect(token).toMatch(/^[\w-]{22}$/);
    const other = await e2e.page(PHONE_390);
    await other.goto(`/w/${token}`);
    await other.getByRole('heading', { name: '候补名额' }).waitFor();
    expect(await textOf(other.getByTestId('offer-deadline'))).toBe('请在 10:00 前确认');
    await screenshot(other, 'waitlist-offer-page-phone');
    await other.getByRole('button', { name: '确认预约' }).click();
    expect(await textOf(other.getByTestId('offer-booking-number'))).toBe('Y20261126090012');
    // Opened again, the link says the offer was used.
    await other.reload();
    await other.getByText('该名额已确认或已失效。').waitFor();
  });
});
