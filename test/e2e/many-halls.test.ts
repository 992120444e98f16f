// A city with four halls, a citizen on a phone: `/` lists the halls by district with today's
// places, the choice opens the hall's own app (/h/CODE/) and is remembered; 医社保办理 at the
// chosen hall is full today and tomorrow, so the page offers the halls with places sooner
// (一键换厅); one tap opens 城东大厅's same service, the booking there carries its number and name,
// and 我的预约 shows each booking's hall. Hall clock: Wednesday 2026-11-25 08:30.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { AdminService } from '../../src/contracts/admin.js';
import type { CreateBookingResponse } from '../../src/contracts/bookings.js';
import type { HallsResponse, SuggestionsResponse } from '../../src/contracts/halls.js';
import type { ServicesResponse } from '../../src/contracts/services.js';
import { person } from '../support/people.js';
import { PHONE, describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll, textOf } from './support/ui.js';

const TODAY = '2026-11-25';
const TOMORROW = '2026-11-26';
const CITIZEN = person(61);
const SLOTS = ['09:00', '10:00', '11:00', '14:00', '15:00'];

const HALLS = [
  { code: 'CD', nameZh: '城东大厅', nameEn: 'East Hall', districtZh: '朝阳区', addressZh: '朝阳区建国路 88 号', hoursZh: '工作日 9:00-17:00' },
  { code: 'CB', nameZh: '城北大厅', nameEn: 'North Hall', districtZh: '朝阳区', addressZh: '朝阳区北苑路 6 号' },
  { code: 'XC', nameZh: '城西大厅', nameEn: 'West Hall', districtZh: '海淀区', addressZh: '海淀区中关村大街 1 号' },
];

