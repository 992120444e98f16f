// Issue 10, "what the hall floor noticed", on the screens. Hall clock: Wednesday 2026-11-25 13:30,
// over lunch (walk-ins open again at 14:00; bookable: the 14:00 and 15:00 slots). The home page
// counts only places still bookable; closed days say why; booking without a slot is said at the
// slot picker; 我的预约 keeps a mistyped phone, refreshes the device's list by itself and words
// the cancel banner in the current language; the kiosk greys out walk-ins until they open, keeps
// its keypad still under a refusal, tells a served citizen so and, revoked, says only 暂停服务;
// the counter shows an average under a minute as "< 1 分钟". A second hall in Europe/London shows
// its own time zone on the calendar file and the display board.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { CreateBookingResponse } from '../../src/contracts/bookings.js';
import { person } from '../support/people.js';
import { signIn } from './support/hall.js';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, PHONE, describeHall, screenshot } from './support/index.js';
import { clickKeys, expectFitsScreen, textOf } from './support/ui.js';

const LAPTOP = { viewport: { width: 1366, height: 768 } };
const ADMIN_PASSWORD = 'Floor-manager-2026';
const SERVED = person(601); // booked 14:00 today: checked in, served, and comes back
const CITIZEN = person(602); // books on the phone
const NOBODY = person(603); // no booking at all

type Box = { x: number; y: number; width: number; height: number };

