// The audit log as the admin reads it. Entries name devices and services by id (`device #3`,
// a transfer from service 1 to 2): the answer adds their names, looked up now, so the log says
// 取号机2 and 医社保办理 → 护照通行证办理. The stored entries are never changed.
import type { AuditEntry } from '../../contracts/admin.js';
import type { Lang } from '../../contracts/errors.js';
import { listAudit } from '../repositories/audit.repository.js';
import { listServices } from '../repositories/service.repository.js';
import { listDevices } from '../repositories/staff.repository.js';
import { type ServiceContext, serviceName } from './context.js';

export type AuditFilter = Parameters<typeof listAudit>[1];

const idIn = (target: string): number | null => {
  const m = /#(\d+)$/.exec(target);
  return m ? Number(m[1]) : null;
};

export async function auditLog(ctx: ServiceContext, filter: AuditFilter, lang: Lang): Promise<AuditEntry[]> {
  const entries = await listAudit(ctx.db, filter);
  const devices = entries.some((e) => e.action.startsWith('device.'))
    ? new Map((await listDevices(ctx.db, null)).map((d) => [d.id, d.name]))
    : new Map<number, string>();
  const services = entries.some((e) => e.action === 'ticket.transfer')
    ? new Map((await listServices(ctx.db, null, { includeInactive: true })).map((s) => [s.id, `${s.letter} ${serviceName(s, lang)}`]))
    : new Map<number, string>();
  return entries.map((e) => {
    const names: Record<string, string> = {};
    const deviceId = e.action.startsWith('device.') ? idIn(e.target) : null;
    const device = deviceId === null ? undefined : devices.get(deviceId);
    if (device) names.target = device;
    if (e.action === 'ticket.transfer') {
      const from = services.get(Number(e.details.from));
      const to = services.get(Number(e.details.to));
      if (from) names.from = from;
      if (to) names.to = to;
    }
    return Object.keys(names).length > 0 ? { ...e, names } : e;
  });
}
