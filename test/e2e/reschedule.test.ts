// 改约 on a phone: from 我的预约, a booking moves to another day and slot in the booking page's own
// pickers; the confirmation shows the new number, 我的预约 shows the old one as 已改约 → new, and the
// old booking's page /t/<token> points to the new one. Hall clock: Wednesday 2026-11-25 08:30.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { LookupResponse } from '../../src/contracts/bookings.js';
import { person } from '../support/people.js';
import { PHONE, describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll, textOf } from './support/ui.js';

const CITIZEN = person(31);

describeHall('改约 on a phone', {}, (e2e) => {
  let phone: Page;
  let oldNumber = '';
  let oldToken = '';
  let newNumber = '';

  beforeAll(async () => {
    phone = await e2e.page(PHONE);
    // Someone else already holds a place at 10:00 on the 27th: the picker counts it.
    expect((await e2e.server.api('POST', '/api/v1/bookings', { serviceId: 1, date: '2026-11-27', slot: '10:00', ...person(32) })).status).toBe(201);
  });

  it('books, then opens 改约 from 我的预约', async () => {
    await phone.goto('/?service=1&date=2026-11-26');
    await phone.getByRole('radio', { name: /09:00–10:00/ }).check();
    await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    await phone.getByRole('button', { name: '提交预约' }).click();
    await phone.getByText('预约成功').waitFor();
    oldNumber = await textOf(phone.getByTestId('booking-number'));
    expect(oldNumber).toBe('Y20261126090001');
    // The confirmation offers 改约 too.
    await phone.getByTestId('confirm-reschedule').waitFor();

    await phone.getByRole('main').getByRole('link', { name: '我的预约' }).click();
    await phone.getByRole('heading', { name: '我的预约', level: 1 }).waitFor();
    const card = phone.locator('li.card').filter({ has: phone.locator('.card__number', { hasText: oldNumber }) }).first();
    await card.getByText('已预约').waitFor();
    await card.getByRole('button', { name: '改约' }).click();

    await phone.getByRole('heading', { name: '医社保办理' }).waitFor();
    await phone.getByText('改约：选择新的日期和时段').waitFor();
    await phone.getByTestId('reschedule-form').getByText(`原预约 ${oldNumber}`).waitFor();
    // No ID card or phone to type again: this tab has them from the look-up.
    expect(await phone.getByTestId('reschedule-form').getByRole('textbox').count()).toBe(0);
  });

  it('picks another day and slot with 已预约/余号, confirms, and gets a new number', async () => {
    await phone.getByRole('radio', { name: /周五\s*11\/27/ }).check();
    await phone.getByRole('radio', { name: /10:00–11:00\s*余 9 个/ }).check();
    await phone.getByTestId('reschedule-new-slot').waitFor();
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'reschedule-picker-phone');
    await phone.getByRole('button', { name: '确认改约' }).click();

    await phone.getByText(`改约成功，原预约 ${oldNumber} 已取消`).waitFor();
    newNumber = await textOf(phone.getByTestId('booking-number'));
    expect(newNumber).toBe('Y20261127100002');
    const page = await textOf(phone.locator('main'));
    expect(page).toContain('2026年11月27日 周五');
    expect(page).toContain('10:00–11:00');
    await screenshot(phone, 'reschedule-confirmed-phone');

    // The old place is free again; the new slot counts the move.
    await phone.goto('/?service=1&date=2026-11-26');
    await phone.getByRole('radio', { name: /09:00–10:00\s*余 10 个/ }).waitFor();
  });

  it('我的预约 shows the old booking as 已改约 → the new number, and its page says so', async () => {
    await phone.goto('/records');
    await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    await phone.getByRole('button', { name: '查询' }).click();
    // A card by its own number (the new card names the old number too: 由 … 改约).
    const cardOf = (number: string) => phone.locator('li.card').filter({ has: phone.locator('.card__number', { hasText: number }) }).first();
    const oldCard = cardOf(oldNumber);
    await oldCard.getByText('已改约', { exact: true }).waitFor();
    expect(await textOf(oldCard.getByTestId('card-moved-to'))).toBe(`已改约为 ${newNumber}`);
    expect(await oldCard.getByRole('button', { name: '改约' }).count()).toBe(0);
    const newCard = cardOf(newNumber);
    await newCard.getByText(`由 ${oldNumber} 改约`).waitFor();
    // One move left of two.
    await newCard.getByRole('button', { name: '改约' }).waitFor();
    await screenshot(phone, 'reschedule-records-phone');

    const lookup = await e2e.server.api('POST', '/api/v1/bookings/lookup', CITIZEN);
    oldToken = (lookup.body as LookupResponse).bookings.find((b) => b.number === oldNumber)?.publicToken ?? '';
    await phone.goto(`/t/${oldToken}`);
    await phone.getByTestId('ticket-moved').getByText(`请使用新的办事编号 ${newNumber}`).waitFor();
    expect(await textOf(phone.getByTestId('ticket-state'))).toBe('已改约');
    await phone.getByRole('link', { name: '查看新预约' }).click();
    await phone.getByTestId('ticket-number').getByText(newNumber).waitFor();
  });
});
