// `vreserve keys status | rotate [--resume]`: the data keys that seal phone numbers kept for messages.
import type { Config } from '../config.js';
import { appendKey, contactCipherFor } from '../data-key.js';
import type { Store } from '../db/dialect.js';
import { countContactsByKey } from '../repositories/contact.repository.js';
import { rotateContacts } from '../services/key-rotation.service.js';

export const KEYS_USAGE = `  keys status            the current data key's id and how many phone numbers each key seals
  keys rotate [--resume] seal every kept phone number under a new data key (with DATA_KEY: under the
                         key set there now, the old ones in DATA_KEY_PREVIOUS); --resume: no new key,
                         finish an interrupted run`;

export async function keysCommand(config: Readonly<Config>, store: Store, args: string[], out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  const log = (m: string) => out(m);
  if (sub === 'status') {
    const cipher = contactCipherFor(config, process.env, log);
    out(`current data key: ${cipher.currentKeyId}`);
    for (const k of await countContactsByKey(store.db)) out(`  ${k.keyId}: ${k.count} phone number(s)${k.keyId === cipher.currentKeyId ? ' (current)' : ''}`);
    return 0;
  }
  if (sub === 'rotate') {
    const resume = rest.includes('--resume');
    if (!resume && !config.dataKey) out(`new data key ${appendKey(config.dataDir, log).id} added to ${config.dataDir}/data.keys`);
    const cipher = contactCipherFor(config, process.env, log);
    const report = await rotateContacts(store.db, cipher, { onBatch: (n) => out(`  ${n} re-encrypted so far`) });
    out(`re-encrypted ${report.reencrypted} phone number(s) under ${report.keyId}`);
    for (const [id, n] of Object.entries(report.unreadable)) out(`  ${n} under key ${id}, which is not configured: add it (DATA_KEY_PREVIOUS or data.keys) and run keys rotate --resume`);
    const old = report.byKey.filter((k) => k.keyId !== report.keyId);
    if (old.length === 0) out('no phone number is sealed under an older key; keep older keys as long as you keep backups made before this run');
    return Object.keys(report.unreadable).length > 0 ? 1 : 0;
  }
  out(`usage:\n${KEYS_USAGE}`);
  return 2;
}
