// Signed webhooks out, the admin's side: registering endpoints (validation, hall scope, audit, the
// secret shown once and kept only sealed), rotating the secret, a test ping, the delivery log, and
// which events an endpoint gets (a stub receiver stands in for the network here; the integration
// test uses a real one).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebhookDeliverer } from '../../src/server/messaging/webhook-sender.js';
import { verifyWebhook } from '../../src/server/messaging/webhook-signature.js';
import { createContactCipher, dataKeyFrom } from '../../src/server/services/contact-cipher.js';
import { rotateContacts } from '../../src/server/services/key-rotation.service.js';
import { webhookSecretContext } from '../../src/server/services/webhook-admin.service.js';
import { bookingBody, get, openEastHall, post } from '../support/http.js';
import { person } from '../support/people.js';
import { TEST_DATA_KEY, type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Record<string, string>;
let received: { url: string; headers: Record<string, string>; body: string }[];
let answer: number;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-12-10T08:30:00+08:00' });
  admin = await t.signIn('admin');
  received = [];
  answer = 200;
});
afterEach(() => t.close());

const stubFetch = (async (url: string, init: RequestInit) => {
  received.push({ url, headers: init.headers as Record<string, string>, body: init.body as string });
  return new Response(null, { status: answer });
}) as unknown as typeof fetch;
const deliver = async () => {
  const d = new WebhookDeliverer(t.ctx, { fetch: stubFetch });
  while ((await d.runOnce()) > 0);
};

const RECEIVER = 'https://receiver.example.gov.cn/hooks/vreserve';
const create = (body: Record<string, unknown>, headers = admin) => post(t.app, '/api/v1/admin/webhooks', body, headers);
const put = async (url: string, body: unknown, headers = admin) => {
  const res = await t.app.inject({ method: 'PUT', url, payload: body as object, headers });
  return { status: res.statusCode, body: res.json() };
};
const endpointRows = () => t.store.db.selectFrom('webhook_endpoint').selectAll().execute();
const audit = (action: string) => t.store.db.selectFrom('audit_log').select(['action', 'target', 'details', 'actor']).where('action', '=', action).execute();

describe('registering an endpoint', () => {
  it('answers the secret once; the list never shows it and the store keeps it only sealed (audited)', async () => {
    const res = await create({ url: RECEIVER, events: ['booking.created', 'ticket.called'] });
    expect(res.status).toBe(201);
    const { endpoint, secret } = res.body;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(endpoint).toMatchObject({ url: RECEIVER, events: ['booking.created', 'ticket.called'], active: true, hallCode: 'MAIN' });
    expect(endpoint.counts).toEqual({ queued: 0, sending: 0, delivered: 0, failed: 0 });

    const list = await get(t.app, '/api/v1/admin/webhooks', admin);
    expect(list.status).toBe(200);
    expect(list.body.endpoints.map((e: { id: number }) => e.id)).toEqual([endpoint.id]);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const [row] = await endpointRows();
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(readFileSync(t.store.location.replace(/^sqlite:/, '')).includes(Buffer.from(secret))).toBe(false);
    // It opens with the data key, on its own row only.
    const sealed = { keyId: row?.secret_key_id as string, cipher: row?.secret_cipher as string };
    expect(t.ctx.messaging?.contacts.open(sealed, webhookSecretContext(endpoint.id))).toBe(secret);
    expect(() => t.ctx.messaging?.contacts.open(sealed, webhookSecretContext(endpoint.id + 1))).toThrow();

    const [entry] = await audit('webhook.create');
    expect(entry).toMatchObject({ actor: 'boss', target: `webhook #${endpoint.id}` });
    expect(entry?.details).not.toContain(secret);
  });

  it('takes a secret the admin gives, and a plain http:// address (a hall’s own network)', async () => {
    const res = await create({ url: 'http://10.1.2.3:8080/in', events: ['ticket.completed'], secret: 'given-secret-0123456789' });
    expect(res.status).toBe(201);
    expect(res.body.secret).toBe('given-secret-0123456789');
  });

  it.each([
    ['an ftp address', { url: 'ftp://receiver.example/x', events: ['booking.created'] }],
    ['no address', { url: 'receiver.example/x', events: ['booking.created'] }],
    ['a user and password in the address', { url: 'https://user:pw@receiver.example/x', events: ['booking.created'] }],
    ['a space in the address', { url: 'https://receiver.example/a b', events: ['booking.created'] }],
    ['no events', { url: RECEIVER, events: [] }],
    ['an unknown event', { url: RECEIVER, events: ['ticket.walk_in'] }],
    ['an event twice', { url: RECEIVER, events: ['booking.created', 'booking.created'] }],
    ['a short secret', { url: RECEIVER, events: ['booking.created'], secret: 'short' }],
    ['an unknown field', { url: RECEIVER, events: ['booking.created'], hallId: 2 }],
  ])('refuses %s with 400 and writes nothing', async (_name, body) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(await endpointRows()).toEqual([]);
    expect(await audit('webhook.create')).toEqual([]);
  });

  it('is for admins only', async () => {
    const staff = await t.signIn('staff');
    expect((await create({ url: RECEIVER, events: ['booking.created'] }, staff)).status).toBe(403);
    expect((await get(t.app, '/api/v1/admin/webhooks', staff)).status).toBe(403);
    expect((await get(t.app, '/api/v1/admin/webhooks')).status).toBe(401);
    expect(await endpointRows()).toEqual([]);
  });
});

