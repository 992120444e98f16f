import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { enAdmin } from './en-admin.js';
import { enAdminPriority } from './en-admin-priority.js';
import { translate } from './translate.js';
import { type CoreMessageKey, zh } from './zh.js';
import { zhAdmin } from './zh-admin.js';
import { zhAdminPriority } from './zh-admin-priority.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every front end's texts (zh.ts, en.ts) and the admin console's own (zh-admin.ts, en-admin.ts).
const PARTS: [string, Record<string, string>, Record<string, string>][] = [
  ['every front end', zh, en],
  ['the admin console', zhAdmin, enAdmin],
  ['the admin console’s 优先 parts', zhAdminPriority, enAdminPriority],
];

describe.each(PARTS)('dictionaries of %s', (_name, zhPart, enPart) => {
  it('have the same keys', () => {
    expect(Object.keys(enPart).sort()).toEqual(Object.keys(zhPart).sort());
  });

  it.each(Object.keys(zhPart))('%s has the same placeholders in both languages', (key) => {
    expect(placeholders(enPart[key] as string)).toEqual(placeholders(zhPart[key] as string));
    expect((enPart[key] as string).trim()).not.toBe('');
  });
});

describe('dictionaries', () => {
  it('share no key between the parts (a later part would silently replace a text)', () => {
    expect(Object.keys(zhAdmin).filter((k) => k in zh)).toEqual([]);
    expect(Object.keys(zhAdminPriority).filter((k) => k in zh || k in zhAdmin)).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'slot.remaining' satisfies CoreMessageKey, { n: 3 })).toBe('余 3 个');
    expect(translate('en', 'kiosk.waitingAhead', { n: 0 })).toBe('0 waiting ahead of you');
    expect(translate('en', 'slot.remaining')).toBe('{n} left');
  });

  it("has the admin console's texts once admin-messages is imported, as the console's entry does", async () => {
    expect(translate('zh', 'admin.appName')).toBe('admin.appName');
    await import('./admin-messages.js');
    expect(translate('zh', 'admin.appName')).toBe(zhAdmin['admin.appName']);
    expect(translate('en', 'admin.appName')).toBe(enAdmin['admin.appName']);
  });
});
