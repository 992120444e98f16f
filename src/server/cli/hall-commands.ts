// `vreserve hall create|list` and `vreserve demo --halls N`: halls from the command line, and a
// demo city a new user can look at at once (halls across districts, some bookings in each).
import { parseArgs } from 'node:util';
import { composeIdCard } from '../../domain/id-card.js';
import { addDays, isOpenDay } from '../../domain/schedule.js';
import { listHalls } from '../repositories/hall.repository.js';
import { listServices } from '../repositories/service.repository.js';
import { AppError } from '../services/app-error.js';
import { createBooking } from '../services/booking.service.js';
import { type ServiceContext, inHall, nowOf } from '../services/context.js';
import { createHall } from '../services/hall-admin.service.js';
import { UsageError } from './failure.js';

export const HALL_USAGE = `  hall create --code CD --name 城东政务服务中心 [--name-en "East Hall"] [--district 城东区]
              [--address …] [--phone …] [--hours "工作日 9:00-17:00"] [--tz Asia/Shanghai] [--services Y,H]
            open a hall with catalogue services (default all) and a counter per service
  hall list
            the halls with their codes and number prefixes
  demo --halls N [--bookings M]
            add N demo halls (default 20) across districts, M bookings in each (default 30)`;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function hallCommand(ctx: ServiceContext, args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      'name-en': { type: 'string' },
      district: { type: 'string' },
      address: { type: 'string' },
      phone: { type: 'string' },
      hours: { type: 'string' },
      tz: { type: 'string' },
      services: { type: 'string' },
    },
  });
  if (positionals[0] === 'list') {
    for (const h of await listHalls(ctx.db)) {
      say(`${h.code.padEnd(8)} ${h.active ? '' : '(closed) '}${h.nameZh}  ${h.districtZh}  numbers: ${h.numberPrefix || '(no prefix)'}…`);
    }
    return;
  }
  if (positionals[0] !== 'create' || !values.code || !values.name) throw new UsageError(`usage:\n${HALL_USAGE}`);
  // A refusal (a code taken, a letter not in the catalogue) is one line and exit 1, like every other.
  const hall = await createHall(ctx, 'cli', {
    code: values.code,
    nameZh: values.name,
    nameEn: values['name-en'],
    districtZh: values.district,
    addressZh: values.address,
    phone: values.phone,
    hoursZh: values.hours,
    timeZone: values.tz,
    ...(values.services ? { letters: values.services.split(',').map((l) => l.trim().toUpperCase()) } : {}),
  });
  say(`created hall ${hall.code} "${hall.nameZh}"; its numbers start with ${hall.numberPrefix || '(no prefix)'}`);
  say(`booking page: /h/${hall.code}/   kiosk and display: vreserve device create kiosk --hall ${hall.code}`);
}

const DISTRICTS = [
  ['东城区', 'Dongcheng'],
  ['西城区', 'Xicheng'],
  ['朝阳区', 'Chaoyang'],
  ['海淀区', 'Haidian'],
  ['丰台区', 'Fengtai'],
  ['石景山区', 'Shijingshan'],
  ['通州区', 'Tongzhou'],
  ['顺义区', 'Shunyi'],
  ['昌平区', 'Changping'],
  ['大兴区', 'Daxing'],
] as const;
const PLACES = [
  ['中心', 'Centre'],
  ['北', 'North'],
  ['南', 'South'],
  ['东', 'East'],
  ['西', 'West'],
] as const;

/** A demo citizen: a valid ID card number (born 1970 + n days) and a phone, distinct for each n. */
function demoPerson(n: number): { idCard: string; phone: string } {
  const birth = addDays('1970-01-01', n % 15000).replaceAll('-', '');
  return {
    idCard: composeIdCard(`110105${birth}${String(Math.floor(n / 15000) % 1000).padStart(3, '0')}`),
    phone: `139${String(n).padStart(8, '0')}`,
  };
}

export async function demoCommand(ctx: ServiceContext, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { halls: { type: 'string' }, bookings: { type: 'string' } },
  });
  const count = Number(values.halls ?? 20);
  const perHall = Number(values.bookings ?? 30);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new UsageError('--halls must be a whole number from 1 to 1000');
  if (!Number.isInteger(perHall) || perHall < 0 || perHall > 1000) throw new UsageError('--bookings must be a whole number from 0 to 1000');
  const existing = new Set((await listHalls(ctx.db)).map((h) => h.code));
  let made = 0;
  let booked = 0;
  let person = (await listHalls(ctx.db)).length * 1000;
  for (let i = 1; made < count && i < count + 10_000; i++) {
    const code = `D${String(i).padStart(3, '0')}`;
    if (existing.has(code)) continue;
    const [dz, de] = DISTRICTS[(i - 1) % DISTRICTS.length] as (typeof DISTRICTS)[number];
    const [pz, pe] = PLACES[Math.floor((i - 1) / DISTRICTS.length) % PLACES.length] as (typeof PLACES)[number];
    const hall = await createHall(ctx, 'demo', {
      code,
      nameZh: `${dz}${pz}政务服务大厅`,
      nameEn: `${de} ${pe} Service Hall`,
      districtZh: dz,
      districtEn: de,
      addressZh: `${dz}示例路 ${i} 号`,
      addressEn: `${i} Demo Road, ${de}`,
      phone: `010-6${String(i).padStart(7, '0')}`,
      hoursZh: '工作日 9:00-12:00，14:00-17:00',
      hoursEn: 'Weekdays 9:00-12:00, 14:00-17:00',
    });
    made += 1;
    // Some bookings over the next days, so the hall list and the city overview show a city at work.
    const hallCtx = inHall(ctx, hall);
    const today = nowOf(hallCtx).local.date;
    const services = await listServices(ctx.db, hall.id);
    for (let b = 0; b < perHall && services.length > 0; b++) {
      const service = services[b % services.length] as (typeof services)[number];
      const date = addDays(today, 1 + (b % 5));
      if (!isOpenDay(service.schedule, date)) continue;
      const slot = service.schedule.slots[(b * 7 + i) % service.schedule.slots.length];
      if (!slot) continue;
      person += 1;
      try {
        await createBooking(
          ctx,
          {
            serviceId: service.id,
            date,
            slot: slot.start,
            ...demoPerson(person),
          },
          { lang: 'zh' },
        );
        booked += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
  }
  say(`demo: ${made} halls added with ${booked} bookings; open / to choose a hall`);
}
