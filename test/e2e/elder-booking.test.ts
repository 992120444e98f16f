// 长辈版 books one decision a screen: the day, then the time, then the ID card and phone, each step
// saying 第 n 步，共 3 步 in plain words, with what was chosen and a big way back.
import { expect, it } from 'vitest';
import { person } from '../support/people.js';
import { PHONE, describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll } from './support/ui.js';

const CITIZEN = person(57);

describeHall('长辈版 booking, one decision a screen', { clock: '2026-11-25T08:30:00+08:00' }, (e2e) => {
  it('day, then time, then who; a way back at each step; then booked', async () => {
    const phone = await e2e.page(PHONE);
    await phone.goto('/');
    await phone.getByRole('button', { name: '长辈版' }).click();
    await phone.getByRole('link', { name: /医社保办理/ }).click();
    await phone.getByRole('heading', { name: '医社保办理' }).waitFor();

    // Step 1: only the day is asked.
    await phone.getByText('第 1 步，共 3 步').waitFor();
    await phone.getByRole('heading', { name: '请选哪一天来办' }).waitFor();
    expect(await phone.locator('input[name="slot"]').count()).toBe(0);
    expect(await phone.getByRole('textbox').count()).toBe(0);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'elder-step-1-day-phone');
    // The chosen day (today) goes on with 下一步; choosing another day goes on by itself.
    await phone.getByRole('button', { name: '下一步' }).click();

    // Step 2: only the time.
    await phone.getByText('第 2 步，共 3 步').waitFor();
    await phone.getByRole('heading', { name: '请选几点来' }).waitFor();
    expect(await phone.locator('input[name="date"]').count()).toBe(0);
    expect(await phone.getByRole('textbox').count()).toBe(0);
    await phone.getByText('您选的日子：').waitFor();
    // A different day: back to step 1, then step 2 again with that day.
    await phone.getByRole('button', { name: '换一天' }).click();
    await phone.getByRole('heading', { name: '请选哪一天来办' }).waitFor();
    await phone.locator('label.chip').filter({ has: phone.locator('input[name="date"][value="2026-11-26"]') }).click();
    await phone.getByRole('heading', { name: '请选几点来' }).waitFor();
    expect(await phone.getByTestId('elder-step').textContent()).toContain('11月26日');
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'elder-step-2-time-phone');
    await phone.getByRole('radio', { name: /10:00–11:00/ }).click();

    // Step 3: who; the day and time are shown with a way to change each.
    await phone.getByRole('heading', { name: '请填身份证号和手机号' }).waitFor();
    const chosen = (await phone.getByTestId('elder-step').textContent()) ?? '';
    expect(chosen).toContain('11月26日');
    expect(chosen).toContain('10:00–11:00');
    expect(await phone.locator('input[name="slot"]').count()).toBe(0);
    await phone.getByRole('button', { name: '换个时间' }).click();
    await phone.getByRole('heading', { name: '请选几点来' }).waitFor();
    await phone.getByRole('radio', { name: /14:00–15:00/ }).click();
    await phone.getByRole('heading', { name: '请填身份证号和手机号' }).waitFor();
    await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    const submit = phone.getByRole('button', { name: '提交预约' });
    expect((await submit.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'elder-step-3-who-phone');
    await submit.click();
    await phone.getByText('预约成功').waitFor();
    const page = (await phone.locator('main').textContent()) ?? '';
    expect(page).toContain('14:00–15:00');
    expect(page).toContain('11月26日');
    await screenshot(phone, 'elder-booked-phone');

    // The standard page still shows all three at once.
    await phone.getByRole('button', { name: '标准版' }).click();
    await phone.goto('/?service=1');
    await phone.getByRole('heading', { name: '医社保办理' }).waitFor();
    await phone.getByRole('textbox', { name: '身份证号' }).waitFor();
    expect(await phone.locator('input[name="slot"]').count()).toBeGreaterThan(0);
    expect(await phone.getByTestId('elder-step').count()).toBe(0);
  });
});
