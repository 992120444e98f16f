// A hall manager at /admin on a laptop: first sign-in with the one-time password, a new service
// (G) that citizens then see, a capacity cut below what is booked refused in words, closing a day
// that has a booking (the count, a confirmation, and 我的预约 shows it cancelled), two days
// imported from a pasted list, a staff account and a kiosk whose pairing link works, today's
// figures following the hall live, this month's report (last month empty) and the CSV with its
// BOM, the audit log of all of it (devices by name), and the console in English. Hall clock:
// Wednesday 2026-11-25 09:30.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { CreateBookingResponse } from '../../src/contracts/bookings.js';
import { person } from '../support/people.js';
import { KIOSK_PORTRAIT, PHONE, describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll, textOf } from './support/ui.js';

const LAPTOP = { viewport: { width: 1280, height: 800 } };
const NEW_PASSWORD = 'Hall-manager-2026';
const CLOSED_DAY_CITIZEN = person(502);

describeHall('admin console', { clock: '2026-11-25T09:30:00+08:00' }, (e2e) => {
  let page: Page;
  let closedDayNumber = '';
  let clerkPassword = '';

  const book = async (who: { idCard: string; phone: string }, serviceId: number, date: string, slot: string) => {
    const res = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', { serviceId, date, slot, ...who });
    expect(res.status).toBe(201);
    return res.body.booking.number;
  };
  const nav = (name: RegExp) => page.getByRole('navigation', { name: /管理后台导航|Admin sections/ }).getByRole('link', { name });
  /** A full-page picture from the top, so sticky headers sit where a reader sees them. */
  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
  };
  const heading = (name: string) => page.getByRole('heading', { name, level: 1, exact: true });

  beforeAll(async () => {
    page = await e2e.page(LAPTOP);
  });

  it('signs in with the first-start one-time password and must change it', async () => {
    await page.goto('/admin');
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.getByText('管理后台').first().waitFor();
    await e2e.signInFirstTime(page, NEW_PASSWORD);
    await heading('今日').waitFor();
    await page.getByText('2026年11月25日 周三，截至 09:3').waitFor();
    expect(await nav(/今日/).getAttribute('aria-current')).toBe('page');
  });

  it('sets up service G, checked as typed, and the citizen home page shows it', async () => {
    await nav(/业务设置/).click();
    await heading('业务设置').waitFor();
    await page.getByTestId('services-table').locator('tr[data-letter="Y"]').waitFor();
    await expectNoHorizontalScroll(page);
    await shot('admin-services');

    await page.getByRole('link', { name: '新增业务' }).click();
    await heading('新增业务').waitFor();
    await page.getByLabel('字母').selectOption('G');
    await page.getByLabel('中文名称').fill('公积金业务办理');
    await page.getByLabel('英文名称').fill('Housing provident fund');
    // A slot ending before it starts is caught before anything is sent.
    await page.getByLabel('第 1 个时段 结束').fill('08:00');
    await page.getByRole('button', { name: '创建业务' }).click();
    await page.getByText('有 1 处需要修改，已在下方标出').waitFor();
    await page.getByTestId('slot-table').getByText('结束时间应晚于开始时间').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第 1 个时段 结束');

    await page.getByLabel('每段分钟数').fill('30');
    await page.getByLabel('每段名额').fill('5');
    await page.getByRole('button', { name: '生成（替换现有时段）' }).click();
    await page.getByText('共 12 个时段，每天可预约 60 人。').waitFor();
    await page.getByLabel('每日现场号名额').fill('30');
    await page.getByRole('radio', { name: /按到达顺序/ }).check();
    await expectNoHorizontalScroll(page);
    await shot('admin-service-editor');

    await page.getByRole('button', { name: '创建业务' }).click();
    await page.getByText('已创建业务 G · 公积金业务办理').waitFor();
    const row = page.getByTestId('services-table').locator('tr[data-letter="G"]');
    expect(await textOf(row)).toContain('公积金业务办理');
    expect(await textOf(row)).toContain('按到达顺序');

    const citizen = await e2e.page(PHONE);
    await citizen.goto('/');
    await citizen.getByRole('link', { name: /公积金业务办理/ }).click();
    await citizen.getByRole('radio', { name: /14:30–15:00\s*余 5 个/ }).waitFor();
    await citizen.close();
  });

  it('refuses to lower a capacity below what is booked, next to the slot', async () => {
    await book(person(501), 1, '2026-11-26', '10:00');
    await page.getByRole('link', { name: '编辑业务 Y' }).click();
    await heading('编辑业务 Y · 医社保办理').waitFor();
    const slot = page.getByTestId('slot-table').locator('tr[data-row="10:00"]');
    await slot.getByRole('textbox', { name: /名额/ }).fill('0');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const words = '2026-11-26 10:00 已有 1 人预约，名额不能少于已预约人数';
    await page.getByRole('alert').filter({ hasText: '未保存' }).getByText(words).waitFor();
    await slot.getByText(words).waitFor();
    expect(await slot.getByRole('textbox', { name: /名额/ }).getAttribute('aria-invalid')).toBe('true');
    await shot('admin-capacity-refused');

    // Nothing changed: the slot still offers its ten places.
    const availability = await e2e.server.api<{ days: { date: string; slots: { start: string; capacity: number }[] }[] }>(
      'GET',
      '/api/v1/services/1/availability?from=2026-11-26&days=1',
    );
    expect(availability.body.days[0]?.slots.find((s) => s.start === '10:00')?.capacity).toBe(10);
    // Leaving with unsaved changes asks first.
    await page.getByRole('button', { name: '取消' }).click();
    const leave = page.getByRole('dialog', { name: '放弃未保存的修改？' });
    await leave.getByRole('button', { name: '继续编辑' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(await slot.getByRole('textbox', { name: /名额/ }).inputValue()).toBe('0');
    await page.getByRole('button', { name: '取消' }).click();
    await leave.getByRole('button', { name: '放弃修改' }).click();
    await heading('业务设置').waitFor();
  });

  it('closing a day with a booking shows the count and asks; 我的预约 then shows it cancelled', async () => {
    closedDayNumber = await book(CLOSED_DAY_CITIZEN, 1, '2026-11-27', '09:00');
    await nav(/节假日/).click();
    await heading('节假日').waitFor();
    const day = page.getByTestId('month-grid').locator('button[data-date="2026-11-27"]');
    await day.click();
    const panel = page.getByTestId('day-panel');
    await panel.getByRole('heading', { name: '2026年11月27日 周五' }).waitFor();
    // The grid is worked by keyboard too.
    await day.press('ArrowRight');
    await panel.getByRole('heading', { name: '2026年11月28日 周六' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-date'))).toBe('2026-11-28');
    await page.keyboard.press('ArrowLeft');
    await panel.getByRole('heading', { name: '2026年11月27日 周五' }).waitFor();

    // The day says how many bookings it has, and nothing is chosen for the admin (issue 10).
    expect(await textOf(day.getByTestId('bookings-2026-11-27'))).toBe('预约 1');
    await panel.getByText('当天已有 1 个预约（不含已取消）').waitFor();
    expect(await panel.getByRole('radio', { checked: true }).count()).toBe(0);
    await panel.getByRole('button', { name: '保存' }).click();
    await panel.getByRole('alert').getByText('请选择要设为闭馆还是调休上班').waitFor();
    await shot('admin-calendar-unchosen');
    await panel.getByRole('radio', { name: /闭馆（节假日）/ }).check();
    await panel.getByLabel(/说明/).fill('设备检修');
    await panel.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog', { name: '确认 2026年11月27日 周五 闭馆？' });
    await dialog.waitFor();
    expect(await textOf(dialog.getByTestId('closing-bookings'))).toBe('1');
    await screenshot(page, 'admin-calendar-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: '暂不闭馆' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await day.textContent()).not.toContain('休');

    await panel.getByRole('button', { name: '保存' }).click();
    await dialog.getByRole('button', { name: '确认闭馆并取消 1 个预约' }).click();
    await page.getByText('已将 2026年11月27日 周五 设为闭馆，取消了 1 个预约').waitFor();
    await day.getByText('休').waitFor();
    await day.getByText('设备检修').waitFor();
    await page.getByTestId('month-exceptions').getByText('设备检修').waitFor();
    await expectNoHorizontalScroll(page);
    await shot('admin-calendar');

    const citizen = await e2e.page(PHONE);
    await citizen.goto('/records');
    await citizen.getByRole('textbox', { name: '身份证号' }).fill(CLOSED_DAY_CITIZEN.idCard);
    await citizen.getByRole('textbox', { name: '手机号' }).fill(CLOSED_DAY_CITIZEN.phone);
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.locator('li.card', { hasText: closedDayNumber }).getByText('已取消').waitFor();
    await citizen.close();
  });

  it('imports two days from a pasted list after a preview', async () => {
    await page.getByRole('button', { name: '批量导入' }).click();
    const text = page.getByLabel('粘贴日期列表');
    await text.fill('日期,类型,说明\n2026-12-12,班,调休上班\n2026-13-01,休');
    await page.getByText('有 1 行无法识别，请修改后再导入').waitFor();
    await page.getByText('第 3 行“2026-13-01,休” — 日期不正确').waitFor();
    expect(await page.getByRole('button', { name: '导入 1 天' }).isDisabled()).toBe(true);

    await text.fill('日期,类型,说明\n2026-12-12,班,调休上班\n2026/12/31,休,元旦前闭馆');
    const preview = page.getByTestId('import-preview');
    await preview.getByText('预览：2 天').waitFor();
    await preview.locator('tr[data-date="2026-12-12"]').getByText('调休上班').first().waitFor();
    await preview.locator('tr[data-date="2026-12-31"]').getByText('新增').waitFor();
    await shot('admin-calendar-import');
    await page.getByRole('button', { name: '导入 2 天' }).click();
    await page.getByText('已导入 2 天').waitFor();

    await page.getByRole('link', { name: '下个月' }).click();
    await page.getByRole('heading', { name: '2026年12月', level: 2, exact: true }).waitFor();
    const grid = page.getByTestId('month-grid');
    await grid.locator('button[data-date="2026-12-12"]').getByText('班', { exact: true }).waitFor();
    await grid.locator('button[data-date="2026-12-31"]').getByText('休', { exact: true }).waitFor();
    await shot('admin-calendar-december');
  });

  it('creates a staff account and a kiosk whose pairing link is shown once and works', async () => {
    await nav(/人员与设备/).click();
    await heading('人员与设备').waitFor();
    await page.getByTestId('staff-table').locator('tr[data-username="admin"]').waitFor();
    await page.getByLabel('用户名').fill('clerk1');
    await page.getByLabel(/显示名称/).fill('李窗口');
    await page.getByRole('button', { name: '生成一次性密码' }).click();
    const first = await page.getByLabel('初始密码').inputValue();
    expect(first).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    clerkPassword = first;
    await page.getByRole('button', { name: '创建账号' }).click();
    const secret = page.getByTestId('one-time-secret');
    await secret.getByRole('heading', { name: '已创建账号 clerk1' }).waitFor();
    expect(await secret.getByRole('textbox').inputValue()).toBe(first);
    await page.getByTestId('staff-table').locator('tr[data-username="clerk1"]').getByText('待改密码').waitFor();
    await secret.getByRole('button', { name: '完成' }).click();

    await page.getByLabel('设备名称').fill('二号取号机');
    await page.getByRole('button', { name: '生成配对链接' }).click();
    const paired = page.getByTestId('one-time-secret');
    await paired.getByRole('heading', { name: '“二号取号机”的配对链接' }).waitFor();
    const link = await paired.getByRole('textbox').inputValue();
    expect(link).toMatch(new RegExp(`^${e2e.server.url}/kiosk#pair=[\\w-]+$`));
    await paired.getByRole('img', { name: '“二号取号机”配对链接的二维码' }).waitFor();
    await paired.getByRole('button', { name: '复制' }).click();
    await paired.getByText(/已复制|请选中后手动复制/).waitFor();
    await page.getByTestId('devices-table').locator('tr[data-device="二号取号机"]').getByText('尚未连接').waitFor();
    await expectNoHorizontalScroll(page);
    await shot('admin-staff');

    const kiosk = await e2e.page(KIOSK_PORTRAIT);
    await e2e.pairKiosk(kiosk, link);
    await kiosk.close();
    await paired.getByRole('button', { name: '完成' }).click();
    await page.reload();
    const lastSeen = page.getByTestId('devices-table').locator('tr[data-device="二号取号机"] td').nth(2);
    expect(await textOf(lastSeen)).toMatch(/^2026-11-25 \d\d:\d\d$/);
  });

  it('a counter clerk at /admin is told it is for administrators; a reset password is shown once', async () => {
    const clerk = await e2e.page(LAPTOP);
    await clerk.goto('/admin');
    await e2e.signInFirstTime(clerk, 'Window-clerk-2026', { username: 'clerk1', password: clerkPassword });
    await clerk.getByRole('alert').getByText('此页面仅限管理员使用').waitFor();
    expect(await clerk.getByRole('navigation', { name: '管理后台导航' }).count()).toBe(0);

    const row = page.getByTestId('staff-table').locator('tr[data-username="clerk1"]');
    await row.getByRole('button', { name: '重置密码：clerk1' }).click();
    const dialog = page.getByRole('dialog', { name: '重置 clerk1 的密码？' });
    await dialog.getByRole('button', { name: '重置密码' }).click();
    const secret = page.getByTestId('one-time-secret');
    await secret.getByRole('heading', { name: 'clerk1 的新一次性密码' }).waitFor();
    const reset = await secret.getByRole('textbox').inputValue();
    expect(reset).not.toBe(clerkPassword);
    await row.getByText('待改密码').waitFor();
    // The clerk's session ended; the new one-time password signs in and must be changed again.
    await clerk.reload();
    await clerk.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await e2e.signInFirstTime(clerk, 'Window-clerk-2027', { username: 'clerk1', password: reset });
    await clerk.getByText('此页面仅限管理员使用').waitFor();
    await clerk.close();
    await secret.getByRole('button', { name: '完成' }).click();
  });

  it("today's figures follow the hall live, with a chart by hour", async () => {
    await nav(/今日/).click();
    await heading('今日').waitFor();
    const kpi = (key: string) => page.getByTestId('today-totals').locator(`dd[data-kpi="${key}"]`);
    await page.getByText('实时更新', { exact: true }).waitFor();
    expect(await textOf(kpi('walkIns'))).toBe('0');

    await book(person(503), 1, '2026-11-25', '10:00');
    const walkIn = await e2e.server.api('POST', '/api/v1/kiosk/walk-in', { serviceId: 1 }, e2e.server.asKiosk);
    expect(walkIn.status).toBe(201);
    await page.waitForFunction(() => document.querySelector('dd[data-kpi="walkIns"]')?.textContent === '1');
    await page.waitForFunction(() => document.querySelector('dd[data-kpi="booked"]')?.textContent === '1');
    expect(await textOf(kpi('waiting'))).toBe('1');
    const y = page.getByTestId('today-table').locator('tr[data-service="Y"]');
    expect(await textOf(y.locator('td[data-col="walkIns"]'))).toBe('1');
    expect(await page.locator('.bar-chart rect').count()).toBeGreaterThan(0);
    await page.getByRole('img', { name: /今日共取号 1 个，办结 0 个/ }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot('admin-today');
  });

  it('shows a month of figures and exports them as CSV with a BOM', async () => {
    await nav(/报表/).click();
    await heading('报表').waitFor();
    // This month so far by default (issue 10: it opened on an empty last month).
    await page.getByText('2026年11月1日 周日 至 2026年11月25日 周三').waitFor();
    await page.getByTestId('report-table').locator('tbody tr', { hasText: '11月25日' }).first().waitFor();
    await shot('admin-reports-this-month');
    // Nothing happened in October.
    await page.getByRole('button', { name: '上月' }).click();
    await page.getByText('2026年10月1日 周四 至 2026年10月31日 周六').waitFor();
    await page.getByTestId('report-empty').waitFor();
    await shot('admin-reports-empty');

    await page.getByLabel('开始日期').fill('2026-11-01');
    await page.getByLabel('结束日期').fill('2026-11-30');
    await page.getByRole('button', { name: '查询' }).click();
    const table = page.getByTestId('report-table');
    await table.waitFor();
    expect(new URL(page.url()).search).toBe('?tab=reports&from=2026-11-01&to=2026-11-30');
    const closed = table.locator('tbody tr', { hasText: '11月27日' }).filter({ hasText: '医社保办理' });
    expect(await textOf(closed.locator('td[data-col="cancelledHallClosed"]'))).toBe('1');
    await expectNoHorizontalScroll(page);
    await shot('admin-reports');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '导出 CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('vreserve-2026-11-01-2026-11-30.csv');
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('闭馆取消');
    expect(csv).toMatch(/2026-11-27,Y,医社保办理,0,0,0,1,1,/);
  });

  it('the audit log lists every change, newest first, and filters by kind', async () => {
    await nav(/操作日志/).click();
    await heading('操作日志').waitFor();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const actions = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual([
      'staff.reset_password',
      'device.create',
      'staff.create',
      'calendar.closed',
      'calendar.open',
      'calendar.cancel_bookings',
      'calendar.closed',
      'service.create',
    ]);
    expect(await textOf(table.locator('tr[data-action="calendar.cancel_bookings"]'))).toContain('取消了 1 个预约');
    expect(await textOf(table.locator('tr[data-action="service.create"]'))).toContain('公积金业务办理');
    expect(await textOf(table.locator('tr[data-action="staff.create"]'))).toMatch(/admin\s*新建账号\s*clerk1\s*窗口人员/);
    // A device by its name, not only `kiosk #2` (issue 10).
    expect(await textOf(table.locator('tr[data-action="device.create"] td').nth(3))).toMatch(/^二号取号机 · kiosk #\d+$/);
    await page.getByText('共 8 条，已到最早的记录').waitFor();
    await shot('admin-audit');

    await page.getByLabel('操作', { exact: true }).selectOption('calendar.');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.getByText('共 4 条，已到最早的记录').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(4);
  });

  it('works in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await heading('Audit log').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Clear filter' }).click();
    await page.getByText('8 entries, back to the first').waitFor();
    await page
      .getByTestId('audit-table')
      .locator('tr[data-action="service.create"] .audit-table__details > span')
      .getByText('Housing provident fund')
      .waitFor();
    await shot('admin-audit-en');

    await nav(/Today/).click();
    await heading('Today').waitFor();
    await page.getByText('Wed 25 Nov 2026, as of 09:3').waitFor();
    await page.getByTestId('today-table').getByText('Medical and social insurance').waitFor();
    await shot('admin-today-en');

    await nav(/Services/).click();
    await page.getByRole('link', { name: 'Edit service G' }).click();
    await heading('Service G · Housing provident fund').waitFor();
    await page.getByLabel('Slot 1 End').fill('9');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Use hours:minutes, e.g. 09:00').waitFor();
    await shot('admin-service-editor-en');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click();

    await nav(/Calendar/).click();
    await heading('Calendar').waitFor();
    await page.getByTestId('month-grid').locator('button[data-date="2026-11-27"]').getByText('Closed').waitFor();
    await shot('admin-calendar-en');

    await nav(/Staff & devices/).click();
    await page.getByRole('heading', { name: 'Kiosks, display boards and rating pads' }).waitFor();
    await shot('admin-staff-en');
    await nav(/Reports/).click();
    await page.getByRole('link', { name: 'Export CSV' }).waitFor();
    // This month is where the report opens.
    await page.getByTestId('report-table').getByText('Wed 25 Nov').waitFor();
    expect(await page.getByRole('button', { name: 'This month' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Last month' }).click();
    await page.getByTestId('report-empty').waitFor();
    await page.getByRole('button', { name: 'This month' }).click();
    await page.getByTestId('report-table').getByText('Wed 25 Nov').waitFor();
    await shot('admin-reports-en');
    await page.reload();
    await heading('Reports').waitFor();
  });
});