describe('hall scope', () => {
  let city: Record<string, string>;
  let east: Record<string, string>;
  beforeEach(async () => {
    ({ city, east } = await openEastHall(t));
  });

  it('a hall admin sees and changes only their hall’s endpoints; another hall’s answer as not found', async () => {
    const mine = (await create({ url: RECEIVER, events: ['booking.created'] })).body.endpoint;
    const theirs = (await create({ url: `${RECEIVER}/east`, events: ['booking.created'] }, east)).body.endpoint;
    expect(theirs.hallCode).toBe('CD');
    expect((await get(t.app, '/api/v1/admin/webhooks', admin)).body.endpoints.map((e: { id: number }) => e.id)).toEqual([mine.id]);
    expect((await get(t.app, '/api/v1/admin/webhooks?hall=CD', admin)).body.code).toBe('HALL_NOT_FOUND');
    const change = { url: 'https://evil.example/x', events: ['booking.created'], active: true };
    expect((await put(`/api/v1/admin/webhooks/${theirs.id}`, change)).body.code).toBe('NOT_FOUND');
    expect((await post(t.app, `/api/v1/admin/webhooks/${theirs.id}/rotate-secret`, {}, admin)).body.code).toBe('NOT_FOUND');
    expect((await post(t.app, `/api/v1/admin/webhooks/${theirs.id}/test`, {}, admin)).body.code).toBe('NOT_FOUND');
    expect((await get(t.app, `/api/v1/admin/webhooks/${theirs.id}/deliveries`, admin)).body.code).toBe('NOT_FOUND');
    expect((await endpointRows()).find((r) => r.id === theirs.id)?.url).toBe(`${RECEIVER}/east`);
    // The city admin works in either hall with ?hall=.
    expect((await get(t.app, '/api/v1/admin/webhooks?hall=CD', city)).body.endpoints.map((e: { id: number }) => e.id)).toEqual([theirs.id]);
  });

  it('only a city admin registers one for every hall; hall admins neither see nor reach it', async () => {
    expect((await create({ url: RECEIVER, events: ['booking.created'], allHalls: true })).status).toBe(403);
    expect(await endpointRows()).toEqual([]);
    const all = await create({ url: RECEIVER, events: ['booking.created'], allHalls: true }, city);
    expect(all.status).toBe(201);
    expect(all.body.endpoint.hallCode).toBeNull();
    expect((await get(t.app, '/api/v1/admin/webhooks?hall=CD', city)).body.endpoints.map((e: { id: number }) => e.id)).toEqual([all.body.endpoint.id]);
    expect((await get(t.app, '/api/v1/admin/webhooks', east)).body.endpoints).toEqual([]);
    expect((await post(t.app, `/api/v1/admin/webhooks/${all.body.endpoint.id}/test`, {}, east)).body.code).toBe('NOT_FOUND');
  });
});

