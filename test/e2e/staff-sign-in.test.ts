// Staff sign-in at the counter console: a wrong password said in words, the first sign-in with
// the one-time password printed at first start forces a new password (checked as typed), sign-out
// and back in, and a locked account counting down its seconds, in both languages.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { signIn } from './support/hall.js';
import { describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll, textOf } from './support/ui.js';

const LAPTOP = { viewport: { width: 1366, height: 768 } };
const NEW_PASSWORD = 'Hall-counter-2026';

describeHall('staff sign-in', { clock: '2026-11-25T09:30:00+08:00' }, (e2e) => {
  let page: Page;

  beforeAll(async () => {
    page = await e2e.page(LAPTOP);
  });

  it('asks for both fields and words a wrong password', async () => {
    await page.goto('/counter');
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请输入用户名').waitFor();
    await page.getByText('请输入密码').waitFor();
    await signIn(page, 'admin', 'not-the-password');
    await page.getByRole('alert').getByText('用户名或密码不正确').waitFor();
    expect(await page.getByLabel('密码').inputValue()).toBe('');
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'staff-sign-in-wrong-password');
  });

  it('the one-time password from the first start forces a new password, and is not asked twice', async () => {
    const { username, password } = e2e.server.firstStart;
    await signIn(page, username, password);
    await page.getByRole('heading', { name: '请设置新密码' }).waitFor();
    // It was typed a moment ago: only the new password is asked (issue 10).
    await page.getByText('管理员，一次性密码已验证').waitFor();
    const current = page.getByLabel('当前密码（一次性密码）');
    expect(await current.count()).toBe(0);
    // Nothing else works until the password is changed.
    expect((await page.request.get('/api/v1/counters')).status()).toBe(403);

    const next = page.getByLabel('新密码', { exact: true });
    const again = page.getByLabel('再次输入新密码');
    const save = page.getByRole('button', { name: '保存新密码' });
    await next.fill('short');
    await save.click();
    await page.getByText('密码太弱：至少 10 个字符').waitFor();
    await next.fill(NEW_PASSWORD);
    await again.fill(`${NEW_PASSWORD}x`);
    await save.click();
    await page.getByText('两次输入的新密码不一致').waitFor();
    await screenshot(page, 'staff-password-change');

    // After a reload nothing remembers the one-time password: then it is asked, and checked.
    await page.reload();
    await page.getByText('管理员，您正在使用一次性密码登录').waitFor();
    await current.fill('wrong-one-time');
    await next.fill(NEW_PASSWORD);
    await again.fill(NEW_PASSWORD);
    await save.click();
    await page.getByRole('alert').getByText('当前密码不正确').waitFor();
    await screenshot(page, 'staff-password-change-after-reload');

    await current.fill(password);
    await save.click();
    await page.getByRole('heading', { name: '设置本窗口' }).waitFor();
    expect((await page.request.get('/api/v1/counters')).status()).toBe(200);
  });

  it('signs out, and signs in again with the new password only', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('已退出登录').waitFor();
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
    await signIn(page, 'admin', e2e.server.firstStart.password);
    await page.getByRole('alert').getByText('用户名或密码不正确').waitFor();
    await signIn(page, 'admin', NEW_PASSWORD);
    await page.getByRole('heading', { name: '设置本窗口' }).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
  });

  it('too many wrong passwords from one device pause it, saying for how many seconds, counting down, in English too', async () => {
    const admin = await e2e.staffCookie('admin', NEW_PASSWORD);
    const created = await e2e.server.api('POST', '/api/v1/staff', { username: 'clerk', password: 'Window-pass-2026', role: 'staff' }, { cookie: admin });
    expect(created.status).toBe(201);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    let locked = false;
    for (let i = 0; i < 12 && !locked; i++) {
      await signIn(page, 'clerk', `wrong-${i}`);
      const alert = page.getByRole('alert');
      await alert.getByText(/Wrong username or password|paused/).waitFor();
      locked = (await alert.textContent())?.includes('paused') ?? false;
    }
    expect(locked).toBe(true);
    const message = page.getByRole('alert').getByText(/sign-in is paused for \d+ more seconds/);
    const first = Number(/(\d+) more seconds/.exec(await textOf(message))?.[1]);
    expect(first).toBeGreaterThan(1);
    await page.getByRole('button', { name: /Try again in \d+ s/ }).and(page.locator(':disabled')).waitFor();
    await page.getByText(`paused for ${first - 1} more seconds`).waitFor({ timeout: 3_000 });
    await screenshot(page, 'staff-sign-in-locked-en');
  });
});
