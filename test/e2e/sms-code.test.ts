// 短信验证码 on a phone: with a real SMS driver (here `http`, to a local fake gateway) and
// BOOKING_VERIFY unset, codes are on. The booking form shows the code field before anything is
// sent; 获取验证码 checks the phone first, sends a code and counts down 60 s; a wrong code is said
// beside the field, which takes the focus; the right code books. Cancelling in 我的预约 needs a code
// of its own. The codes are read from the gateway's requests, as the phone would get them.
// Hall clock: Wednesday 2026-11-25 08:30.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSmsGateway } from '../support/fake-sms-gateway.js';
import { person } from '../support/people.js';
import { describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll } from './support/ui.js';

const CITIZEN = person(31);
const LATER = person(32);
const MASKED = `${CITIZEN.phone.slice(0, 3)}****${CITIZEN.phone.slice(7)}`;
const PHONE_390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const gateway = await startFakeSmsGateway();
afterAll(() => gateway.close());

interface GatewayMessage {
  kind: string;
  to: string;
  text: string;
  params: Record<string, string>;
}

/** The n-th 短信验证码 message the gateway got (1-based), waiting for it. */
async function codeMessage(n: number): Promise<GatewayMessage> {
  let seen = 0;
  for (let i = 1; ; i++) {
    const message = JSON.parse((await gateway.received(i)).rawBody) as GatewayMessage;
    if (message.kind === 'verify.code' && ++seen === n) return message;
  }
}

const verifyCodes = () => gateway.requests.filter((r) => (JSON.parse(r.rawBody) as GatewayMessage).kind === 'verify.code').length;

