import { describe, expect, it } from 'vitest';
import { maskPhone, type PhoneError, parsePhone } from './phone.js';

describe('parsePhone: valid', () => {
  it.each([
    ['13812348000', '13812348000'],
    // every allowed second digit
    ['13012345678', '13012345678'],
    ['14012345678', '14012345678'],
    ['15012345678', '15012345678'],
    ['16612345678', '16612345678'],
    ['17012345678', '17012345678'],
    ['18012345678', '18012345678'],
    ['19912345678', '19912345678'],
    // spaces and dashes
    [' 13812348000 ', '13812348000'],
    ['138 1234 8000', '13812348000'],
    ['138-1234-8000', '13812348000'],
    ['138 - 1234 - 8000', '13812348000'],
    ['1 3 8 1 2 3 4 8 0 0 0', '13812348000'],
    ['\t138\n1234\r8000', '13812348000'],
    ['138\u30001234\u30008000', '13812348000'],
    ['\u300013812348000\u3000', '13812348000'],
    ['138\u20141234\u20138000', '13812348000'], // em dash, en dash
    ['138\uFF0D1234\uFF0D8000', '13812348000'], // full-width hyphen-minus
    // full-width digits
    ['１３８１２３４８０００', '13812348000'],
    ['１３８ １２３４ ８０００', '13812348000'],
    ['138１２３４8000', '13812348000'],
    // +86
    ['+8613812348000', '13812348000'],
    ['+86 13812348000', '13812348000'],
    ['+86 138 1234 8000', '13812348000'],
    ['+86-138-1234-8000', '13812348000'],
    [' + 86 13812348000', '13812348000'],
    ['＋８６１３８１２３４８０００', '13812348000'],
    ['＋86\u3000138 1234 8000', '13812348000'],
    // 0086
    ['008613812348000', '13812348000'],
    ['0086 138 1234 8000', '13812348000'],
    ['0086-13812348000', '13812348000'],
    ['００８６１３８１２３４８０００', '13812348000'],
    // bare 86 followed by 11 digits starting with 1
    ['8613812348000', '13812348000'],
    ['86 138 1234 8000', '13812348000'],
    ['86-13812348000', '13812348000'],
    ['８６１３８１２３４８０００', '13812348000'],
    // an 11-digit number whose own digits start with 186 is not a prefix case
    ['18612345678', '18612345678'],
  ])('%j → %s', (raw, value) => {
    expect(parsePhone(raw)).toEqual({ ok: true, value });
  });
});

describe('parsePhone: errors', () => {
  it.each<[string, PhoneError]>([
    // EMPTY
    ['', 'EMPTY'],
    [' ', 'EMPTY'],
    ['\u3000', 'EMPTY'],
    [' \t\n\u3000 ', 'EMPTY'],
    ['-', 'EMPTY'],
    [' - - ', 'EMPTY'],
    // FORMAT: wrong second digit
    ['10012345678', 'FORMAT'],
    ['11012345678', 'FORMAT'],
    ['12012345678', 'FORMAT'],
    // FORMAT: not starting with 1
    ['23812348000', 'FORMAT'],
    ['03812348000', 'FORMAT'],
    // FORMAT: length
    ['1381234800', 'FORMAT'],
    ['138123480001', 'FORMAT'],
    ['1', 'FORMAT'],
    // FORMAT: other characters
    ['138.1234.8000', 'FORMAT'],
    ['(138)12348000', 'FORMAT'],
    ['138_1234_8000', 'FORMAT'],
    ['1381234800O', 'FORMAT'], // letter O
    ['abc', 'FORMAT'],
    ['13812348000x', 'FORMAT'],
    ['138/1234/8000', 'FORMAT'],
    // FORMAT: prefixes
    ['+86', 'FORMAT'],
    ['0086', 'FORMAT'],
    ['86', 'FORMAT'],
    ['+', 'FORMAT'],
    ['+861381234800', 'FORMAT'], // +86 + 10 digits
    ['+8623812348000', 'FORMAT'], // +86 + non-mobile
    ['+85213812348000', 'FORMAT'], // Hong Kong country code
    ['+113812348000', 'FORMAT'],
    ['+13812348000', 'FORMAT'], // + without 86
    ['861381234800', 'FORMAT'], // bare 86 + 10 digits: not stripped
    ['86138123480001', 'FORMAT'], // bare 86 + 12 digits
    ['8623812348000', 'FORMAT'], // bare 86 + 11 digits not starting with 1
    ['8612812348000', 'FORMAT'], // stripped, but 12x is not a mobile prefix
    ['08613812348000', 'FORMAT'], // 086 is not a prefix
    ['00086 13812348000', 'FORMAT'],
    ['+86 +86 13812348000', 'FORMAT'],
    ['+86 86 13812348000', 'FORMAT'], // only one prefix is stripped
    ['0086 86 13812348000', 'FORMAT'],
    ['13812348000+86', 'FORMAT'],
    ['８６', 'FORMAT'],
    // non-ASCII digits other than full-width are not converted
    ['١٣٨١٢٣٤٨٠٠٠', 'FORMAT'], // Arabic-Indic
  ])('%j → %s', (raw, error) => {
    expect(parsePhone(raw)).toEqual({ ok: false, error });
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812348000', '138****8000'],
    ['19912345678', '199****5678'],
    ['13000000000', '130****0000'],
    // not 11 characters: fully masked
    ['', ''],
    ['1381234800', '**********'],
    ['8613812348000', '*************'],
  ])('%s → %s', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });

  it('masks a parsed value', () => {
    const r = parsePhone('+86 138-1234-8000');
    expect(r.ok && maskPhone(r.value)).toBe('138****8000');
  });
});