describeHall('what the hall floor noticed (over lunch, 13:30)', { clock: '2026-11-25T13:30:00+08:00' }, (e2e) => {
  let cookie = '';
  let phone: Page;
  let kiosk: Page;
  let booked = '';

  const book = async (who: { idCard: string; phone: string }, serviceId: number, date: string, slot: string) => {
    const res = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', { serviceId, date, slot, ...who });
    expect(res.status).toBe(201);
    return res.body.booking.number;
  };
  const closeDay = async (date: string, note: string) => {
    // Through server.api: sent as our pages send it, with the Origin a cookie-authenticated write needs.
    const res = await e2e.server.api('PUT', `/api/v1/admin/calendar/${date}`, { kind: 'closed', note }, { cookie });
    expect(res.status).toBe(200);
  };
  const keypadBox = async (page: Page): Promise<Box> => {
    const box = await page.getByRole('group', { name: '身份证号键盘' }).boundingBox();
    if (!box) throw new Error('no keypad');
    return box;
  };

  beforeAll(async () => {
    // The first-start admin with a password of their own, and the session cookie for arranging scenes.
    cookie = await e2e.adminSession(ADMIN_PASSWORD);
    await closeDay('2026-11-26', '');
    await closeDay('2026-11-27', '设备检修');
    await book(SERVED, 1, '2026-11-25', '14:00');
    phone = await e2e.page(PHONE);
    kiosk = await e2e.page(KIOSK_PORTRAIT);
    await e2e.pairKiosk(kiosk);
  });

  it('余号数量 counts only places still bookable (the 14:00 and 15:00 slots at 13:30)', async () => {
    await phone.goto('/');
    const tile = (name: string) => textOf(phone.getByRole('link', { name: new RegExp(name) }));
    expect(await tile('护照通行证办理')).toMatch(/余号数量\s*20/);
    expect(await tile('医社保办理')).toMatch(/已预约人数\s*1\s*余号数量\s*19/);
    await screenshot(phone, 'floor-home-remaining-phone');
    await phone.getByRole('link', { name: /护照通行证办理/ }).click();
    expect(await textOf(phone.locator('.day-summary'))).toMatch(/余号数量\s*20/);
  });

  it('a closed day says why: the hall calendar’s note, 闭馆, or 不办理 for the weekly plan', async () => {
    await phone.goto('/?service=1');
    const chip = (date: string) => phone.locator('label.chip', { has: phone.locator(`input[value="${date}"]`) });
    await chip('2026-11-25').waitFor();
    expect(await textOf(chip('2026-11-26').locator('.chip__note'))).toBe('闭馆');
    expect(await textOf(chip('2026-11-27').locator('.chip__note'))).toBe('设备检修');
    expect(await textOf(chip('2026-11-28').locator('.chip__note'))).toBe('不办理');
    expect(await chip('2026-11-27').locator('input').isDisabled()).toBe(true);
    await screenshot(phone, 'floor-closed-days-phone');
    await phone.getByRole('button', { name: 'English' }).click();
    // The English texts are fetched when English is first chosen.
    await phone.locator('html[lang="en"]').waitFor();
    expect(await textOf(chip('2026-11-26').locator('.chip__note'))).toBe('Hall closed');
    expect(await textOf(chip('2026-11-27').locator('.chip__note'))).toBe('设备检修');
    await phone.getByRole('button', { name: '中文' }).click();
  });

  it('booking without a slot is said at the slot picker, which takes the focus', async () => {
    await phone.goto('/?service=2');
    await phone.getByRole('radio', { name: /14:00–15:00/ }).waitFor();
    await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    await phone.getByRole('button', { name: '提交预约' }).click();
    const picker = phone.getByRole('group', { name: '选择时段' });
    await picker.getByRole('alert').getByText('请先选择时段').waitFor();
    expect(await phone.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('slot');
    // Nothing is said at the submit button any more.
    expect(await phone.locator('form.booking-form').getByText('请先选择时段').count()).toBe(0);
    await screenshot(phone, 'floor-slot-missing-phone', { fullPage: false });
    await phone.getByRole('radio', { name: /14:00–15:00/ }).check();
    await picker.getByText('请先选择时段').waitFor({ state: 'hidden' });
    await phone.getByRole('button', { name: '提交预约' }).click();
    await phone.getByText('预约成功').waitFor();
    booked = await textOf(phone.getByTestId('booking-number'));
    expect(booked).toMatch(/^H20261125140001$/);
  });

  it('我的预约 shows a booking cancelled elsewhere as 已取消, without typing anything', async () => {
    const cancelled = await e2e.server.api('POST', `/api/v1/bookings/${booked}/cancel`, CITIZEN);
    expect(cancelled.status).toBe(200);
    // A fresh page: nothing but what the device keeps (no ID card, no phone).
    await phone.goto('/records');
    await phone.getByRole('heading', { name: '本机的预约' }).waitFor();
    await phone.locator('li.card', { hasText: booked }).getByText('已取消').waitFor();
    expect(await phone.evaluate(() => JSON.stringify(window.localStorage))).not.toContain(CITIZEN.phone);
    await screenshot(phone, 'floor-records-cancelled-elsewhere-phone');
  });

  it('a wrong phone keeps the form and says what to check', async () => {
    const other = await book(CITIZEN, 3, '2026-11-30', '10:00');
    await phone.goto('/records');
    const id = phone.getByRole('textbox', { name: '身份证号' });
    const tel = phone.getByRole('textbox', { name: '手机号' });
    await id.fill(CITIZEN.idCard);
    await tel.fill(person(699).phone);
    await phone.getByRole('button', { name: '查询' }).click();
    await phone.getByRole('alert').getByText('没有找到预约，请核对身份证号和手机号').waitFor();
    expect(await id.inputValue()).toBe(CITIZEN.idCard);
    expect(await tel.inputValue()).toBe(person(699).phone);
    await screenshot(phone, 'floor-records-not-found-phone');

    await tel.fill(CITIZEN.phone);
    await phone.getByRole('button', { name: '查询' }).click();
    await phone.getByRole('heading', { name: '预约记录' }).waitFor();
    const card = phone.locator('li.card', { hasText: other });
    await card.getByText('已预约').waitFor();

    // Cancel here, then switch to English: the banner follows the language.
    await card.getByRole('button', { name: '取消预约' }).click();
    await phone.getByRole('dialog', { name: '确定取消这个预约吗？' }).getByRole('button', { name: '确定取消' }).click();
    await phone.getByText(`已取消预约 ${other}，名额已释放。`).waitFor();
    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByText(`Booking ${other} is cancelled; its place is free again.`).waitFor();
    expect(await phone.getByText('名额已释放').count()).toBe(0);
    await screenshot(phone, 'floor-records-cancel-banner-en-phone');
    await phone.getByRole('button', { name: '中文' }).click();
  });

  it('over lunch the kiosk greys out walk-ins and says when they open', async () => {
    await kiosk.getByRole('button', { name: /现场取号/ }).click();
    for (const name of ['医社保办理', '护照通行证办理', '房产证办理', '水电煤气业务办理']) {
      const service = kiosk.getByRole('button', { name: new RegExp(name) });
      await service.getByText('14:00 开始取号').waitFor();
      expect(await service.isDisabled(), name).toBe(true);
    }
    await expectFitsScreen(kiosk);
    await screenshot(kiosk, 'floor-kiosk-walk-in-lunch-portrait');
    await kiosk.getByRole('button', { name: '返回首页' }).click();
  });

  it('the keypad does not move when a refusal appears (portrait and landscape)', async () => {
    const landscape = await e2e.page(KIOSK_LANDSCAPE);
    await e2e.pairKiosk(landscape);
    for (const page of [kiosk, landscape]) {
      await page.getByRole('button', { name: /预约取号/ }).click();
      await clickKeys(page, NOBODY.idCard);
      const before = await keypadBox(page);
      await page.getByRole('button', { name: '确认取号' }).click();
      await page.getByRole('alert').getByText('无预约记录').waitFor();
      await page.getByRole('button', { name: '改为现场取号' }).waitFor();
      expect(await keypadBox(page)).toEqual(before);
      await expectFitsScreen(page);
      await screenshot(page, page === kiosk ? 'floor-kiosk-refusal-portrait' : 'floor-kiosk-refusal-landscape');
      // Typing on clears the refusal; the keys are where they were.
      await page.getByRole('group', { name: '身份证号键盘' }).getByRole('button', { name: '删除' }).click();
      await page.getByRole('alert').waitFor({ state: 'detached' });
      expect(await keypadBox(page)).toEqual(before);
      await page.getByRole('button', { name: '返回首页' }).click();
    }
    await landscape.close();
  });

  it('a citizen already served is told so; the counter says "< 1 分钟" for a one-second service', async () => {
    await kiosk.getByRole('button', { name: /预约取号/ }).click();
    await clickKeys(kiosk, SERVED.idCard);
    await kiosk.getByRole('button', { name: '确认取号' }).click();
    await kiosk.getByRole('heading', { name: '取号成功' }).waitFor();
    await kiosk.getByRole('button', { name: '完成' }).click();

    const counter = await e2e.page(LAPTOP);
    await counter.goto('/counter');
    await signIn(counter, e2e.server.firstStart.username, ADMIN_PASSWORD);
    await counter.getByRole('button', { name: '保存并开始叫号' }).click();
    await counter.getByText('空闲中，按“叫号”呼叫下一位').waitFor();
    await counter.getByRole('button', { name: '叫号', exact: true }).click();
    await counter.locator('.current--called').waitFor();
    await counter.getByRole('button', { name: '开始办理', exact: true }).click();
    await counter.locator('.current--serving').waitFor();
    await counter.getByRole('button', { name: '办结', exact: true }).click();
    await counter.getByTestId('served-today').getByText('1').waitFor();
    expect(await textOf(counter.getByTestId('average-service'))).toBe('< 1 分钟');
    expect(await textOf(counter.locator('.queue', { hasText: '医社保办理' }).locator('.queue__stats'))).toContain('平均 < 1 分钟/人');
    await screenshot(counter, 'floor-counter-average-under-a-minute');
    await counter.close();

    await kiosk.getByRole('button', { name: /预约取号/ }).click();
    await clickKeys(kiosk, SERVED.idCard);
    await kiosk.getByRole('button', { name: '确认取号' }).click();
    await kiosk.getByRole('alert').getByText('该预约已办结').waitFor();
    expect(await kiosk.getByText('无预约记录').count()).toBe(0);
    await screenshot(kiosk, 'floor-kiosk-served-portrait');
    await kiosk.getByRole('button', { name: '返回首页' }).click();
  });

  it('a revoked kiosk says only 暂停服务 to citizens; staff bring it back with a pairing link', async () => {
    const made = await e2e.server.api<{ device: { id: number }; pairPath: string }>('POST', '/api/v1/devices', { kind: 'kiosk', name: '三号取号机' }, { cookie });
    expect(made.status).toBe(201);
    const page = await e2e.page(KIOSK_LANDSCAPE);
    await e2e.pairKiosk(page, made.body.pairPath);
    expect((await e2e.server.api('POST', `/api/v1/devices/${made.body.device.id}/revoke`, {}, { cookie })).status).toBe(200);

    await page.getByRole('button', { name: /预约取号/ }).click();
    await clickKeys(page, NOBODY.idCard);
    await page.getByRole('button', { name: '确认取号' }).click();
    await page.getByRole('heading', { name: '暂停服务，请联系工作人员' }).waitFor();
    expect(await page.getByText('配对链接形如').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /现场取号/ }).count()).toBe(0);
    await expectFitsScreen(page);
    await screenshot(page, 'floor-kiosk-revoked-landscape');
    await page.reload();
    await page.getByRole('heading', { name: '暂停服务，请联系工作人员' }).waitFor();
    // Staff: a pairing link still pairs it.
    await e2e.pairKiosk(page);
    await page.close();
  });
});

