// `vreserve admin create …` and `vreserve device create …`, and the first-start welcome.
import { parseArgs } from 'node:util';
import { ROLES, isDeviceKind, isRole } from '../../domain/sign-in.js';
import { pairPath } from '../http/auth.routes.js';
import { type FirstStart, createDevice, createStaff } from '../services/auth.service.js';
import type { Hall } from '../repositories/hall.repository.js';
import type { ServiceContext } from '../services/context.js';
import { UsageError } from './failure.js';

export const ADMIN_USAGE = `  admin create --username U --password P [--role city_admin|admin|staff] [--hall CODE] [--name "显示名"]
            create a staff account (role admin of the first hall by default; city_admin: every hall)
  device create kiosk|display --name N [--hall CODE]
  device create evaluator --counter N [--name N] [--hall CODE]
            create a kiosk or display token and print its pairing link`;

/** The hall named by --hall (default: the first). */
async function hallNamed(ctx: ServiceContext, code: string | undefined): Promise<Hall> {
  const hall = code ? await ctx.halls.byCode(code) : await ctx.halls.first();
  if (!hall) throw new UsageError(`no hall with code "${code}" (vreserve hall list shows them)`);
  return hall;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function adminCommand(ctx: ServiceContext, args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      hall: { type: 'string' },
    },
  });
  if (positionals[0] !== 'create' || !values.username || !values.password) throw new UsageError(`usage:\n${ADMIN_USAGE}`);
  const role = values.role ?? 'admin';
  if (!isRole(role)) throw new UsageError(`--role must be ${ROLES.slice(0, -1).join(', ')} or ${ROLES.at(-1)}`);
  const hall = role === 'city_admin' ? null : await hallNamed(ctx, values.hall);
  await createStaff(ctx, {
    username: values.username,
    password: values.password,
    role,
    hallId: hall?.id ?? null,
    displayName: values.name,
  });
  say(`created ${role} "${values.username}"`);
}

export async function deviceCommand(ctx: ServiceContext, args: string[], baseUrl: string): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, hall: { type: 'string' }, counter: { type: 'string' } },
  });
  const kind = positionals[1] ?? '';
  if (positionals[0] !== 'create' || !isDeviceKind(kind)) throw new UsageError(`usage:\n${ADMIN_USAGE}`);
  const hall = await hallNamed(ctx, values.hall);
  const counter = values.counter === undefined ? undefined : Number(values.counter);
  if (counter !== undefined && !(Number.isInteger(counter) && counter > 0)) throw new UsageError(`--counter: a counter number, not "${values.counter}"`);
  if (kind === 'evaluator' && counter === undefined) throw new UsageError('an evaluator stands at a counter: vreserve device create evaluator --counter 3');
  const { device, token } = await createDevice(ctx, hall.id, kind, values.name ?? kind, counter);
  say(`created ${kind} "${device.name}" (#${device.id})`);
  say(`token: ${token}`);
  say(`open once on the device: ${baseUrl}${pairPath(kind, token)}`);
}

/** Printed once, on the first start of an empty store, so a new user can try everything at once. */
export function welcome(first: FirstStart, baseUrl: string): string {
  return [
    '',
    '  V-Reserve 微预约 — first start',
    '  ──────────────────────────────',
    `  booking (citizens)   ${baseUrl}/`,
    `  my bookings          ${baseUrl}/records`,
    `  kiosk (paired)       ${baseUrl}${pairPath('kiosk', first.kioskToken)}`,
    `  display (paired)     ${baseUrl}${pairPath('display', first.displayToken)}`,
    `  counter              ${baseUrl}/counter`,
    `  admin                ${baseUrl}/admin`,
    `  sign in as "${first.username}" with the one-time password ${first.password}`,
    '  (you will be asked to choose a new password; this is shown only once)',
    '',
  ].join('\n');
}
