// A city on one deployment, in the console (issue 11). The first-start admin is a city admin: with
// one hall there is nothing to switch; they open 城东 (CD) under 大厅, and the header's switcher
// then takes every hall section to CD (remembered after a reload); 城市概览 shows both halls with
// a booking made at CD; the report over every hall lists CD's row, and summed the CSV link says
// so; a hall admin made for CD sees only CD: no switcher, no city sections, a read-only
// catalogue. Hall clock: Wednesday 2026-11-25 09:30.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { CreateBookingResponse } from '../../src/contracts/bookings.js';
import type { AvailabilityResponse, ServicesResponse } from '../../src/contracts/services.js';
import { person } from '../support/people.js';
import { describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll, textOf } from './support/ui.js';

const LAPTOP = { viewport: { width: 1280, height: 800 } };
const CD_NAME = '城东政务服务中心';
const MAIN_NAME = '政务服务中心';

describeHall('admin console for many halls', { clock: '2026-11-25T09:30:00+08:00' }, (e2e) => {
  let page: Page;
  let hallAdminPassword = '';

  const nav = (p: Page, name: RegExp) => p.getByRole('navigation', { name: /管理后台导航|Admin sections/ }).getByRole('link', { name });
  const heading = (p: Page, name: string) => p.getByRole('heading', { name, level: 1, exact: true });
  const switcher = (p: Page) => p.getByRole('banner').getByLabel('大厅', { exact: true });
  const shot = async (p: Page, name: string) => {
    await p.evaluate(() => window.scrollTo(0, 0));
    await screenshot(p, name);
  };

  /** A booking for today at the hall's first bookable slot of its first service, by the public API. */
  const bookToday = async (hall: string, who: number) => {
    const services = await e2e.server.api<ServicesResponse>('GET', `/api/v1/halls/${hall}/services`);
    expect(services.status).toBe(200);
    const serviceId = services.body.services[0]?.id as number;
    const availability = await e2e.server.api<AvailabilityResponse>('GET', `/api/v1/services/${serviceId}/availability?from=2026-11-25&days=1`);
    const slot = availability.body.days[0]?.slots.find((s) => s.bookable);
    expect(slot).toBeDefined();
    const res = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', { serviceId, date: '2026-11-25', slot: slot?.start, ...person(who) });
    expect(res.status).toBe(201);
    return res.body.booking.number;
  };

  beforeAll(async () => {
    page = await e2e.page(LAPTOP);
  });

  it('a city admin with one hall sees the city sections and no switcher', async () => {
    await page.goto('/admin');
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await e2e.signInFirstTime(page, 'Whole-city-2026');
    await heading(page, '今日').waitFor();
    await page.getByTestId('hall-place').getByText(MAIN_NAME).waitFor();
    expect(await switcher(page).count()).toBe(0);
    for (const name of [/城市概览/, /^大厅/, /服务目录/]) await nav(page, name).waitFor();
    // The calendar of a city of one hall is the city's, and reads as before.
    await nav(page, /节假日/).click();
    await heading(page, '节假日').waitFor();
    await page.getByText(/^设置法定节假日（闭馆）和调休上班日/).waitFor();
    await page.getByTestId('hall-place').getByText(MAIN_NAME).waitFor();
  });

  it('opens hall CD with some catalogue services, and the list shows its number prefix', async () => {
    await nav(page, /^大厅/).click();
    await heading(page, '大厅').waitFor();
    await page.getByTestId('halls-table').locator('tr[data-hall="MAIN"]').waitFor();
    await page.getByRole('link', { name: '新建大厅' }).click();
    await heading(page, '新建大厅').waitFor();
    // Checked before anything is sent: a lower-case code, no name.
    await page.getByLabel('大厅代码').fill('1CD');
    await page.getByRole('button', { name: '创建大厅' }).click();
    await page.getByText('请用 2–8 位大写字母或数字，以字母开头').waitFor();
    await page.getByText('有 2 处需要修改，已在下方标出').waitFor();

    await page.getByLabel('大厅代码').fill('cd');
    expect(await page.getByLabel('大厅代码').inputValue()).toBe('CD');
    await page.getByLabel('中文名称').fill(CD_NAME);
    await page.getByLabel(/英文名称/).fill('East District Service Centre');
    await page.getByLabel(/^所在区县\s*（选填）/).fill('城东区');
    await page.getByLabel(/^地址\s*（选填）/).fill('东大街 1 号');
    await page.getByLabel(/^办公时间\s*（选填）/).fill('工作日 9:00–17:00');
    const letters = page.getByRole('group', { name: '提供的业务' });
    expect(await letters.getByRole('checkbox', { checked: true }).count()).toBe(4);
    // CD does not offer S (its hall admin adds it later).
    await letters.getByRole('checkbox', { name: /水电煤气业务办理/ }).uncheck();
    await expectNoHorizontalScroll(page);
    await shot(page, 'admin-halls-new');
    await page.getByRole('button', { name: '创建大厅' }).click();

    await page.getByText(`已新建大厅 CD · ${CD_NAME}`).waitFor();
    const row = page.getByTestId('halls-table').locator('tr[data-hall="CD"]');
    expect(await textOf(row)).toContain('CD-');
    expect(await textOf(row)).toContain('城东区');
    expect(await textOf(row)).toContain('开放');
    await shot(page, 'admin-halls');
  });

  it('switches every hall section to CD, and remembers it after a reload', async () => {
    await bookToday('CD', 701);
    await nav(page, /今日/).click();
    await heading(page, '今日').waitFor();
    // MAIN first (the first hall), with nothing booked today.
    expect(await switcher(page).inputValue()).toBe('MAIN');
    await page.waitForFunction(() => document.querySelector('dd[data-kpi="booked"]')?.textContent === '0');
    // The switcher offers halls only here (today has no city level).
    expect(await switcher(page).locator('option[value="*"]').count()).toBe(0);
    await switcher(page).selectOption('CD');
    await page.waitForFunction(() => document.querySelector('dd[data-kpi="booked"]')?.textContent === '1');
    await page.getByText('实时更新', { exact: true }).waitFor();
    await shot(page, 'admin-halls-today-cd');

    // A walk-in at CD's kiosk shows on CD's today live (a kiosk of CD, paired by a link made here).
    await nav(page, /人员与设备/).click();
    await heading(page, '人员与设备').waitFor();
    await page.getByLabel('设备名称').fill('城东取号机');
    await page.getByRole('button', { name: '生成配对链接' }).click();
    const paired = page.getByTestId('one-time-secret');
    const link = await paired.getByRole('textbox').inputValue();
    await paired.getByRole('button', { name: '完成' }).click();
    await page.getByTestId('devices-table').locator('tr[data-device="城东取号机"]').waitFor();
    const token = /#pair=([\w-]+)$/.exec(link)?.[1] as string;
    const cdServices = await e2e.server.api<ServicesResponse>('GET', '/api/v1/halls/CD/services');
    await nav(page, /今日/).click();
    await page.getByText('实时更新', { exact: true }).waitFor();
    const walkIn = await e2e.server.api('POST', '/api/v1/kiosk/walk-in', { serviceId: cdServices.body.services[0]?.id }, { authorization: `Bearer ${token}` });
    expect(walkIn.status).toBe(201);
    await page.waitForFunction(() => document.querySelector('dd[data-kpi="walkIns"]')?.textContent === '1');

    await page.reload();
    await heading(page, '今日').waitFor();
    expect(await switcher(page).inputValue()).toBe('CD');
    await page.waitForFunction(() => document.querySelector('dd[data-kpi="booked"]')?.textContent === '1');
  });

  it("the city overview shows both halls' today and the city's totals", async () => {
    await nav(page, /城市概览/).click();
    await heading(page, '城市概览').waitFor();
    // No hall to choose on the city's own sections.
    expect(await switcher(page).count()).toBe(0);
    const table = page.getByTestId('city-table');
    const cd = table.locator('tr[data-hall="CD"]');
    const main = table.locator('tr[data-hall="MAIN"]');
    expect(await textOf(cd.locator('th'))).toBe(CD_NAME);
    expect(await textOf(cd.locator('td[data-col="booked"]'))).toBe('1');
    expect(await textOf(cd.locator('td[data-col="walkIns"]'))).toBe('1');
    expect(await textOf(main.locator('td[data-col="booked"]'))).toBe('0');
    await table.locator('tr[data-district="城东区"]').waitFor();
    expect(await textOf(page.getByTestId('city-total-row').locator('td[data-col="booked"]'))).toBe('1');
    expect(await textOf(page.getByTestId('city-totals').locator('dd[data-kpi="booked"]'))).toBe('1');
    await expectNoHorizontalScroll(page);
    await shot(page, 'admin-city-overview');

    // Sorted by who is waiting: CD (its walk-in waits) first.
    await page.getByLabel('排列').selectOption('waiting');
    await page.waitForFunction(() => document.querySelector('[data-testid="city-table"] tbody tr')?.getAttribute('data-hall') === 'CD');
    expect(new URL(page.url()).search).toBe('?tab=city&sort=waiting');

    // A hall's row opens that hall's today.
    await main.getByRole('button', { name: `进入 ${MAIN_NAME} 的今日` }).click();
    await heading(page, '今日').waitFor();
    expect(await switcher(page).inputValue()).toBe('MAIN');
  });

  it('reports over every hall: each hall on its rows, or summed, and the CSV link follows', async () => {
    await nav(page, /报表/).click();
    await heading(page, '报表').waitFor();
    await switcher(page).selectOption('*');
    const spread = page.getByTestId('report-spread');
    await spread.getByRole('radio', { name: '各大厅分列' }).waitFor();
    expect(await spread.getByRole('radio', { name: '各大厅分列' }).isChecked()).toBe(true);
    const table = page.getByTestId('report-table');
    await table.locator('tr[data-hall="CD"]').first().getByText(CD_NAME).waitFor();
    const csv = page.getByRole('link', { name: '导出 CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/v1/reports/daily.csv?hall=*&from=2026-11-01&to=2026-11-25');
    await shot(page, 'admin-reports-city');

    await spread.getByRole('radio', { name: '全市合计' }).check();
    await table.locator('tr[data-hall="*"]').first().waitFor();
    expect(await table.locator('tr[data-hall="CD"]').count()).toBe(0);
    expect(await csv.getAttribute('href')).toBe('/api/v1/reports/daily.csv?hall=*&from=2026-11-01&to=2026-11-25&sum=true');
    const download = page.waitForEvent('download');
    await csv.click();
    expect((await download).suggestedFilename()).toBe('vreserve-2026-11-01-2026-11-25.csv');

    // Back on one hall, the report is that hall's and the layout choice is gone.
    await switcher(page).selectOption('CD');
    await table.locator('tr[data-hall="CD"]').first().waitFor();
    expect(await spread.count()).toBe(0);
    expect(await csv.getAttribute('href')).toBe('/api/v1/reports/daily.csv?hall=CD&from=2026-11-01&to=2026-11-25');
  });

  it('the calendar: the city calendar at 全市, a hall its own exceptions', async () => {
    await nav(page, /节假日/).click();
    await heading(page, '节假日').waitFor();
    await switcher(page).selectOption('*');
    await page.getByText(/^全市日历：所有大厅都按它开放和闭馆/).waitFor();
    const grid = page.getByTestId('month-grid');
    await grid.locator('button[data-date="2026-11-30"]').click();
    const panel = page.getByTestId('day-panel');
    await panel.getByRole('radio', { name: /闭馆（节假日）/ }).check();
    await panel.getByLabel(/说明/).fill('全市检修');
    await panel.getByRole('button', { name: '保存' }).click();
    await page.getByText('已将 2026年11月30日 周一 设为闭馆').waitFor();
    await grid.locator('button[data-date="2026-11-30"]').getByText('全市检修').waitFor();
    await shot(page, 'admin-calendar-city');

    // CD's own exceptions: none yet (the city's day is not one of them).
    await switcher(page).selectOption('CD');
    await page.getByText(`${CD_NAME} 自己的例外，优先于全市日历。`, { exact: false }).waitFor();
    await page.getByTestId('month-grid').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="month-grid"] button[data-date="2026-11-30"]')?.textContent?.includes('全市检修'));
    // Citizens of CD cannot book on the city's closed day.
    const services = await e2e.server.api<ServicesResponse>('GET', '/api/v1/halls/CD/services');
    const days = await e2e.server.api<AvailabilityResponse>('GET', `/api/v1/services/${services.body.services[0]?.id}/availability?from=2026-11-30&days=1`);
    expect(days.body.days[0]?.open).toBe(false);
  });

  it('makes a hall admin for CD; 市级管理员 is a role only a city admin is offered', async () => {
    await nav(page, /人员与设备/).click();
    await heading(page, '人员与设备').waitFor();
    expect(await switcher(page).inputValue()).toBe('CD');
    const role = page.getByLabel('角色');
    expect(await role.locator('option').allTextContents()).toEqual(['窗口人员', '大厅管理员', '市级管理员']);
    await page.getByLabel('用户名').fill('cdadmin');
    await page.getByLabel(/显示名称/).fill('城东管理员');
    await role.selectOption('admin');
    await page.getByRole('button', { name: '生成一次性密码' }).click();
    hallAdminPassword = await page.getByLabel('初始密码').inputValue();
    await page.getByRole('button', { name: '创建账号' }).click();
    const secret = page.getByTestId('one-time-secret');
    await secret.getByRole('heading', { name: '已创建账号 cdadmin' }).waitFor();
    await secret.getByRole('button', { name: '完成' }).click();
    await page.getByTestId('staff-table').locator('tr[data-username="cdadmin"]').waitFor();
    await shot(page, 'admin-halls-staff-cd');
  });

  it('the hall admin of CD sees CD only: no switcher, no city sections, a read-only catalogue', async () => {
    const hallAdmin = await e2e.page(LAPTOP);
    await hallAdmin.goto('/admin');
    await e2e.signInFirstTime(hallAdmin, 'East-hall-2026', { username: 'cdadmin', password: hallAdminPassword });
    await heading(hallAdmin, '今日').waitFor();
    await hallAdmin.getByTestId('hall-place').getByText(CD_NAME).waitFor();
    expect(await switcher(hallAdmin).count()).toBe(0);
    expect(await nav(hallAdmin, /城市概览/).count()).toBe(0);
    expect(await nav(hallAdmin, /^大厅/).count()).toBe(0);
    // CD's today: its booking and its walk-in.
    await hallAdmin.waitForFunction(() => document.querySelector('dd[data-kpi="booked"]')?.textContent === '1');
    expect(await textOf(hallAdmin.getByTestId('today-totals').locator('dd[data-kpi="walkIns"]'))).toBe('1');
    await shot(hallAdmin, 'admin-hall-admin-today');

    // An address of a city section opens today instead.
    await hallAdmin.goto('/admin?tab=city');
    await heading(hallAdmin, '今日').waitFor();

    await nav(hallAdmin, /服务目录/).click();
    await heading(hallAdmin, '服务目录').waitFor();
    await hallAdmin.getByTestId('catalog-table').locator('tr[data-letter]').first().waitFor();
    expect(await hallAdmin.getByRole('button', { name: '新增目录业务' }).count()).toBe(0);
    expect(await hallAdmin.getByRole('button', { name: /编辑目录业务/ }).count()).toBe(0);
    await shot(hallAdmin, 'admin-hall-admin-catalog');

    // A new service: only the catalogue letter CD does not offer yet, under the catalogue's names.
    await nav(hallAdmin, /业务设置/).click();
    await hallAdmin.getByRole('link', { name: '新增业务' }).click();
    await heading(hallAdmin, '新增业务').waitFor();
    expect(await hallAdmin.getByLabel('字母').locator('option').allTextContents()).toEqual(['S · 水电煤气业务办理']);
    expect(await hallAdmin.getByLabel('中文名称').inputValue()).toBe('水电煤气业务办理');
    expect(await hallAdmin.getByLabel('中文名称').getAttribute('readonly')).not.toBeNull();
    await hallAdmin.getByText('名称来自全市服务目录，由市级管理员修改').waitFor();
    await shot(hallAdmin, 'admin-hall-admin-new-service');
    await hallAdmin.getByRole('button', { name: '创建业务' }).click();
    await hallAdmin.getByText('已创建业务 S · 水电煤气业务办理').waitFor();
    await hallAdmin.getByTestId('services-table').locator('tr[data-letter="S"]').waitFor();

    await nav(hallAdmin, /人员与设备/).click();
    expect(await hallAdmin.getByLabel('角色').locator('option').allTextContents()).toEqual(['窗口人员', '大厅管理员']);
    // Only CD's staff and devices.
    await hallAdmin.getByTestId('devices-table').locator('tr[data-device="城东取号机"]').waitFor();
    expect(await hallAdmin.getByTestId('staff-table').locator('tr[data-username="admin"]').count()).toBe(0);
    await hallAdmin.close();
  });

  it('the city admin changes a catalogue name, and closes and reopens a hall', async () => {
    await nav(page, /服务目录/).click();
    await heading(page, '服务目录').waitFor();
    const first = page.getByTestId('catalog-table').locator('tr[data-letter]').first();
    const letter = (await first.getAttribute('data-letter')) as string;
    await first.getByRole('button', { name: `编辑目录业务 ${letter}` }).click();
    await page.getByLabel(/^办事须知\s*（选填）/).fill('身份证原件');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(new RegExp(`已保存目录业务 ${letter} · `)).waitFor();
    await first.getByText('身份证原件').waitFor();
    await shot(page, 'admin-catalog');

    await nav(page, /^大厅/).click();
    const row = page.getByTestId('halls-table').locator('tr[data-hall="CD"]');
    await row.getByRole('button', { name: `停用 ${CD_NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `停用 ${CD_NAME}？` });
    await dialog.getByRole('button', { name: '停用' }).click();
    await page.getByText(`已停用 ${CD_NAME}`).waitFor();
    await row.getByText('已停用').waitFor();
    expect((await e2e.server.api('GET', '/api/v1/halls/CD')).status).toBe(404);
    await row.getByRole('button', { name: `恢复开放 ${CD_NAME}` }).click();
    await page.getByText(`已恢复开放 ${CD_NAME}`).waitFor();
    expect((await e2e.server.api('GET', '/api/v1/halls/CD')).status).toBe(200);
  });

  it('works in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await nav(page, /City overview/).click();
    await heading(page, 'City overview').waitFor();
    const table = page.getByTestId('city-table');
    await table.locator('tr[data-hall="CD"]').getByText('East District Service Centre').waitFor();
    // CD has no English district: it is grouped under its Chinese one, apart from MAIN (none).
    await table.locator('tr[data-district="城东区"]').getByText('城东区 subtotal').waitFor();
    await table.locator('tr[data-district=""]').getByText('No district subtotal').waitFor();
    await shot(page, 'admin-city-overview-en');
  });
});