describeHall('a hall in another time zone (HALL_TZ=Europe/London, 10:30 there)', { clock: '2026-11-25T10:30:00Z', env: { HALL_TZ: 'Europe/London' } }, (e2e) => {
  it('the calendar file and 我的预约 use the hall’s zone, whatever the phone’s zone', async () => {
    const phone = await e2e.page(PHONE);
    await phone.goto('/?service=1');
    await phone.getByRole('radio', { name: /11:00–12:00/ }).check();
    await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    await phone.getByRole('button', { name: '提交预约' }).click();
    await phone.getByText('预约成功').waitFor();
    const download = phone.waitForEvent('download');
    await phone.getByRole('button', { name: '添加到日历' }).click();
    const ics = readFileSync(await (await download).path(), 'utf8');
    // 11:00 in London on 25 November is 11:00 UTC (the phone is in Shanghai: 19:00 there).
    expect(ics).toContain('DTSTART:20261125T110000Z');
    expect(ics).toContain('DTEND:20261125T120000Z');
    expect(ics).not.toContain('Asia/Shanghai');

    // 我的预约's "更新于" is the hall's clock, not the phone's (8 hours ahead).
    const london = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
    const before = london();
    await phone.getByRole('link', { name: '我的预约' }).first().click();
    const updated = await textOf(phone.getByText(/^更新于 /));
    const after = london();
    expect([before, after]).toContain(/更新于 (\d\d:\d\d):\d\d/.exec(updated)?.[1]);
    await screenshot(phone, 'floor-records-london-phone');
    await phone.close();
  });
});
