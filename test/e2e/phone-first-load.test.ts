// The booking page `/` on a phone's first load: the citizen page's scripts only, the service list
// asked for once (public/early.js asks for it while the scripts download), and the counts still
// follow what happens afterwards (the live connection starts where the list was read).
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { person } from '../support/people.js';
import { PHONE, describeHall } from './support/index.js';
import { textOf } from './support/ui.js';

describeHall('the booking page on a phone, first load', {}, (e2e) => {
  let phone: Page;
  const asked: string[] = [];

  beforeAll(async () => {
    phone = await e2e.page(PHONE);
    phone.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`);
    });
  });

  const tile = () => phone.getByRole('link', { name: /医社保办理/ });

  it('shows the services, having asked for the list once', async () => {
    await phone.goto('/');
    await tile().waitFor();
    expect(await textOf(tile())).toMatch(/余号数量\s*50/);
    // Long enough for the live connection to open (and for a second load, if there were one).
    await phone.waitForTimeout(1500);
    expect(asked.filter((p) => p === '/api/v1/services')).toHaveLength(1);
    expect(asked.filter((p) => p === '/api/v1/halls')).toHaveLength(1);
  });

  it('a booking made elsewhere right after the page loaded shows in the counts', async () => {
    const res = await e2e.server.api('POST', '/api/v1/bookings', { serviceId: 1, date: '2026-11-25', slot: '10:00', ...person(7) });
    expect(res.status).toBe(201);
    await expect.poll(async () => textOf(tile()), { timeout: 5000 }).toMatch(/余号数量\s*49/);
  });

  it('and so does one made after a reload, while the page was loading', async () => {
    const booked = phone.goto('/');
    const res = await e2e.server.api('POST', '/api/v1/bookings', { serviceId: 1, date: '2026-11-25', slot: '11:00', ...person(8) });
    expect(res.status).toBe(201);
    await booked;
    await expect.poll(async () => textOf(tile()), { timeout: 5000 }).toMatch(/余号数量\s*48/);
  });
});
