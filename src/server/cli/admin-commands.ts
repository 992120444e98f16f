// `vreserve admin create …` and `vreserve device create …`, and the first-start welcome.
import { parseArgs } from 'node:util';
import { ROLES, isDeviceKind, isRole } from '../../domain/sign-in.js';
import { pairPath } from '../http/auth.routes.js';
import { type FirstStart, createDevice, createStaff } from '../services/auth.service.js';
import type { ServiceContext } from '../services/context.js';
import { UsageError } from './failure.js';

export const ADMIN_USAGE = `  admin create --username U --password P [--role admin|staff] [--name "显示名"]
            create a staff account (role admin by default)
  device create kiosk|display --name N
            create a kiosk or display token and print its pairing link`;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function adminCommand(ctx: ServiceContext, args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals[0] !== 'create' || !values.username || !values.password) throw new UsageError(`usage:\n${ADMIN_USAGE}`);
  const role = values.role ?? 'admin';
  if (!isRole(role)) throw new UsageError(`--role must be ${ROLES.join(' or ')}`);
  await createStaff(ctx, { username: values.username, password: values.password, role, displayName: values.name });
  say(`created ${role} "${values.username}"`);
}

export async function deviceCommand(ctx: ServiceContext, args: string[], baseUrl: string): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' } } });
  const kind = positionals[1] ?? '';
  if (positionals[0] !== 'create' || !isDeviceKind(kind)) throw new UsageError(`usage:\n${ADMIN_USAGE}`);
  const { device, token } = await createDevice(ctx, kind, values.name ?? kind);
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
