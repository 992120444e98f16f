// Small helpers over app.inject for the API tests.
import { expect } from 'vitest';
import type { App } from '../../src/server/http/types.js';

export async function post(app: App, url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'POST', url, payload: body as object, headers });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

export async function get(app: App, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

export function bookingBody(p: { idCard: string; phone: string }, over: Record<string, unknown> = {}) {
  return { serviceId: 1, date: '2026-11-25', slot: '09:00', ...p, ...over };
}

/** 已预约人数 / 余号数量 of service 1 on a date, as citizens see them. */
export async function counts(app: App, date = '2026-11-25', serviceId = 1) {
  const { body } = await get(app, `/api/v1/services?date=${date}`);
  const s = body.services.find((x: { id: number }) => x.id === serviceId);
  return { reserved: s.reserved as number, remaining: s.remaining as number, walkInIssued: s.walkIn.issued as number };
}

/** Opens hall CD (城东) as a city admin and signs in its own hall admin: the second hall of the hall-scope tests. */
export async function openEastHall(t: { app: App; signIn(role: 'admin' | 'city_admin', username?: string, hall?: string): Promise<Record<string, string>> }) {
  const city = await t.signIn('city_admin');
  const hall = await post(
    t.app,
    '/api/v1/admin/halls',
    { code: 'CD', nameZh: '城东政务服务中心', nameEn: 'East Service Centre', districtZh: '城东区', districtEn: 'East District', addressZh: '东大街 1 号' },
    city,
  );
  expect(hall.status).toBe(201);
  return { city, east: await t.signIn('admin', 'east-boss', 'CD') };
}