describe('changing an endpoint', () => {
  it('changes its address and events or switches it off (audited); a rotated secret is shown once and signs from then on', async () => {
    const made = (await create({ url: RECEIVER, events: ['booking.created'] })).body;
    const changed = await put(`/api/v1/admin/webhooks/${made.endpoint.id}`, { url: `${RECEIVER}/v2`, events: ['ticket.called', 'ticket.completed'], active: false });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ url: `${RECEIVER}/v2`, events: ['ticket.called', 'ticket.completed'], active: false });
    expect(JSON.stringify(changed.body)).not.toContain(made.secret);
    expect((await audit('webhook.update')).length).toBe(1);

    const rotated = await post(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/rotate-secret`, {}, admin);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(made.secret);
    expect((await audit('webhook.rotate_secret')).length).toBe(1);
    await put(`/api/v1/admin/webhooks/${made.endpoint.id}`, { url: RECEIVER, events: ['booking.created'], active: true });
    await post(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/test`, {}, admin);
    await deliver();
    const [ping] = received;
    const header = { signature: ping?.headers['x-vreserve-signature'] as string, timestamp: ping?.headers['x-vreserve-timestamp'] as string };
    const now = Math.floor(t.ctx.clock().getTime() / 1000);
    expect(verifyWebhook(rotated.body.secret, header, ping?.body as string, now)).toBe(true);
    expect(verifyWebhook(made.secret, header, ping?.body as string, now)).toBe(false);
  });

  it('`keys rotate` re-seals the secret under the new data key; it still signs the same', async () => {
    const made = (await create({ url: RECEIVER, events: ['booking.created'] })).body;
    const rotated = createContactCipher([dataKeyFrom(TEST_DATA_KEY), dataKeyFrom(Buffer.alloc(32, 9).toString('base64'))]);
    const report = await rotateContacts(t.store.db, rotated);
    expect(report.unreadable).toEqual({});
    const [row] = await endpointRows();
    expect(row?.secret_key_id).toBe(rotated.currentKeyId);
    expect(rotated.open({ keyId: row?.secret_key_id as string, cipher: row?.secret_cipher as string }, webhookSecretContext(made.endpoint.id))).toBe(made.secret);
  });

  it('a missing endpoint is 404', async () => {
    expect((await put('/api/v1/admin/webhooks/99', { url: RECEIVER, events: ['booking.created'], active: true })).status).toBe(404);
  });
});