/** A 6-digit code that is surely not `code`. */
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describeHall(
  '短信验证码 when booking and cancelling',
  { env: { SMS_DRIVER: 'http', SMS_HTTP_URL: `${gateway.url}/sms`, SMS_HTTP_SECRET: 'e2e-gateway-secret-0123456789' } },
  (e2e) => {
    let phone: Page;
    let number = '';

    beforeAll(async () => {
      phone = await e2e.page(PHONE_390);
    });

    it('the booking form shows the code field up front; 获取验证码 checks the phone first', async () => {
      await phone.goto('/');
      await phone.getByRole('link', { name: /医社保办理/ }).click();
      await phone.getByRole('radio', { name: /09:00–10:00/ }).check();
      const code = phone.getByRole('textbox', { name: '短信验证码' });
      await code.waitFor();
      expect(await code.getAttribute('inputmode')).toBe('numeric');
      expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
      expect(await code.getAttribute('maxlength')).toBe('6');
      // Only digits are kept, and the field shows what is kept (a letter typed is gone at once).
      await code.pressSequentially('12a');
      expect(await code.inputValue()).toBe('12');
      await code.pressSequentially('3');
      expect(await code.inputValue()).toBe('123');
      await code.fill('');
      // Under the phone field: the next field after it.
      const order = await phone.locator('form.booking-form input').evaluateAll((inputs) => inputs.map((i) => i.id));
      expect(order.indexOf('booking-smsCode')).toBe(order.indexOf('booking-phone') + 1);

      // No phone yet: the phone field says so and has the focus; nothing is sent.
      await phone.getByRole('button', { name: '获取验证码' }).click();
      await phone.getByText('请输入手机号').waitFor();
      expect(await phone.evaluate(() => document.activeElement?.id)).toBe('booking-phone');
      expect(gateway.requests).toHaveLength(0);
      await expectNoHorizontalScroll(phone);
      await screenshot(phone, 'sms-code-form-phone');
    });

    it('sends a code to the phone typed and counts down 60 s', async () => {
      await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
      await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
      await phone.getByRole('button', { name: '获取验证码' }).click();
      await phone.getByText(`验证码已发送至 ${MASKED}，5 分钟内有效`).waitFor();
      const wait = phone.getByRole('button', { name: /^(60|59|58) 秒后可重新获取$/ });
      await wait.waitFor();
      expect(await wait.isDisabled()).toBe(true);
      // The focus moved to the code, for the keyboard's one-time-code suggestion.
      expect(await phone.evaluate(() => document.activeElement?.id)).toBe('booking-smsCode');
      // It counts down (real time: the wait ends when the second passes).
      await phone.getByRole('button', { name: '58 秒后可重新获取' }).waitFor({ timeout: 5000 });
      const message = await codeMessage(1);
      expect(message.to).toBe(CITIZEN.phone);
      expect(message.params.code).toMatch(/^\d{6}$/);
      expect(message.text).toContain(message.params.code);
      await screenshot(phone, 'sms-code-sent-phone');
    });

    it('a wrong code is said beside the field, which takes the focus; the right one books', async () => {
      const { params } = await codeMessage(1);
      const code = phone.getByRole('textbox', { name: '短信验证码' });
      await code.fill(wrongOf(params.code ?? ''));
      await phone.getByRole('button', { name: '提交预约' }).click();
      await phone.locator('.sms-code .field__error', { hasText: '验证码不正确' }).waitFor();
      expect(await phone.evaluate(() => document.activeElement?.id)).toBe('booking-smsCode');
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      await screenshot(phone, 'sms-code-wrong-phone');

      // Typing clears the error; the right code books.
      await code.fill(params.code ?? '');
      expect(await phone.locator('.sms-code .field__error').count()).toBe(0);
      await phone.getByRole('button', { name: '提交预约' }).click();
      await phone.getByText('预约成功').waitFor();
      number = new URL(phone.url()).searchParams.get('booking') ?? '';
      expect(number).toMatch(/^Y20261125/);
      expect(verifyCodes()).toBe(1);
    });

    it('我的预约: cancelling asks for a code of its own', async () => {
      await phone.getByRole('main').getByRole('link', { name: '我的预约' }).click();
      const card = phone.locator('li.card', { hasText: number });
      await card.getByRole('button', { name: '取消预约' }).click();
      const dialog = phone.getByRole('dialog', { name: '确定取消这个预约吗？' });
      await dialog.waitFor();
      const code = dialog.getByRole('textbox', { name: '短信验证码' });
      await code.waitFor();
      await dialog.getByText(`取消前请验证手机号：验证码将发到 ${MASKED}`).waitFor();

      // No code typed: said beside the field, nothing sent to the server's cancel.
      await dialog.getByRole('button', { name: '确定取消' }).click();
      await dialog.getByText('请填写短信验证码（没有收到可点击“获取验证码”）').waitFor();
      expect(await phone.evaluate(() => document.activeElement?.id)).toBe('cancel-smsCode');

      await dialog.getByRole('button', { name: '获取验证码' }).click();
      await dialog.getByRole('button', { name: /秒后可重新获取$/ }).waitFor();
      const message = await codeMessage(2);
      expect(message.to).toBe(CITIZEN.phone);
      await code.fill(message.params.code ?? '');
      await screenshot(phone, 'sms-code-cancel-dialog-phone', { fullPage: false });
      await dialog.getByRole('button', { name: '确定取消' }).click();
      await phone.getByText(`已取消预约 ${number}，名额已释放。`).waitFor();
      await card.getByText('已取消').waitFor();
      await screenshot(phone, 'sms-code-cancelled-phone');
    });

    it('a page that thought codes were off shows the field when the server asks for a code', async () => {
      const stale = await e2e.page(PHONE_390);
      // The hall list as a server without codes answers it (a setting changed since the page loaded).
      await stale.route('**/api/v1/halls', async (route) => {
        const answer = await route.fetch();
        await route.fulfill({ response: answer, json: { ...(await answer.json()), verifyPhone: false } });
      });
      await stale.goto('/');
      await stale.getByRole('link', { name: /医社保办理/ }).click();
      await stale.getByRole('radio', { name: /10:00–11:00/ }).check();
      await stale.getByRole('textbox', { name: '身份证号' }).fill(LATER.idCard);
      await stale.getByRole('textbox', { name: '手机号' }).fill(LATER.phone);
      expect(await stale.getByRole('textbox', { name: '短信验证码' }).count()).toBe(0);
      await stale.getByRole('button', { name: '提交预约' }).click();
      await stale.locator('.sms-code .field__error', { hasText: '请先获取并填写短信验证码' }).waitFor();
      expect(await stale.evaluate(() => document.activeElement?.id)).toBe('booking-smsCode');
      await screenshot(stale, 'sms-code-asked-unexpectedly-phone');

      await stale.getByRole('button', { name: '获取验证码' }).click();
      const message = await codeMessage(3);
      expect(message.to).toBe(LATER.phone);
      await stale.getByRole('textbox', { name: '短信验证码' }).fill(message.params.code ?? '');
      await stale.getByRole('button', { name: '提交预约' }).click();
      await stale.getByText('预约成功').waitFor();
    });
  },
);
