// `vreserve keys rotate`: re-encrypts every kept phone under the current data key, a batch at a
// time, each row replaced only if it did not change meanwhile. Stopping half-way is safe: old keys
// still decrypt, and running it again carries on with what is left.
import { contactsUnderOtherKeys, countContactsByKey, replaceContact } from '../repositories/contact.repository.js';
import type { Db } from '../repositories/portable.js';
import type { ContactCipher } from './contact-cipher.js';
import { contactContext } from './notify.service.js';
import { entryContactsUnderOtherKeys, replaceEntryContact } from '../repositories/waitlist.repository.js';
import { entryContactContext } from './waitlist-offer.service.js';
import { endpointsUnderOtherKeys, replaceEndpointSecret } from '../repositories/webhook.repository.js';
import { webhookSecretContext } from './webhook-admin.service.js';

export interface RotationReport {
  keyId: string;
  reencrypted: number;
  /** Rows under a key this process does not have (left as they are; listed by key id). */
  unreadable: Record<string, number>;
  /** Phones kept per key id after the run. */
  byKey: { keyId: string; count: number }[];
}

export async function rotateContacts(db: Db, cipher: ContactCipher, opts: { batch?: number; onBatch?: (done: number) => void } = {}): Promise<RotationReport> {
  const keyId = cipher.currentKeyId;
  const unreadable: Record<string, number> = {};
  let reencrypted = 0;
  let after = 0;
  for (;;) {
    const rows = await contactsUnderOtherKeys(db, keyId, opts.batch ?? 500, after);
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.bookingId;
      const before = row.sealed;
      if (!before) continue;
      let phone: string;
      try {
        phone = cipher.open(before, contactContext(row.number));
      } catch {
        unreadable[before.keyId] = (unreadable[before.keyId] ?? 0) + 1;
        continue;
      }
      if (await replaceContact(db, row.bookingId, before, cipher.seal(phone, contactContext(row.number)))) reencrypted++;
    }
    opts.onBatch?.(reencrypted);
  }
  // 候补 entries keep a phone too (only while in a line), under their own associated data.
  for (let afterEntry = 0; ; ) {
    const rows = await entryContactsUnderOtherKeys(db, keyId, opts.batch ?? 500, afterEntry);
    if (rows.length === 0) break;
    for (const row of rows) {
      afterEntry = row.id;
      let phone: string;
      try {
        phone = cipher.open(row.sealed, entryContactContext(row.id));
      } catch {
        unreadable[row.sealed.keyId] = (unreadable[row.sealed.keyId] ?? 0) + 1;
        continue;
      }
      if (await replaceEntryContact(db, row.id, row.sealed, cipher.seal(phone, entryContactContext(row.id)))) reencrypted++;
    }
    opts.onBatch?.(reencrypted);
  }
  // Webhook secrets are sealed the same way (a handful of rows: no batches). They are not phones:
  // `reencrypted` and `byKey` count phones only.
  for (const row of await endpointsUnderOtherKeys(db, keyId)) {
    let secret: string;
    try {
      secret = cipher.open(row.sealed, webhookSecretContext(row.id));
    } catch {
      unreadable[row.sealed.keyId] = (unreadable[row.sealed.keyId] ?? 0) + 1;
      continue;
    }
    await replaceEndpointSecret(db, row.id, row.sealed, cipher.seal(secret, webhookSecretContext(row.id)));
  }
  return { keyId, reencrypted, unreadable, byKey: await countContactsByKey(db) };
}