describe('deliveries', () => {
  it('"send test" delivers a signed ping, and the log shows it delivered', async () => {
    const made = (await create({ url: RECEIVER, events: ['booking.created'] })).body;
    const test = await post(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/test`, {}, admin);
    expect(test.status).toBe(202);
    expect((await audit('webhook.test')).length).toBe(1);
    let log = await get(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/deliveries`, admin);
    expect(log.body.deliveries).toMatchObject([{ id: test.body.deliveryId, event: 'ping', status: 'queued', attempts: 0 }]);
    await deliver();
    expect(received.length).toBe(1);
    const ping = received[0] as (typeof received)[number];
    expect(ping.url).toBe(RECEIVER);
    expect(ping.headers['x-vreserve-event']).toBe('ping');
    expect(ping.headers['x-vreserve-delivery']).toBe(String(test.body.deliveryId));
    expect(ping.headers['content-type']).toBe('application/json');
    expect(JSON.parse(ping.body)).toEqual({ id: 0, event: 'ping', hallCode: 'MAIN', date: null, at: '2026-12-10T00:30:00.000Z' });
    const header = { signature: ping.headers['x-vreserve-signature'] as string, timestamp: ping.headers['x-vreserve-timestamp'] as string };
    expect(verifyWebhook(made.secret, header, ping.body, Math.floor(t.ctx.clock().getTime() / 1000))).toBe(true);
    log = await get(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/deliveries`, admin);
    expect(log.body.deliveries).toMatchObject([{ event: 'ping', status: 'delivered', attempts: 1, lastStatus: 200, lastError: null, nextAttemptAt: null }]);
    expect((await get(t.app, '/api/v1/admin/webhooks', admin)).body.endpoints[0].counts.delivered).toBe(1);
  });

  it('a receiver answering 500 is retried 10 s later; the log shows the status and the next attempt', async () => {
    const made = (await create({ url: RECEIVER, events: ['booking.created'] })).body;
    await post(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/test`, {}, admin);
    answer = 500;
    await deliver();
    const log = await get(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/deliveries?status=queued`, admin);
    expect(log.body.deliveries).toMatchObject([{ status: 'queued', attempts: 1, lastStatus: 500, lastError: 'the receiver answered HTTP 500', nextAttemptAt: '2026-12-10T00:30:10.000Z' }]);
    answer = 200;
    await deliver();
    expect(received.length).toBe(1); // not due yet
    t.setNow('2026-12-10T08:30:10+08:00');
    await deliver();
    expect(received.length).toBe(2);
    expect((await get(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/deliveries`, admin)).body.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200 });
  });

  it('an endpoint gets the events it chose from after it was made, with no ID card or phone in them', async () => {
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-12-11' }))).status).toBe(201);
    const made = (await create({ url: RECEIVER, events: ['booking.created', 'booking.cancelled'] })).body;
    const calls = (await create({ url: `${RECEIVER}/calls`, events: ['ticket.called'] })).body;
    const booked = await post(t.app, '/api/v1/bookings', bookingBody(person(2), { date: '2026-12-11', slot: '10:00' }));
    expect(booked.status).toBe(201);
    await deliver();
    expect(received.map((r) => [r.url, r.headers['x-vreserve-event']])).toEqual([[RECEIVER, 'booking.created']]);
    const body = JSON.parse(received[0]?.body as string);
    expect(body).toMatchObject({ event: 'booking.created', hallCode: 'MAIN', serviceCode: expect.any(String), date: '2026-12-11', number: booked.body.booking.number });
    expect(Object.keys(body).sort()).toEqual(['at', 'date', 'event', 'hallCode', 'id', 'number', 'serviceCode']);
    const all = JSON.stringify(received);
    for (const p of [person(1), person(2)]) {
      expect(all).not.toContain(p.phone);
      expect(all).not.toContain(p.idCard);
    }
    expect((await get(t.app, `/api/v1/admin/webhooks/${calls.endpoint.id}/deliveries`, admin)).body.deliveries).toEqual([]);
    expect((await get(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/deliveries`, admin)).body.deliveries).toMatchObject([{ event: 'booking.created', number: booked.body.booking.number, status: 'delivered' }]);
  });

  it('an endpoint switched off gets nothing new; what it had waits until it is on again', async () => {
    const made = (await create({ url: RECEIVER, events: ['booking.created'] })).body;
    await post(t.app, `/api/v1/admin/webhooks/${made.endpoint.id}/test`, {}, admin);
    await put(`/api/v1/admin/webhooks/${made.endpoint.id}`, { url: RECEIVER, events: ['booking.created'], active: false });
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(3), { date: '2026-12-11' }))).status).toBe(201);
    await deliver();
    expect(received).toEqual([]);
    await put(`/api/v1/admin/webhooks/${made.endpoint.id}`, { url: RECEIVER, events: ['booking.created'], active: true });
    await deliver();
    expect(received.map((r) => r.headers['x-vreserve-event'])).toEqual(['ping']);
  });
  it('a 差评 reaches the provincial platform: rating.created with the level and reasons, then case.closed', async () => {
    t.setNow('2026-12-10T09:10:00+08:00');
    const made = (await create({ url: RECEIVER, events: ['rating.created', 'case.closed'] })).body;
    const staff = await t.signIn('staff', 'wangli');
    const walk = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    await post(t.app, `/api/v1/tickets/${walk.body.ticket.number}/complete`, {}, staff);
    const rated = await post(t.app, `/api/v1/t/${walk.body.ticket.publicToken}/rating`, { level: 'very_dissatisfied', reasons: ['attitude'], comment: '电话 13812345678' });
    expect(rated.status).toBe(201);
    const { cases } = (await get(t.app, '/api/v1/admin/rating-cases?from=2026-12-01&to=2026-12-10', admin)).body;
    for (const step of [{ to: 'rectifying', note: '培训' }, { to: 'closed', note: '无法联系到办事人' }]) {
      expect((await post(t.app, `/api/v1/admin/rating-cases/${cases[0].id}/step`, step, admin)).status).toBe(200);
    }
    await deliver();
    expect(received.map((r) => r.headers['x-vreserve-event'])).toEqual(['rating.created', 'case.closed']);
    const [rating, closed] = received.map((r) => JSON.parse(r.body));
    expect(rating).toMatchObject({ event: 'rating.created', hallCode: 'MAIN', number: walk.body.ticket.number, data: { level: 'very_dissatisfied', reasons: ['attitude'], channel: 'web' } });
    expect(closed).toMatchObject({ event: 'case.closed', number: walk.body.ticket.number, data: { caseId: cases[0].id, state: 'closed' } });
    // The comment (with a phone typed into it) never leaves: only the level and reasons do.
    expect(received.map((r) => r.body).join('')).not.toContain('1381234');
    for (const r of received) {
      const header = { signature: r.headers['x-vreserve-signature'] as string, timestamp: r.headers['x-vreserve-timestamp'] as string };
      expect(verifyWebhook(made.secret, header, r.body, Math.floor(t.ctx.clock().getTime() / 1000))).toBe(true);
    }
  });
});
