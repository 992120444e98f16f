// The city's service catalogue (服务目录): city admins define a service once (letter, names, what
// to bring); halls offer it with their own schedule. Renaming it renames it in every hall.
import { appendAudit } from '../repositories/audit.repository.js';
import { type CatalogEntry, findCatalogEntry, listCatalog, saveCatalogEntry } from '../repositories/service.repository.js';
import { type ServiceContext, nowOf } from './context.js';
import { transact } from './transact.js';

export function catalogEntries(ctx: ServiceContext): Promise<CatalogEntry[]> {
  return listCatalog(ctx.db);
}

export async function saveCatalog(
  ctx: ServiceContext,
  actor: string,
  letter: string,
  input: {
    nameZh: string;
    nameEn: string;
    bringZh?: string;
    bringEn?: string;
    sortOrder?: number;
  },
): Promise<CatalogEntry> {
  const now = nowOf(ctx);
  const before = await findCatalogEntry(ctx.db, letter);
  const entry: CatalogEntry = {
    letter,
    nameZh: input.nameZh.trim(),
    nameEn: input.nameEn.trim(),
    bringZh: input.bringZh?.trim() ?? before?.bringZh ?? '',
    bringEn: input.bringEn?.trim() ?? before?.bringEn ?? '',
    sortOrder: input.sortOrder ?? before?.sortOrder ?? 0,
  };
  await transact(ctx.db, async (trx) => {
    await saveCatalogEntry(trx, entry, now.iso);
    await appendAudit(trx, {
      at: now.iso,
      actor,
      action: before ? 'catalog.update' : 'catalog.create',
      target: `service ${letter}`,
      details: { ...entry },
    });
  });
  ctx.reads.invalidate();
  return entry;
}
