// Issue 14, counter state on the screens: the clerk pauses counter 1 for a meeting; the desk says
// so, offers no 叫号 and keeps waiting people for other counters; the display board shows the
// counter as 暂停服务 within a second; resumed, the counter calls again; the admin's report shows
// who served and how long the counter was paused.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { signIn } from './support/hall.js';
import { describeHall, screenshot } from './support/index.js';
import { textOf } from './support/ui.js';

const LAPTOP = { viewport: { width: 1366, height: 768 } };
const ADMIN_PASSWORD = 'Counter-pause-2026';

describeHall('a counter pauses and resumes', { clock: '2026-11-25T10:00:00+08:00' }, (e2e) => {
  let counter: Page;
  let board: Page;
  let kiosk: Page;

  beforeAll(async () => {
    await e2e.adminSession(ADMIN_PASSWORD);
    counter = await e2e.page(LAPTOP);
    await counter.goto('/counter');
    await signIn(counter, e2e.server.firstStart.username, ADMIN_PASSWORD);
    await counter.getByRole('button', { name: '保存并开始叫号' }).click();
    await counter.getByText('空闲中，按“叫号”呼叫下一位').waitFor();
    board = await e2e.page(LAPTOP);
    await e2e.pairDisplay(board);
    kiosk = await e2e.page(LAPTOP);
    await e2e.pairKiosk(kiosk);
  });

  it('pausing asks why, then the counter calls nobody and the board shows it', async () => {
    await kiosk.getByRole('button', { name: /现场取号/ }).click();
    await kiosk.getByRole('button', { name: /医社保办理/ }).click();
    await kiosk.getByRole('heading', { name: '取号成功' }).waitFor();
    await board.getByTestId('counter-state-1').getByText('服务中').waitFor();

    await counter.getByRole('button', { name: '暂停服务' }).click();
    const dialog = counter.getByRole('dialog', { name: '暂停服务的原因' });
    await dialog.waitFor();
    // 其他 without a note is refused in words, and nothing changes.
    await dialog.getByRole('radio', { name: '其他' }).check();
    await dialog.getByRole('button', { name: '暂停服务' }).click();
    await dialog.getByText('请写明暂停的原因').waitFor();
    await dialog.getByRole('radio', { name: '会议' }).check();
    await screenshot(counter, 'counter-pause-dialog');
    await dialog.getByRole('button', { name: '暂停服务' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await counter.getByTestId('counter-state').getByText(/暂停服务 · 会议（10:00 起）/).waitFor();
    expect(await counter.getByRole('button', { name: '叫号', exact: true }).isDisabled()).toBe(true);
    await counter.getByText(/本窗口现在不叫号/).waitFor();
    await board.getByTestId('counter-state-1').getByText('暂停服务').waitFor({ timeout: 1_000 });
    await screenshot(counter, 'counter-paused');
    await screenshot(board, 'display-counter-paused');
  });

  it('resumed, it calls the number that waited', async () => {
    await counter.getByRole('button', { name: '恢复服务' }).click();
    await counter.getByTestId('counter-state').getByText('服务中').waitFor();
    await board.getByTestId('counter-state-1').getByText('服务中').waitFor({ timeout: 1_000 });
    await counter.getByRole('button', { name: '叫号', exact: true }).click();
    await counter.locator('.current--called').waitFor();
    await counter.getByRole('button', { name: '办结', exact: true }).click();
    await counter.getByTestId('served-today').getByText('1').waitFor();
  });

  it('the admin’s report shows who served and the pause', async () => {
    const admin = await e2e.page(LAPTOP);
    await admin.goto('/admin?tab=reports&from=2026-11-25&to=2026-11-25');
    await signIn(admin, e2e.server.firstStart.username, ADMIN_PASSWORD);
    const staffRow = admin.getByTestId('staff-table').locator('tbody tr').first();
    await staffRow.waitFor();
    expect(await textOf(staffRow)).toContain(e2e.server.firstStart.username);
    const counterRow = admin.getByTestId('counter-pause-table').locator('tbody tr').first();
    expect(await textOf(counterRow)).toMatch(/^1\b/);
    await screenshot(admin, 'admin-report-staff');
    await admin.close();
  });
});
