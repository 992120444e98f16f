// 代办 on the screens: a daughter books for her father on her phone (his ID card, her ID card and
// phone, 子女); at the hall her own ID card checks it in; the counter sees 代办（子女） and asks for
// the authorisation letter.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { person } from '../support/people.js';
import { signIn } from './support/hall.js';
import { PHONE, describeHall, screenshot } from './support/index.js';
import { textOf } from './support/ui.js';

const FATHER = person(31);
const DAUGHTER = person(32);
const LAPTOP = { viewport: { width: 1366, height: 768 } };
const ADMIN_PASSWORD = 'Proxy-booking-2026';

describeHall('booking for a parent (代办)', { clock: '2026-11-25T08:30:00+08:00' }, (e2e) => {
  let phone: Page;
  let number = '';

  beforeAll(async () => {
    phone = await e2e.page(PHONE);
  });

  it('books with the person’s ID card, the agent’s card, phone and relation', async () => {
    await phone.goto('/');
    await phone.getByRole('link', { name: /医社保办理/ }).click();
    await phone.getByRole('radio', { name: /09:00–10:00/ }).check();
    await phone.getByRole('checkbox', { name: '为他人预约（代办）' }).check();
    await phone.getByRole('textbox', { name: '办事人身份证号' }).fill(FATHER.idCard);
    await phone.getByRole('textbox', { name: '代办人手机号' }).fill(DAUGHTER.phone);
    const agentCard = phone.getByRole('textbox', { name: '代办人（您）的身份证号' });
    // Her father's card in her field is refused in words.
    await agentCard.fill(FATHER.idCard);
    await agentCard.blur();
    await phone.getByText('代办人与办事人不能是同一人').waitFor();
    await agentCard.fill(DAUGHTER.idCard);
    await phone.getByRole('radio', { name: '子女' }).check();
    await screenshot(phone, 'booking-proxy-form-phone');
    await phone.getByRole('button', { name: '提交预约' }).click();
    await phone.getByText('预约成功').waitFor();
    number = await textOf(phone.getByTestId('booking-number'));
    const page = await textOf(phone.locator('main'));
    expect(page).toContain(`${FATHER.idCard.slice(0, 6)}********${FATHER.idCard.slice(14)}`);
    expect(page).not.toContain(DAUGHTER.idCard);
  });

  it('her own ID card checks it in, and the counter sees 代办（子女）', async () => {
    const checkIn = await e2e.server.api<{ tickets: { number: string; agentRelation?: string }[] }>(
      'POST',
      '/api/v1/kiosk/check-in',
      { idCard: DAUGHTER.idCard },
      e2e.server.asKiosk,
    );
    expect(checkIn.status).toBe(200);
    expect(checkIn.body.tickets).toEqual([expect.objectContaining({ number, agentRelation: 'child' })]);

    await e2e.adminSession(ADMIN_PASSWORD);
    const counter = await e2e.page(LAPTOP);
    await counter.goto('/counter');
    await signIn(counter, e2e.server.firstStart.username, ADMIN_PASSWORD);
    await counter.getByRole('button', { name: '保存并开始叫号' }).click();
    await counter.getByRole('button', { name: '叫号', exact: true }).click();
    await counter.getByTestId('current-agent').getByText('代办（子女）').waitFor();
    expect(await textOf(counter.getByTestId('current-agent'))).toContain('请核验委托书');
    await screenshot(counter, 'counter-proxy-ticket');
  });
});
