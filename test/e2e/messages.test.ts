// Text messages on the screens. A citizen on a phone books twice — once with 接收短信通知 unticked,
// once ticked — and the confirmations say so; 我的预约 shows each booking's 短信提醒 switch as it
// is, switching one on sticks (the API's look-up says so), and cancelling with 同时删除手机号
// sends no cancellation message. The hall manager opens 短信记录: counts, the confirmation the
// gateway refused (failed) and the reminders waiting for later, phones masked; 重发 after the
// gateway is put right, and it goes out. The gateway is a local fake behind SMS_DRIVER=http.
// Hall clock: Wednesday 2026-11-25 09:30.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LookupResponse } from '../../src/contracts/bookings.js';
import type { NotificationsResponse } from '../../src/contracts/notifications.js';
import { startFakeSmsGateway } from '../support/fake-sms-gateway.js';
import { person } from '../support/people.js';
import { describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll, textOf } from './support/ui.js';

const PHONE_390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 800 } };
const CITIZEN = person(7);
const MASKED = `${CITIZEN.phone.slice(0, 3)}****${CITIZEN.phone.slice(7)}`;

// Started before the server, which is told its address. It refuses every message until told otherwise.
const gateway = await startFakeSmsGateway();
gateway.answer(() => ({ status: 400, json: { code: 'isv.BUSINESS_LIMIT_CONTROL', message: 'daily limit reached' } }));
afterAll(() => gateway.close());

