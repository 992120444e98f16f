// Halls for the admin console: the list (a hall admin sees their own), creating and changing
// halls (city admins), the city overview, and the service catalogue.
import { Type } from 'typebox';
import {
  AdminHall,
  AdminHallsResponse,
  CatalogBody,
  CatalogEntry,
  CatalogParams,
  CityOverviewResponse,
  CreateHallBody,
  UpdateHallBody,
} from '../../contracts/admin-halls.js';
import { HallCodeParams } from '../../contracts/halls.js';
import type { Hall } from '../services/hall-directory.js';
import { AppError } from '../services/app-error.js';
import { catalogEntries, saveCatalog } from '../services/catalog-admin.service.js';
import type { ServiceContext } from '../services/context.js';
import { changeHall, cityOverview, createHall } from '../services/hall-admin.service.js';
import { requireStaff, staffOf } from './auth.js';
import { errorResponses } from './errors.js';
import { hallOf, isCityAdmin } from './hall-scope.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

const present = (h: Hall) => ({
  code: h.code,
  numberPrefix: h.numberPrefix,
  nameZh: h.nameZh,
  nameEn: h.nameEn,
  districtZh: h.districtZh,
  districtEn: h.districtEn,
  addressZh: h.addressZh,
  addressEn: h.addressEn,
  phone: h.phone,
  timeZone: h.timeZone,
  hoursZh: h.hoursZh,
  hoursEn: h.hoursEn,
  sortOrder: h.sortOrder,
  active: h.active,
});

export async function hallsAdminRoutes(app: App, ctx: ServiceContext): Promise<void> {
  const admin = requireStaff(ctx, 'admin');
  const city = requireStaff(ctx, 'city_admin');
  const refused = errorResponses(401, 403, 404, 409);
  const actor = async (request: Parameters<typeof staffOf>[1]) => (await staffOf(ctx, request)).username;

  app.get(
    '/api/v1/admin/halls',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Halls: every hall for a city admin, their own for a hall admin',
        response: { 200: AdminHallsResponse, ...refused },
      },
    },
    async (request) => ({
      halls: (await isCityAdmin(ctx, request)) ? (await ctx.halls.all()).map(present) : [present((await hallOf(ctx, request)).hall)],
    }),
  );

  app.post(
    '/api/v1/admin/halls',
    {
      onRequest: city,
      schema: {
        tags: ['admin'],
        summary: 'Open a new hall with catalogue services and a counter per service (city admins)',
        body: CreateHallBody,
        response: { 201: AdminHall, ...refused },
      },
    },
    async (request, reply) => reply.status(201).send(present(await createHall(ctx, await actor(request), request.body))),
  );

  app.put(
    '/api/v1/admin/halls/:code',
    {
      onRequest: city,
      schema: {
        tags: ['admin'],
        summary: "Change a hall's details or close it to the public (city admins)",
        params: HallCodeParams,
        body: UpdateHallBody,
        response: { 200: AdminHall, ...refused },
      },
    },
    async (request) => {
      const hall = await ctx.halls.byCode(request.params.code);
      if (!hall) throw new AppError('HALL_NOT_FOUND', { hall: request.params.code });
      return present(await changeHall(ctx, await actor(request), hall, request.body));
    },
  );

  app.get(
    '/api/v1/admin/city',
    {
      onRequest: city,
      schema: {
        tags: ['admin'],
        summary: "City overview: every hall's today (booked, checked in, waiting, longest wait, counters open)",
        response: { 200: CityOverviewResponse, ...refused },
      },
    },
    async (request) => cityOverview(ctx, await ctx.halls.all(), langOf(request)),
  );

  app.get(
    '/api/v1/admin/catalog',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'The city’s service catalogue (a letter is the same service in every hall)',
        response: {
          200: Type.Object({ entries: Type.Array(CatalogEntry) }),
          ...refused,
        },
      },
    },
    async () => ({ entries: await catalogEntries(ctx) }),
  );

  app.put(
    '/api/v1/admin/catalog/:letter',
    {
      onRequest: city,
      schema: {
        tags: ['admin'],
        summary: 'Add or change a catalogue service; every hall offering it takes the names (city admins)',
        params: CatalogParams,
        body: CatalogBody,
        response: { 200: CatalogEntry, ...refused },
      },
    },
    async (request) => saveCatalog(ctx, await actor(request), request.params.letter, request.body),
  );
}
