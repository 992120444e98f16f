// The hall kiosk during opening hours (Wednesday 2026-11-25 10:30): check-in by the on-screen
// keypad, refusals that offer a walk-in number, walk-ins (full services greyed), the printed
// ticket, and the return to the start screen that leaves no trace of the last person. Both
// kiosks are paired with the first-start pairing link before anything else.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { CreateBookingResponse } from '../../src/contracts/bookings.js';
import { person } from '../support/people.js';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, describeHall, screenshot } from './support/index.js';
import { clickKeys, expectFitsScreen, textOf } from './support/ui.js';

const BOOKED_NOW = person(100); // 11:00 slot: check-in opened at 10:00
const BOOKED_LATER = person(101); // 15:00 slot: check-in opens at 14:00
const NO_BOOKING = person(102);

describeHall('hall kiosk', { clock: '2026-11-25T10:30:00+08:00' }, (e2e) => {
  let portrait: Page;
  let landscape: Page;
  let bookedNumber = '';

  beforeAll(async () => {
    const book = async (who: { idCard: string; phone: string }, serviceId: number, slot: string) => {
      const res = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', { serviceId, date: '2026-11-25', slot, ...who });
      expect(res.status).toBe(201);
      return res.body.booking.number;
    };
    bookedNumber = await book(BOOKED_NOW, 1, '11:00');
    await book(BOOKED_LATER, 2, '15:00');
    // Every walk-in number of 水电煤气 (service 4) is taken.
    for (let i = 0; i < 50; i++) {
      expect((await e2e.server.api('POST', '/api/v1/kiosk/walk-in', { serviceId: 4 }, e2e.server.asKiosk)).status).toBe(201);
    }

    const portraitContext = await e2e.context(KIOSK_PORTRAIT);
    // Printing opens no dialog in a test: count the calls instead.
    await portraitContext.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    portrait = await portraitContext.newPage();
    landscape = await e2e.page(KIOSK_LANDSCAPE);
    await e2e.pairKiosk(portrait);
    await e2e.pairKiosk(landscape);
  });

  it('verifies the check character on the keypad before sending', async () => {
    await portrait.clock.install();
    await portrait.goto('/kiosk');
    await portrait.getByRole('button', { name: /预约取号/ }).click();
    const confirm = portrait.getByRole('button', { name: '确认取号' });
    const keypad = portrait.getByRole('group', { name: '身份证号键盘' });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await keypad.getByRole('button', { name: 'X' }).isDisabled()).toBe(true);

    const wrong = `${BOOKED_NOW.idCard.slice(0, 17)}${BOOKED_NOW.idCard.endsWith('1') ? '2' : '1'}`;
    await clickKeys(portrait, wrong);
    await portrait.getByText('身份证号不正确：校验位不正确，请核对号码').waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    await expectFitsScreen(portrait);
    await screenshot(portrait, 'kiosk-keypad-checksum-portrait');

    await keypad.getByRole('button', { name: '删除' }).click();
    await clickKeys(portrait, BOOKED_NOW.idCard.slice(17));
    await portrait.getByText(`已输入 18/18 位`).waitFor();
    expect(await textOf(portrait.locator('output'))).toBe(
      `${BOOKED_NOW.idCard.slice(0, 6)} ${BOOKED_NOW.idCard.slice(6, 14)} ${BOOKED_NOW.idCard.slice(14)}`,
    );
    await confirm.click();
    await portrait.getByRole('heading', { name: '取号成功' }).waitFor();
    expect(await textOf(portrait.getByTestId('ticket-number'))).toBe(bookedNumber);
    await portrait.getByRole('listitem').getByText('预约号 · 11:00–12:00').waitFor();
    await expectFitsScreen(portrait);
    await screenshot(portrait, 'kiosk-ticket-portrait');
  });

  it('prints an 80 mm ticket', async () => {
    await portrait.getByRole('button', { name: '打印号票' }).click();
    expect(await portrait.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await portrait.emulateMedia({ media: 'print' });
    const printed = portrait.locator('.print-ticket');
    await printed.waitFor();
    expect(await textOf(printed)).toContain(bookedNumber);
    expect(await portrait.getByRole('button', { name: '打印号票' }).isVisible()).toBe(false);
    await printed.screenshot({ path: 'test-results/kiosk-print-ticket.png' });
    await portrait.emulateMedia({ media: 'screen' });
  });

  it('goes back to the start after 20 s without a touch, with no trace of the ID', async () => {
    await portrait.getByText('20 秒后自动返回首页').waitFor();
    await portrait.clock.fastForward(10_000);
    await portrait.getByText(/1\d 秒后自动返回首页/).waitFor();
    expect(await portrait.getByTestId('ticket-number').isVisible()).toBe(true);
    await portrait.clock.fastForward(11_000);
    await portrait.getByRole('heading', { name: '请选择取号方式' }).waitFor();
    expect(await portrait.getByTestId('ticket-number').count()).toBe(0);
    const page = await textOf(portrait.locator('body'));
    expect(page).not.toContain(bookedNumber);
    expect(page).not.toContain(BOOKED_NOW.idCard.slice(6, 14));
    await portrait.getByRole('button', { name: /预约取号/ }).click();
    await portrait.getByText('已输入 0/18 位').waitFor();
  });

  it('checking in again reprints the same number', async () => {
    await clickKeys(portrait, BOOKED_NOW.idCard);
    await portrait.getByRole('button', { name: '确认取号' }).click();
    await portrait.getByRole('heading', { name: '您已取过号，号码如下' }).waitFor();
    expect(await textOf(portrait.getByTestId('ticket-number'))).toBe(bookedNumber);
    await portrait.getByRole('button', { name: '完成' }).click();
  });

  it('too early (typed on a keyboard): says when check-in opens and offers a walk-in number', async () => {
    await portrait.getByRole('button', { name: /预约取号/ }).click();
    await portrait.getByRole('heading', { name: '预约取号' }).waitFor();
    await portrait.keyboard.type(BOOKED_LATER.idCard.toLowerCase());
    await portrait.getByText('已输入 18/18 位').waitFor();
    await portrait.keyboard.press('Enter');
    await portrait.getByText('还未到取号时间，请于 14:00 后取号').waitFor();
    await portrait.getByRole('button', { name: '改为现场取号' }).waitFor();
    await expectFitsScreen(portrait);
    await screenshot(portrait, 'kiosk-too-early-portrait');
    await portrait.getByRole('button', { name: '返回首页' }).click();
  });

  it('no booking: offers a walk-in number, which is a new number', async () => {
    await portrait.getByRole('button', { name: /预约取号/ }).click();
    await clickKeys(portrait, NO_BOOKING.idCard);
    await portrait.getByRole('button', { name: '确认取号' }).click();
    await portrait.getByText('无预约记录').waitFor();
    await expectFitsScreen(portrait);
    await screenshot(portrait, 'kiosk-no-booking-portrait');
    await portrait.getByRole('button', { name: '改为现场取号' }).click();

    await portrait.getByRole('heading', { name: '现场取号' }).waitFor();
    const full = portrait.getByRole('button', { name: /水电煤气业务办理/ });
    expect(await textOf(full)).toContain('今日已取完');
    expect(await full.isDisabled()).toBe(true);
    await expectFitsScreen(portrait);
    await screenshot(portrait, 'kiosk-walk-in-portrait');

    await portrait.getByRole('button', { name: /医社保办理/ }).click();
    await portrait.getByRole('heading', { name: '取号成功' }).waitFor();
    const walkIn = await textOf(portrait.getByTestId('ticket-number'));
    expect(walkIn).toMatch(/^Y202611251030\d{2}$/);
    expect(walkIn).not.toBe(bookedNumber);
    await portrait.getByRole('listitem').getByText('现场号').waitFor();
    const ahead = Number(/前面还有 (\d+) 人等候/.exec(await textOf(portrait.getByRole('listitem').getByText(/前面还有 \d+ 人等候/)))?.[1]);
    // Nobody ahead: called shortly; else an estimate from today's average service time.
    await portrait.getByRole('listitem').getByText(ahead === 0 ? '很快就会叫到您，请留意叫号' : /^预计等候约 \d+ 分钟$/).waitFor();
    await expectFitsScreen(portrait);
    await screenshot(portrait, 'kiosk-ticket-walk-in-portrait');
  });

  it('works in landscape and in English, and the next visit starts in Chinese', async () => {
    await landscape.goto('/kiosk');
    await landscape.getByRole('heading', { name: '请选择取号方式' }).waitFor();
    await expectFitsScreen(landscape);
    await screenshot(landscape, 'kiosk-start-landscape');
    await landscape.getByRole('button', { name: 'English' }).click();
    await landscape.getByRole('heading', { name: 'How would you like your number?' }).waitFor();
    expect(await landscape.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectFitsScreen(landscape);
    await screenshot(landscape, 'kiosk-start-landscape-en');

    await landscape.getByRole('button', { name: /I have a booking/ }).click();
    await clickKeys(landscape, NO_BOOKING.idCard.slice(0, 10));
    await landscape.getByText('10/18 typed').waitFor();
    await expectFitsScreen(landscape);
    await screenshot(landscape, 'kiosk-keypad-landscape-en');
    await landscape.getByRole('button', { name: 'Clear' }).click();
    await landscape.getByText('0/18 typed').waitFor();

    await landscape.getByRole('button', { name: 'Start over' }).click();
    await landscape.getByRole('heading', { name: '请选择取号方式' }).waitFor();
    await landscape.getByRole('button', { name: 'English' }).click();
    await landscape.getByRole('button', { name: /Walk-in number/ }).click();
    const full = landscape.getByRole('button', { name: /Water, power and gas/ });
    expect(await textOf(full)).toContain('All taken today');
    await expectFitsScreen(landscape);
    await screenshot(landscape, 'kiosk-walk-in-landscape-en');
    await landscape.getByRole('button', { name: /Property certificates/ }).click();
    await landscape.getByRole('heading', { name: 'Here is your number' }).waitFor();
    expect(await textOf(landscape.getByTestId('ticket-number'))).toMatch(/^F202611251030\d{2}$/);
    await landscape.getByText('Walk-in', { exact: true }).first().waitFor();
    await expectFitsScreen(landscape);
    await screenshot(landscape, 'kiosk-ticket-landscape-en');
  });
});
