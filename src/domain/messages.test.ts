import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, MESSAGE_KINDS, MESSAGE_VARIABLES, MissingVariable, isUrgent, mergeTemplates, renderMessage, templateProblems } from './messages.js';

const confirmed = { number: 'Y20261203093001', service: '医社保办理', date: '2026-12-03', slot: '09:30-10:00', hall: '市民中心', address: '人民路1号', bring: '身份证', link: 'http://h/t/abc' };

describe('message templates', () => {
  it('the defaults use only declared variables, in both languages, for every kind', () => {
    expect(templateProblems(DEFAULT_TEMPLATES)).toEqual([]);
    for (const kind of MESSAGE_KINDS) {
      expect(DEFAULT_TEMPLATES[kind].zh.length).toBeGreaterThan(10);
      expect(DEFAULT_TEMPLATES[kind].en.length).toBeGreaterThan(10);
    }
  });

  it('renders every variable of a kind and leaves no braces', () => {
    const text = renderMessage(DEFAULT_TEMPLATES, 'booking.confirmed', 'zh', confirmed);
    expect(text).toContain('Y20261203093001');
    expect(text).toContain('2026-12-03 09:30-10:00');
    expect(text).toContain('http://h/t/abc');
    expect(text).not.toMatch(/[{}]/);
    expect(renderMessage(DEFAULT_TEMPLATES, 'ticket.called', 'en', { callNumber: 'Y012', counter: '3', hall: 'Civic Centre' })).toBe(
      '[V-Reserve] Number Y012, please go to counter 3 (Civic Centre).',
    );
  });

  it('refuses to send a message with a variable missing', () => {
    const { link: _, ...withoutLink } = confirmed;
    expect(() => renderMessage(DEFAULT_TEMPLATES, 'booking.confirmed', 'zh', withoutLink)).toThrow(MissingVariable);
  });

  it('reports unknown kinds, languages, variables and empty texts', () => {
    expect(
      templateProblems({
        'booking.confirmed': { zh: '预约 {number} {phone}', fr: 'x' },
        'booking.lost': { zh: 'x' },
        'ticket.called': { en: ' ' },
      }),
    ).toEqual([
      'booking.confirmed.zh: unknown variable {phone} (allowed: number, service, date, slot, hall, address, bring, link)',
      'booking.confirmed: unknown language "fr" (zh or en)',
      `unknown message kind "booking.lost" (known: ${MESSAGE_KINDS.join(', ')})`,
      'ticket.called.en: the text is empty',
    ]);
  });

  it('lays a deployment wording over the defaults without changing the defaults', () => {
    const merged = mergeTemplates({ 'ticket.called': { zh: '请{callNumber}到{counter}窗口' } });
    expect(renderMessage(merged, 'ticket.called', 'zh', { callNumber: 'A1', counter: '2', hall: 'x' })).toBe('请A1到2窗口');
    expect(merged['ticket.called'].en).toBe(DEFAULT_TEMPLATES['ticket.called'].en);
    expect(DEFAULT_TEMPLATES['ticket.called'].zh).toContain('窗口办理');
  });

  it('no variable of any kind is personal data', () => {
    for (const vars of Object.values(MESSAGE_VARIABLES)) {
      for (const v of vars) expect(v).not.toMatch(/phone|idcard|id_card|name/i);
    }
  });

  it('only ticket messages, codes and waiting-list offers (they expire in minutes) are urgent', () => {
    expect(MESSAGE_KINDS.filter(isUrgent)).toEqual(['ticket.soon', 'ticket.called', 'ticket.passed', 'verify.code', 'waitlist.offer']);
  });
});
