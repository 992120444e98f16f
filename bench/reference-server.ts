// The bare reference for `npm run bench`: the booking transaction's SQL (the same repository
// calls, in the same order, that the real service makes inside its transaction — the person's lock,
// their bookings, the place, the day's calendar, the number, the booking, its three messages in the
// outbox, the live event and the day's remaining places — at the store's same durability) behind a
// plain Fastify route, with no validation, hashing, schema, logging or error mapping; and a route
// returning a fixed body the size of /api/v1/services. A slot known to be full is refused after one
// read, as the real server does, with 409. CAPACITY sets the places of a slot row it creates
// (default a million). The rows it writes are those of a real booking in shape, size and place:
// hashes spread as HMACs are (bench/wrk/booking.lua makes them), masks of the real length, the phone
// sealed for messages (a string of the sealed form's length: sealing is work the reference leaves
// out, but the bytes written are part of the transaction), messages due when the real ones are.
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { addDays, fromMinutes, hallInstant, toMinutes } from '../src/domain/schedule.js';
import { openStore } from '../src/server/db/dialect.js';
import { bookingsOfPersonSince, insertBooking } from '../src/server/repositories/booking.repository.js';
import { ensureCounter, nextOrder } from '../src/server/repositories/number-counter.repository.js';
import { overrideOnLocked } from '../src/server/repositories/calendar.repository.js';
import { appendEvent } from '../src/server/repositories/event.repository.js';
import { ensureSlotRow, slotCounts, slotIsFull, takePlace } from '../src/server/repositories/inventory.repository.js';
import { type NewNotification, queueNotifications } from '../src/server/repositories/notification.repository.js';
import { ensurePerson, lockOrCreatePersons } from '../src/server/repositories/person.repository.js';
import { MissingRow, RetryTransaction, makeMissingRow, transact } from '../src/server/services/transact.js';

const store = openStore(process.env.DATABASE_URL as string);
const servicesBody = process.env.SERVICES_BODY as string;
const capacity = Number(process.env.CAPACITY || 1_000_000);
class Full extends Error {}
const app = Fastify();

app.post('/book', async (request, reply) => {
  const b = request.body as { serviceId: number; date: string; slot: string; idHash: string; phoneHash: string };
  const at = new Date().toISOString();
  const idMasked = `110105********${b.idHash.slice(-4)}`;
  const slotKey = { serviceId: b.serviceId, date: b.date, slotStart: b.slot };
  const counterKey = { serviceId: b.serviceId, date: b.date, time: b.slot };
  if (await slotIsFull(store.db, slotKey, capacity)) return reply.status(409).send({ code: 'SLOT_FULL' });
  const number = await transact(store.db, async (trx) => {
    // As the real booking: the person's row made in the transaction on SQLite, outside it elsewhere.
    const personId = (await lockOrCreatePersons(trx, [{ idHash: b.idHash, idMasked }], at))?.get(b.idHash);
    if (personId === undefined) throw new MissingRow(() => ensurePerson(store.db, { idHash: b.idHash, idMasked, at }));
    await bookingsOfPersonSince(trx, b, b.date);
    let place = await takePlace(trx, slotKey);
    if (place === 'missing') {
      await makeMissingRow(trx, store.db, (db) => ensureSlotRow(db, slotKey, '23:59', capacity));
      place = await takePlace(trx, slotKey);
    }
    if (place === 'missing' || place === 'again') throw new RetryTransaction();
    if (place === 'full') throw new Full();
    await overrideOnLocked(trx, 1, b.date);
    let order = await nextOrder(trx, counterKey);
    if (order === null) {
      await makeMissingRow(trx, store.db, (db) => ensureCounter(db, counterKey));
      order = await nextOrder(trx, counterKey);
    }
    if (order === null) throw new RetryTransaction();
    const n = `R${b.date.replaceAll('-', '')}${b.slot.replace(':', '')}${order}-${b.serviceId}`;
    // The same unique, random public token as a real booking.
    const publicToken = randomBytes(16).toString('base64url');
    const bookingId = await insertBooking(trx, {
      hallId: 1,
      number: n,
      serviceId: b.serviceId,
      date: b.date,
      slotStart: b.slot,
      slotEnd: '23:59',
      personId,
      idHash: b.idHash,
      idMasked,
      phoneHash: b.phoneHash,
      phoneMasked: `138****${b.phoneHash.slice(-4)}`,
      phoneSealed: { cipher: `v1.${publicToken.slice(0, 16)}.${publicToken.slice(0, 15)}.${publicToken}`, keyId: 'bench0000000' },
      notify: true,
      lang: 'zh',
      status: 'booked',
      idempotencyHash: null,
      requestFingerprint: null,
      createdAt: at,
      updatedAt: at,
      checkedInAt: null,
      cancelledAt: null,
      cancelReason: null,
      publicToken,
      ageOnDay: 40,
    });
    // The confirmation and the two reminders, with variables of the real messages' size, due when
    // the real ones are (the bench's clock is in the quiet hours: the confirmation waits for 08:00),
    // so that they take the same places in the outbox's due index.
    const dayBefore = hallInstant(addDays(b.date, -1), '18:00', 'Asia/Shanghai').toISOString();
    const hourBefore = hallInstant(b.date, fromMinutes(toMinutes(b.slot) - 60), 'Asia/Shanghai').toISOString();
    const quietEnds = hallInstant(b.date, '08:00', 'Asia/Shanghai').toISOString();
    const params = { number: n, service: '医社保办理', date: b.date, slot: `${b.slot}-23:59`, hall: '政务服务中心', address: '地址见大厅页面', link: `http://127.0.0.1/t/${'x'.repeat(22)}` };
    const message = (kind: NewNotification['kind'], dueAt: string): NewNotification => ({ hallId: 1, kind, cause: `${kind}:${bookingId}`, bookingId, ticketId: null, lang: 'zh', params, dueAt, createdAt: at });
    await queueNotifications(trx, [
      { ...message('booking.confirmed', at), notBefore: quietEnds, params: { ...params, bring: '身份证' } },
      message('booking.reminder_day', dayBefore),
      message('booking.reminder_hour', hourBefore),
    ]);
    await appendEvent(trx, { type: 'booking.created', hallId: 1, serviceId: b.serviceId, date: b.date, at, number: n });
    await slotCounts(trx, [b.serviceId], b.date, b.date);
    return n;
  }).catch((e) => {
    if (e instanceof Full) return null;
    throw e;
  });
  if (number === null) return reply.status(409).send({ code: 'SLOT_FULL' });
  return reply.status(201).send({ number });
});

app.get('/services', async (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(servicesBody));

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('reference is serving\n');
process.on('SIGTERM', async () => {
  await app.close();
  await store.close();
  process.exit(0);
});