describeHall(
  'text messages: the choice when booking, the switch in 我的预约, the admin log',
  {
    clock: '2026-11-25T09:30:00+08:00',
    // The driver is real, so codes would be asked for by default (test/e2e/sms-code.test.ts covers them).
    env: { SMS_DRIVER: 'http', SMS_HTTP_URL: `${gateway.url}/sms`, SMS_HTTP_SECRET: 'e2e-gateway-secret-0123456789', BOOKING_VERIFY: 'off' },
  },
  (e2e) => {
    let phone: Page;
    let admin: Page;
    let quiet = ''; // booked with messages off
    let told = ''; // booked with messages on

    beforeAll(async () => {
      phone = await e2e.page(PHONE_390);
      admin = await e2e.page(LAPTOP);
    });

    const lookup = async () => {
      const res = await e2e.server.api<LookupResponse>('POST', '/api/v1/bookings/lookup', CITIZEN);
      expect(res.status).toBe(200);
      return new Map(res.body.bookings.map((b) => [b.number, b]));
    };

    const bookOnPhone = async (service: number, slot: RegExp, notify: boolean) => {
      await phone.goto(`/?service=${service}&date=2026-11-26`);
      await phone.getByRole('radio', { name: slot }).check();
      await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
      await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
      const box = phone.getByRole('checkbox', { name: /接收短信通知（预约确认、前一天和开始前 1 小时提醒、叫号提醒）/ });
      expect(await box.isChecked()).toBe(true);
      if (!notify) await box.uncheck();
      return box;
    };

    it('books with 接收短信通知 unticked, and the confirmation says no messages will come', async () => {
      await bookOnPhone(1, /10:00–11:00/, false);
      await phone.getByText('手机号仅为发送这些短信加密保存，在预约日期 30 天后删除').waitFor();
      await expectNoHorizontalScroll(phone);
      await screenshot(phone, 'messages-form-unticked-phone');
      await phone.getByRole('button', { name: '提交预约' }).click();
      await phone.getByText('预约成功').waitFor();
      quiet = await textOf(phone.getByTestId('booking-number'));
      expect(await textOf(phone.getByTestId('booking-sms'))).toBe('您选择了不接收短信通知，可在“我的预约”中随时开启。');
      expect((await lookup()).get(quiet)?.notify).toBe(false);
    });

    it('books with the box ticked, and the confirmation says where messages go', async () => {
      await bookOnPhone(4, /14:00–15:00/, true);
      await phone.getByRole('button', { name: '提交预约' }).click();
      await phone.getByText('预约成功').waitFor();
      told = await textOf(phone.getByTestId('booking-number'));
      expect(told).not.toBe(quiet);
      expect(await textOf(phone.getByTestId('booking-sms'))).toContain(`将发到 ${MASKED}`);
      await expectNoHorizontalScroll(phone);
      await screenshot(phone, 'messages-confirmation-phone');
      expect((await lookup()).get(told)?.notify).toBe(true);
    });

    it('我的预约 shows each switch as it is, and switching one on sticks', async () => {
      // In the app (not a reload): the ID card and phone just typed are still in memory, so the list is live.
      await phone.getByRole('main').getByRole('link', { name: '我的预约' }).click();
      const card = (number: string) => phone.locator('li.card', { hasText: number });
      const switchOf = (number: string) => card(number).getByRole('switch', { name: '短信提醒' });
      await switchOf(told).waitFor();
      expect(await switchOf(quiet).getAttribute('aria-checked')).toBe('false');
      expect(await switchOf(told).getAttribute('aria-checked')).toBe('true');
      await expectNoHorizontalScroll(phone);
      await screenshot(phone, 'messages-records-switches-phone');

      await switchOf(quiet).click();
      await card(quiet).getByText('已开启').waitFor();
      expect(await switchOf(quiet).getAttribute('aria-checked')).toBe('true');
      expect(await switchOf(quiet).getAttribute('aria-busy')).toBe('false');
      await expect.poll(async () => (await lookup()).get(quiet)?.notify).toBe(true);
      // The other one was left alone.
      expect((await lookup()).get(told)?.notify).toBe(true);
    });

    it('a switch that cannot be saved goes back and says why', async () => {
      const card = phone.locator('li.card', { hasText: told });
      await phone.route('**/api/v1/bookings/*/messages', (route) => route.fulfill({ status: 404, json: { code: 'NOT_FOUND', message: '没有找到' } }));
      await card.getByRole('switch', { name: '短信提醒' }).click();
      await card.getByRole('alert').getByText(/没能更改短信提醒，仍为原来的设置/).waitFor();
      expect(await card.getByRole('switch').getAttribute('aria-checked')).toBe('true');
      await screenshot(phone, 'messages-switch-refused-phone');
      await phone.unroute('**/api/v1/bookings/*/messages');
      expect((await lookup()).get(told)?.notify).toBe(true);
    });

    it('cancels with 同时删除手机号: cancelled, and no cancellation message is queued', async () => {
      await phone.locator('li.card', { hasText: quiet }).getByRole('button', { name: '取消预约' }).click();
      const dialog = phone.getByRole('dialog');
      const forget = dialog.getByRole('checkbox', { name: '同时删除为发送短信保存的手机号（将不再收到取消短信）' });
      expect(await forget.isChecked()).toBe(false);
      await forget.check();
      await screenshot(phone, 'messages-cancel-forget-phone', { fullPage: false });
      await dialog.getByRole('button', { name: '确定取消' }).click();
      await phone.getByText(`已取消预约 ${quiet}`).waitFor();
      expect((await lookup()).get(quiet)?.status).toBe('cancelled');
    });

    const log = (query = '') =>
      admin.evaluate(async (q) => {
        const res = await fetch(`/api/v1/admin/notifications${q}`);
        return (await res.json()) as NotificationsResponse;
      }, query);

    it('the admin sees 短信记录: counts, the refused confirmation and the waiting reminders, phones masked', async () => {
      await admin.goto('/admin');
      await admin.getByRole('heading', { name: '工作人员登录' }).waitFor();
      await e2e.signInFirstTime(admin, 'Hall-texts-2026');
      await admin.getByRole('heading', { name: '今日', level: 1 }).waitFor();
      // The sender has tried the confirmation once by now, and the gateway refused it.
      await expect.poll(async () => (await log('?status=failed')).notifications.map((n) => n.kind)).toEqual(['booking.confirmed']);

      await admin.getByRole('navigation', { name: '管理后台导航' }).getByRole('link', { name: /短信记录/ }).click();
      await admin.getByRole('heading', { name: '短信记录', level: 1 }).waitFor();
      const table = admin.getByTestId('messages-table');
      // The booking that kept its messages (the other one's reminders, queued when its messages were
      // switched on, were skipped when it was cancelled).
      const row = (kind: string) => table.locator(`tr[data-kind="${kind}"]`, { hasText: told });
      await row('booking.confirmed').waitFor();
      const counts = admin.getByTestId('message-counts');
      await counts.getByRole('button', { name: '失败 1', pressed: false }).waitFor();
      await counts.getByRole('button', { name: '待发送 2' }).waitFor();
      await counts.getByRole('button', { name: '已发送 0' }).waitFor();

      const refused = await textOf(row('booking.confirmed'));
      expect(refused).toContain('预约成功');
      expect(refused).toContain(told);
      expect(refused).toContain(MASKED);
      expect(refused).toContain('失败');
      expect(refused).toContain('daily limit reached');
      expect(await textOf(row('booking.reminder_day'))).toContain('计划 2026-11-25 18:00 发送');
      expect(await textOf(row('booking.reminder_hour'))).toContain('计划 2026-11-26 13:00 发送');
      expect(await textOf(row('booking.reminder_hour'))).toContain('开始前 1 小时提醒');
      // Asked to forget the number: no cancellation message; and no raw phone anywhere on the page.
      expect(await table.locator('tr[data-kind="booking.cancelled"]').count()).toBe(0);
      expect(await textOf(table.locator('tr[data-kind="booking.reminder_day"]', { hasText: quiet }))).toContain('已跳过');
      expect(await textOf(admin.locator('main'))).not.toContain(CITIZEN.phone);
      // Only the failed one offers 重发.
      expect(await table.getByRole('button', { name: /^重发/ }).count()).toBe(1);
      await expectNoHorizontalScroll(admin);
      await admin.evaluate(() => window.scrollTo(0, 0));
      await screenshot(admin, 'messages-admin-log');

      await counts.locator('[data-status="failed"]').click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      expect(await admin.getByLabel('状态', { exact: true }).inputValue()).toBe('failed');
    });

    it('重发 asks first, and after the gateway is put right the message goes out', async () => {
      gateway.answer(() => ({ status: 200, json: { id: 'gw-e2e-1' } }));
      const table = admin.getByTestId('messages-table');
      await table.getByRole('button', { name: /^重发/ }).click();
      const dialog = admin.getByRole('dialog', { name: '重发这条短信吗？' });
      expect(await textOf(dialog)).toContain(`预约成功，办事编号 ${told}，发往 ${MASKED}`);
      await screenshot(admin, 'messages-admin-resend-ask', { fullPage: false });
      await dialog.getByRole('button', { name: '确定重发' }).click();
      await admin.getByText('短信已重新排队发送。').waitFor();
      await expect.poll(async () => (await log('?status=sent')).notifications.map((n) => [n.kind, n.gatewayId])).toEqual([['booking.confirmed', 'gw-e2e-1']]);

      await admin.getByTestId('message-counts').locator('[data-status="sent"]').click();
      const sent = table.locator('tr[data-kind="booking.confirmed"]');
      await sent.getByText('gw-e2e-1').waitFor();
      expect(await textOf(sent)).toContain('已发送');
      await admin.evaluate(() => window.scrollTo(0, 0));
      await screenshot(admin, 'messages-admin-sent');

      // The resend is in the audit log, in words.
      await admin.getByRole('navigation', { name: '管理后台导航' }).getByRole('link', { name: /操作日志/ }).click();
      await admin.getByTestId('audit-table').getByText('重发短信').waitFor();
    });

    it('the log in English', async () => {
      await admin.getByRole('navigation', { name: '管理后台导航' }).getByRole('link', { name: /短信记录/ }).click();
      await admin.getByRole('button', { name: 'English' }).click();
      await admin.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
      await admin.getByTestId('messages-table').getByText('Reminder the day before').first().waitFor();
      await admin.evaluate(() => window.scrollTo(0, 0));
      await screenshot(admin, 'messages-admin-log-en');
    });
  },
);
