import { describe, expect, it } from 'vitest';
import { composeIdCard } from '../../domain/id-card.js';
// The English texts, as a page in English has them (english.ts).
import '../i18n/english.js';
import { checkField, idCardLength, problemText, serverFieldProblem, validatePerson } from './person-logic.js';

const TODAY = '2026-11-25';
const GOOD_ID = composeIdCard('11010519491231002');
const BAD_CHECK = `${GOOD_ID.slice(0, 17)}${GOOD_ID.endsWith('1') ? '2' : '1'}`;

describe('validatePerson', () => {
  it('accepts a valid person and normalizes what it sends', () => {
    const r = validatePerson({ idCard: ` ${GOOD_ID.toLowerCase()} `, phone: '138-1234-8000' }, TODAY);
    expect(r).toEqual({ ok: true, value: { idCard: GOOD_ID, phone: '13812348000' } });
  });

  it('reports every field at once', () => {
    const r = validatePerson({ idCard: '', phone: '12345' }, TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      idCard: { field: 'idCard', reason: 'EMPTY' },
      phone: { field: 'phone', reason: 'FORMAT' },
    });
  });

  it.each([
    ['11010519491231', 'LENGTH'],
    ['110105194912310', 'LEGACY_15'],
    ['11010519491331002X', 'BIRTH_DATE'],
    ['110105202701010021', 'BIRTH_FUTURE'],
    ['99010519491231002X', 'REGION'],
    ['1101051949123100AX', 'FORMAT'],
    [BAD_CHECK, 'CHECKSUM'],
  ])('names the ID problem of %s: %s', (idCard, reason) => {
    expect(checkField('idCard', { idCard, phone: '' }, TODAY)).toEqual({ field: 'idCard', reason });
  });
});

describe('problemText', () => {
  it('says what is wrong with an ID in both languages', () => {
    expect(problemText({ field: 'idCard', reason: 'CHECKSUM' }, 'zh')).toBe('身份证号不正确：校验位不正确，请核对号码');
    expect(problemText({ field: 'idCard', reason: 'LENGTH' }, 'en')).toBe('ID card number is not valid: it must be 18 characters long');
    expect(problemText({ field: 'idCard', reason: 'BIRTH_DATE' }, 'en')).toMatch(/birth date does not exist/);
  });

  it('asks for empty fields plainly', () => {
    expect(problemText({ field: 'idCard', reason: 'EMPTY' }, 'zh')).toBe('请输入身份证号');
    expect(problemText({ field: 'phone', reason: 'EMPTY' }, 'en')).toBe('Enter your mobile phone number');
    expect(problemText({ field: 'phone', reason: 'FORMAT' }, 'zh')).toBe('手机号不正确，请输入 11 位大陆手机号');
  });
});

describe('serverFieldProblem', () => {
  it('puts ID and phone refusals beside their fields', () => {
    expect(serverFieldProblem('INVALID_ID_CARD', { reason: 'CHECKSUM', field: 'idCard' })).toEqual({ field: 'idCard', reason: 'CHECKSUM' });
    expect(serverFieldProblem('INVALID_ID_CARD', { reason: 'SOMETHING_NEW' })).toEqual({ field: 'idCard', reason: 'FORMAT' });
    expect(serverFieldProblem('INVALID_PHONE', { reason: 'FORMAT' })).toEqual({ field: 'phone', reason: 'FORMAT' });
  });

  it('leaves the rest to a banner', () => {
    expect(serverFieldProblem('SLOT_FULL', {})).toBeNull();
    expect(serverFieldProblem('DUPLICATE_BOOKING', {})).toBeNull();
  });
});

describe('idCardLength', () => {
  it('counts the normalized characters', () => {
    expect(idCardLength(' １１０１０５ ')).toBe(6);
  });
});