describeHall('many halls: choose a hall, switch to one with places, book there', {}, (e2e) => {
  let phone: Page;
  let number = '';

  beforeAll(async () => {
    const cookie = await e2e.adminSession('Many-halls-2026');
    const asAdmin = { cookie };
    const main = await e2e.server.api(
      'PUT',
      '/api/v1/admin/halls/MAIN',
      { code: 'MAIN', nameZh: '市政务服务中心', nameEn: 'City Service Centre', districtZh: '东城区', addressZh: '东城区正义路 1 号' },
      asAdmin,
    );
    expect(main.status).toBe(200);
    for (const hall of HALLS) expect((await e2e.server.api('POST', '/api/v1/admin/halls', hall, asAdmin)).status).toBe(201);

    // The centre's 医社保办理 takes one person a slot, and today's and tomorrow's are all taken.
    const services = await e2e.server.api<{ services: AdminService[] }>('GET', '/api/v1/admin/services?hall=MAIN', undefined, asAdmin);
    const y = services.body.services.find((s) => s.letter === 'Y');
    if (!y) throw new Error('no service Y in MAIN');
    const { id, active: _active, ...input } = y;
    const smaller = { ...input, schedule: { ...y.schedule, slots: y.schedule.slots.map((s) => ({ ...s, capacity: 1 })) } };
    expect((await e2e.server.api('PUT', `/api/v1/admin/services/${id}?hall=MAIN`, smaller, asAdmin)).status).toBe(200);
    let n = 700;
    for (const date of [TODAY, TOMORROW]) {
      for (const slot of SLOTS) {
        const res = await e2e.server.api('POST', '/api/v1/bookings', { serviceId: id, date, slot, ...person(n++) });
        expect(res.status).toBe(201);
      }
    }
    phone = await e2e.page(PHONE);
  });

  it('`/` lists the halls by district, each with today’s places and address', async () => {
    await phone.goto('/');
    await phone.getByRole('heading', { name: '选择大厅', level: 1 }).waitFor();
    const districts = await phone.getByRole('heading', { level: 2 }).allTextContents();
    expect(districts).toEqual(['东城区', '朝阳区', '海淀区']);
    const halls = (await e2e.server.api<HallsResponse>('GET', '/api/v1/halls')).body.halls;
    const east = halls.find((h) => h.code === 'CD');
    expect(east?.remaining).toBeGreaterThan(0);
    const tile = await textOf(phone.getByRole('link', { name: /城东大厅/ }));
    expect(tile).toContain(`今日余号 ${east?.remaining}`);
    expect(tile).toContain('朝阳区建国路 88 号');
    expect(tile).toContain('工作日 9:00-17:00');
    const chaoyang = phone.getByRole('region', { name: '朝阳区' });
    expect(await chaoyang.getByRole('link').count()).toBe(2);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'halls-chooser-phone');
  });

  it('the chosen hall opens at its own address, and `/` goes there next time', async () => {
    await phone.getByRole('link', { name: /市政务服务中心/ }).click();
    await phone.waitForURL('**/h/MAIN/');
    await phone.getByRole('heading', { name: '选择办理业务' }).waitFor();
    const bar = phone.getByRole('region', { name: '当前大厅' });
    expect(await textOf(bar)).toContain('市政务服务中心');
    expect(await textOf(bar)).toContain('东城区正义路 1 号');
    await bar.getByRole('link', { name: '换个大厅' }).waitFor();

    await phone.goto('/');
    await phone.waitForURL('**/h/MAIN/');
    await phone.getByRole('link', { name: /医社保办理/ }).waitFor();
    expect(await phone.evaluate(() => window.localStorage.getItem('vreserve.hall'))).toBe('MAIN');
    await screenshot(phone, 'hall-home-phone');
  });

  it('a service full today and tomorrow offers the halls with places sooner (一键换厅)', async () => {
    await phone.getByRole('link', { name: /医社保办理/ }).click();
    await phone.getByRole('heading', { name: '医社保办理', level: 1 }).waitFor();
    const offers = phone.getByRole('region', { name: '其他大厅有更早的号' });
    await offers.getByText('城东大厅 今天 09:00 有号').waitFor();
    const suggested = await e2e.server.api<SuggestionsResponse>('GET', '/api/v1/halls/MAIN/suggestions?letter=Y');
    expect(suggested.body.here?.date).toBe('2026-11-27');
    expect(await offers.getByRole('listitem').count()).toBe(Math.min(3, suggested.body.elsewhere.length));
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'service-other-halls-phone');

    await offers.getByRole('link', { name: '一键换厅到城东大厅' }).click();
    await phone.waitForURL(/\/h\/CD\/\?service=\d+&date=2026-11-25$/);
    await phone.getByRole('heading', { name: '医社保办理', level: 1 }).waitFor();
    expect(await textOf(phone.getByRole('region', { name: '当前大厅' }))).toContain('城东大厅');
    // This hall has places today: nothing else is offered.
    await phone.getByRole('radio', { name: /09:00–10:00/ }).check();
    expect(await phone.getByRole('region', { name: '其他大厅有更早的号' }).count()).toBe(0);
  });

  it('books at the other hall: its number and name on the confirmation', async () => {
    await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    await phone.getByRole('button', { name: '提交预约' }).click();
    await phone.getByText('预约成功').waitFor();
    number = await textOf(phone.getByTestId('booking-number'));
    expect(number).toBe('CD-Y20261125090001');
    expect(phone.url()).toMatch(/\/h\/CD\/\?booking=CD-Y20261125090001$/);
    expect(await textOf(phone.getByTestId('booking-hall'))).toBe('城东大厅');
    expect(await textOf(phone.locator('main'))).toContain('朝阳区建国路 88 号');
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'hall-confirmation-phone');
  });

  it('我的预约 shows each booking’s hall, in either language', async () => {
    const later = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', {
      serviceId: 4,
      date: '2026-11-27',
      slot: '09:00',
      ...CITIZEN,
    });
    expect(later.status).toBe(201);
    expect(later.body.booking.hallCode).toBe('MAIN');
    await phone.getByRole('main').getByRole('link', { name: '我的预约' }).click();
    await phone.getByRole('heading', { name: '我的预约', level: 1 }).waitFor();
    await phone.getByRole('button', { name: '刷新' }).click();
    const here = phone.locator('li.card', { hasText: number });
    await here.getByText('城东大厅').waitFor();
    await phone.locator('li.card', { hasText: later.body.booking.number }).getByText('市政务服务中心').waitFor();
    expect(await phone.evaluate(() => JSON.stringify(window.localStorage))).not.toContain(CITIZEN.idCard);
    expect(await phone.evaluate(() => JSON.stringify(window.localStorage))).not.toContain(CITIZEN.phone);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'records-halls-phone');

    await phone.getByRole('button', { name: 'English' }).click();
    await phone.locator('li.card', { hasText: number }).getByText('East Hall').waitFor();
    await phone.getByRole('navigation').getByRole('link', { name: 'Book', exact: true }).click();
    await phone.waitForURL('**/h/CD/');
    expect(await textOf(phone.getByRole('region', { name: 'Current hall' }))).toContain('East Hall');
    await phone.getByRole('link', { name: /Medical and social insurance/ }).waitFor();
    await screenshot(phone, 'hall-home-en-phone');
    await phone.getByRole('button', { name: '中文' }).click();
  });

  it('a hall’s address is forgiving: any case, an unknown hall, another hall’s service, an old link', async () => {
    await phone.goto('/h/xc/');
    expect(await textOf(phone.getByRole('region', { name: '当前大厅' }))).toContain('城西大厅');
    await phone.getByRole('link', { name: /医社保办理/ }).waitFor();

    await phone.goto('/h/ZZ/');
    await phone.getByRole('alert').getByText('没有找到这个大厅，它可能已不再接受预约。').waitFor();
    await phone.getByRole('link', { name: '选择大厅' }).click();
    await phone.getByRole('heading', { name: '选择大厅', level: 1 }).waitFor();
    // The hall this device used last is marked.
    expect(await phone.getByRole('link', { name: /城西大厅/ }).getAttribute('aria-current')).toBe('true');

    // A service opened under another hall's address moves to its own hall's address.
    const east = await e2e.server.api<ServicesResponse>('GET', '/api/v1/halls/CD/services');
    const eastY = east.body.services.find((s) => s.letter === 'Y');
    await phone.goto(`/h/XC/?service=${eastY?.id}`);
    await phone.waitForURL(new RegExp(`/h/CD/\\?service=${eastY?.id}$`));
    expect(await textOf(phone.getByRole('region', { name: '当前大厅' }))).toContain('城东大厅');

    // Links made before there were many halls (`/?service=`, `/?booking=`) move to the hall's address.
    await phone.goto(`/?service=${eastY?.id}`);
    await phone.waitForURL(new RegExp(`/h/CD/\\?service=${eastY?.id}$`));
    await phone.getByRole('heading', { name: '医社保办理', level: 1 }).waitFor();
    await phone.goto(`/?booking=${number}`);
    await phone.waitForURL(`**/h/CD/?booking=${number}`);
    expect(await textOf(phone.getByTestId('booking-hall'))).toBe('城东大厅');
  });
});
