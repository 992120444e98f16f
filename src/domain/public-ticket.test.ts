import { describe, expect, it } from 'vitest';
import { idCardLast4Matches, isIdCardLast4, isPublicToken, parseScannedCode, publicTicketPath } from './public-ticket.js';

const TOKEN = 'AbCdEfGhIjKlMnOpQr_-12';

describe('parseScannedCode', () => {
  it.each([
    [`http://192.168.1.20:8080/t/${TOKEN}`, { kind: 'token', token: TOKEN }],
    [`https://vreserve.example.gov.cn/t/${TOKEN}`, { kind: 'token', token: TOKEN }],
    [`HTTPS://host/t/${TOKEN}/`, { kind: 'token', token: TOKEN }],
    [`https://host/t/${TOKEN}?lang=en`, { kind: 'token', token: TOKEN }],
    [`https://host/t/${TOKEN}#x`, { kind: 'token', token: TOKEN }],
    [`/t/${TOKEN}`, { kind: 'token', token: TOKEN }],
    [`  ${TOKEN}\n`, { kind: 'token', token: TOKEN }],
    ['Y20261125090001', { kind: 'number', number: 'Y20261125090001' }],
    ['y20261125090001', { kind: 'number', number: 'Y20261125090001' }],
    ['CD-Y20261125090112', { kind: 'number', number: 'CD-Y20261125090112' }],
  ])('%s', (text, expected) => {
    expect(parseScannedCode(text)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'hello world',
    `/t/${TOKEN}x`,
    `/t/${TOKEN.slice(1)}`,
    `https://host/x/${TOKEN}`,
    `https://host/t/${TOKEN}/more`,
    `ftp://host/t/${TOKEN}`,
    `https://host/t/${TOKEN} extra`,
    'Y2026112509000',
    '11010519491231002X',
    'Y001',
    `/t/${'A'.repeat(400)}`,
  ])('refuses %j', (text) => {
    expect(parseScannedCode(text)).toBeNull();
  });

  it('round-trips the page path', () => {
    expect(parseScannedCode(`http://h${publicTicketPath(TOKEN)}`)).toEqual({ kind: 'token', token: TOKEN });
  });
});

describe('isPublicToken', () => {
  it.each([
    [TOKEN, true],
    ['A'.repeat(22), true],
    ['A'.repeat(21), false],
    ['A'.repeat(23), false],
    [`${'A'.repeat(21)}=`, false],
    [`${'A'.repeat(21)}+`, false],
  ])('%s -> %s', (text, ok) => expect(isPublicToken(text)).toBe(ok));
});

describe('idCardLast4', () => {
  it.each([
    ['002X', true],
    ['002x', true],
    ['0011', true],
    ['00X1', false],
    ['001', false],
    ['00111', false],
    ['abcd', false],
    ['', false],
  ])('isIdCardLast4(%j) = %s', (text, ok) => expect(isIdCardLast4(text)).toBe(ok));

  it.each([
    ['110105********002X', '002X', true],
    ['110105********002X', '002x', true],
    ['110105********0011', '0011', true],
    ['110105********002X', '0021', false],
    ['110105********002X', '102X', false],
    ['110105********0011', '001', false],
    ['110105********0011', '00111', false],
    ['110105********0011', '', false],
    ['110105********0011', '01\u00001', false],
    ['', '0000', false],
    ['***', '0***', false],
  ])('%s vs %j -> %s', (masked, typed, ok) => expect(idCardLast4Matches(masked, typed)).toBe(ok));
});
