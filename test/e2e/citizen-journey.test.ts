// A citizen on a phone books, sees the booking in 我的预约, checks in at the kiosk, sees 已取号,
// cancels another booking (the place comes back) and switches to English. Hall clock:
// Wednesday 2026-11-25 08:30, before opening.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { CreateBookingResponse } from '../../src/contracts/bookings.js';
import { person } from '../support/people.js';
import { KIOSK_PORTRAIT, PHONE, describeHall, screenshot } from './support/index.js';
import { clickKeys, expectFitsScreen, expectNoHorizontalScroll, pullDown, textOf } from './support/ui.js';

const CITIZEN = person(1);

describeHall('citizen journey on a phone, with the kiosk', {}, (e2e) => {
  let phone: Page;
  let kiosk: Page;
  let number = '';
  let laterNumber = '';

  beforeAll(async () => {
    phone = await e2e.page(PHONE);
    kiosk = await e2e.page(KIOSK_PORTRAIT);
  });

  it('shows the services with their counts, in Chinese by default', async () => {
    await phone.goto('/');
    await phone.getByRole('heading', { name: '选择办理业务' }).waitFor();
    for (const name of ['医社保办理', '护照通行证办理', '房产证办理', '水电煤气业务办理']) {
      await phone.getByRole('link', { name: new RegExp(name) }).waitFor();
    }
    const tile = await textOf(phone.getByRole('link', { name: /医社保办理/ }));
    expect(tile).toContain('今天 11月25日 周三');
    expect(tile).toMatch(/已预约人数\s*0/);
    expect(tile).toMatch(/余号数量\s*50/);
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'booking-home-phone');
  });

  it('books a slot with inline ID checks, and confirms with the 办事编号', async () => {
    await phone.getByRole('link', { name: /医社保办理/ }).click();
    await phone.getByRole('heading', { name: '医社保办理' }).waitFor();
    await phone.getByRole('radio', { name: /今天/ }).and(phone.locator(':checked')).waitFor();
    await phone.getByRole('radio', { name: /周六/ }).and(phone.locator(':disabled')).waitFor();
    await phone.getByRole('radio', { name: /09:00–10:00/ }).check();

    const id = phone.getByLabel('身份证号');
    await id.fill(`${CITIZEN.idCard.slice(0, 17)}${CITIZEN.idCard.endsWith('0') ? '1' : '0'}`);
    await id.blur();
    await phone.getByText('身份证号不正确：校验位不正确，请核对号码').waitFor();
    await id.fill(CITIZEN.idCard.slice(0, 12));
    await phone.getByText('身份证号不正确：应为 18 位').waitFor();
    await id.fill(`110105${'19491331'}0021`);
    await phone.getByText('身份证号不正确：出生日期不存在').waitFor();
    await phone.getByRole('textbox', { name: '手机号' }).fill('12345');
    await phone.getByRole('textbox', { name: '手机号' }).blur();
    await phone.getByText('手机号不正确，请输入 11 位大陆手机号').waitFor();
    await screenshot(phone, 'booking-form-errors-phone');

    await id.fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    // Only what the hall needs is asked for: no name.
    expect(await phone.getByRole('textbox').count()).toBe(2);
    expect(await phone.locator('.field__error').count()).toBe(0);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'booking-service-phone');
    await phone.getByRole('button', { name: '提交预约' }).click();

    await phone.getByText('预约成功').waitFor();
    number = await textOf(phone.getByTestId('booking-number'));
    expect(number).toBe('Y20261125090001');
    const page = await textOf(phone.locator('main'));
    expect(page).toContain('医社保办理');
    expect(page).toContain('2026年11月25日 周三');
    expect(page).toContain('09:00–10:00');
    expect(page).toContain(`${CITIZEN.idCard.slice(0, 6)}********${CITIZEN.idCard.slice(14)}`);
    expect(page).not.toContain(CITIZEN.idCard);
    expect(page).toContain('08:00');
    await phone.getByRole('img', { name: /二维码/ }).waitFor();

    const download = phone.waitForEvent('download');
    await phone.getByRole('button', { name: '添加到日历' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`vreserve-${number}.ics`);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'booking-confirmation-phone');
  });

  it('我的预约 shows it as 已预约 without retyping', async () => {
    await phone.getByRole('main').getByRole('link', { name: '我的预约' }).click();
    await phone.getByRole('heading', { name: '我的预约', level: 1 }).waitFor();
    const card = phone.locator('li.card', { hasText: number });
    await card.getByText('已预约').waitFor();
    expect(await phone.evaluate(() => JSON.stringify(window.localStorage))).not.toContain(CITIZEN.idCard);
    await screenshot(phone, 'records-booked-phone');
  });

  it('the kiosk checks in by ID card and shows the same number', async () => {
    await e2e.pairKiosk(kiosk);
    await expectFitsScreen(kiosk);
    await screenshot(kiosk, 'kiosk-start-portrait');
    await kiosk.getByRole('button', { name: /预约取号/ }).click();
    await clickKeys(kiosk, CITIZEN.idCard);
    await kiosk.getByRole('button', { name: '确认取号' }).click();
    await kiosk.getByText('取号成功').waitFor();
    expect(await textOf(kiosk.getByTestId('ticket-number'))).toBe(number);
    await kiosk.getByRole('listitem').getByText(/前面还有 \d+ 人等候/).waitFor();
    await expectFitsScreen(kiosk);
    await screenshot(kiosk, 'kiosk-ticket-booking-portrait');
  });

  it('我的预约 refreshes on focus, on pull-down and by button', async () => {
    await phone.bringToFront();
    // The tab regains focus after the kiosk visit: 已取号 without touching anything.
    await phone.evaluate(() => window.dispatchEvent(new Event('focus')));
    await phone.locator('li.card', { hasText: number }).getByText('已取号').waitFor();
    await screenshot(phone, 'records-checked-in-phone');

    const tomorrow = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', {
      serviceId: 1,
      date: '2026-11-26',
      slot: '10:00',
      ...CITIZEN,
    });
    expect(tomorrow.status).toBe(201);
    laterNumber = tomorrow.body.booking.number;
    await pullDown(phone);
    await phone.locator('li.card', { hasText: laterNumber }).getByText('已预约').waitFor();

    const other = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', {
      serviceId: 4,
      date: '2026-11-26',
      slot: '14:00',
      ...CITIZEN,
    });
    expect(other.status).toBe(201);
    await phone.getByRole('button', { name: '刷新' }).click();
    await phone.locator('li.card', { hasText: other.body.booking.number }).getByText('已预约').waitFor();
  });

  it('after a reload the bookings made here are still shown, without the ID', async () => {
    await phone.reload();
    await phone.getByRole('heading', { name: '本机的预约' }).waitFor();
    await phone.locator('li.card', { hasText: number }).getByText('已取号').waitFor();
    expect(await phone.locator('li.card', { hasText: laterNumber }).count()).toBe(0);
    expect(await phone.evaluate(() => JSON.stringify(window.localStorage))).not.toContain(CITIZEN.idCard);
    await screenshot(phone, 'records-remembered-phone');
  });

  it('before opening hours walk-in services are greyed out and say when they open', async () => {
    await kiosk.getByRole('button', { name: '完成' }).click();
    await kiosk.getByRole('button', { name: /现场取号/ }).click();
    for (const name of ['医社保办理', '护照通行证办理', '房产证办理', '水电煤气业务办理']) {
      const service = kiosk.getByRole('button', { name: new RegExp(name) });
      await service.getByText('09:00 开始取号').waitFor();
      expect(await service.isDisabled(), name).toBe(true);
    }
    // Not "今日剩余 50 个号" for a number nobody can take yet.
    expect(await kiosk.getByText(/今日剩余/).count()).toBe(0);
    await expectFitsScreen(kiosk);
    await screenshot(kiosk, 'kiosk-walk-in-closed-portrait');
  });

  it('cancels a booking after confirming, and the place comes back', async () => {
    await phone.goto('/?service=1&date=2026-11-26');
    await phone.getByRole('radio', { name: /10:00–11:00\s*余 9 个/ }).waitFor();

    await phone.goto('/records');
    await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    await phone.getByRole('button', { name: '查询' }).click();
    const card = phone.locator('li.card', { hasText: laterNumber });
    await card.getByRole('button', { name: '取消预约' }).click();
    const dialog = phone.getByRole('dialog', { name: '确定取消这个预约吗？' });
    await dialog.waitFor();
    await screenshot(phone, 'records-cancel-dialog-phone', { fullPage: false });
    await dialog.getByRole('button', { name: '不取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByText('已预约').waitFor();

    await card.getByRole('button', { name: '取消预约' }).click();
    await dialog.getByRole('button', { name: '确定取消' }).click();
    await phone.getByText(`已取消预约 ${laterNumber}，名额已释放。`).waitFor();
    await card.getByText('已取消').waitFor();
    await screenshot(phone, 'records-cancelled-phone');

    await phone.goto('/?service=1&date=2026-11-26');
    await phone.getByRole('radio', { name: /10:00–11:00\s*余 10 个/ }).waitFor();
  });

  it('switches to English, remembers it, and works at phone size', async () => {
    await phone.goto('/');
    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByRole('heading', { name: 'Choose a service' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('en');
    await phone.reload();
    await phone.getByRole('heading', { name: 'Choose a service' }).waitFor();
    await phone.getByRole('link', { name: /Medical and social insurance/ }).waitFor();
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'booking-home-phone-en');

    await phone.getByRole('link', { name: /Passports and travel permits/ }).click();
    await phone.getByRole('heading', { name: 'Passports and travel permits' }).waitFor();
    await phone.getByRole('radio', { name: /09:00–10:00/ }).check();
    await phone.getByLabel('ID card number').fill(CITIZEN.idCard.slice(0, 17));
    await phone.getByLabel('ID card number').blur();
    await phone.getByText('ID card number is not valid: it must be 18 characters long').waitFor();
    await phone.getByLabel('ID card number').fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: 'Mobile phone' }).fill(CITIZEN.phone);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'booking-service-phone-en');
    await phone.getByRole('button', { name: 'Book', exact: true }).click();
    await phone.getByText('Booked', { exact: true }).first().waitFor();
    expect(await textOf(phone.getByTestId('booking-number'))).toMatch(/^H20261125090001$/);
    await phone.getByText('When to take your number').waitFor();
    await screenshot(phone, 'booking-confirmation-phone-en');

    await phone.getByRole('main').getByRole('link', { name: 'My bookings' }).click();
    await phone.locator('li.card', { hasText: 'H20261125090001' }).getByText('Booked').waitFor();
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'records-phone-en');
  });
});
