import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, errorFromResponse } from './client.js';
import { errorText, loadErrorMessages } from './error-text.js';

describe('errorFromResponse', () => {
  it('keeps code, message and details of an error body', () => {
    const e = errorFromResponse(400, { code: 'INVALID_ID_CARD', message: 'x', details: { reason: 'CHECKSUM', field: 'idCard' } });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message, e.details]).toEqual([400, 'INVALID_ID_CARD', 'x', { reason: 'CHECKSUM', field: 'idCard' }]);
  });

  it('turns anything else into BAD_RESPONSE', () => {
    expect(errorFromResponse(502, '<html>').code).toBe('BAD_RESPONSE');
    expect(errorFromResponse(500, null).code).toBe('BAD_RESPONSE');
  });
});

describe('errorText', () => {
  // The shared messages are a chunk the page asks for as it starts (error-text.ts).
  beforeAll(() => loadErrorMessages());

  it('words known codes in the asked language, with details filled in', () => {
    const e = new ApiError(422, 'TOO_EARLY', '还未到取号时间', { opensAt: '13:00' });
    expect(errorText(e, 'en')).toBe('Too early to check in; check-in opens at 13:00');
    expect(errorText(e, 'zh')).toBe('还未到取号时间，请于 13:00 后取号');
  });

  it('words ID card reasons', () => {
    const e = new ApiError(400, 'INVALID_ID_CARD', '', { reason: 'BIRTH_DATE' });
    expect(errorText(e, 'zh')).toBe('身份证号不正确：出生日期不存在');
  });

  it('words network failures itself and keeps unknown codes as the server said', () => {
    expect(errorText(new ApiError(0, 'NETWORK', 'Failed to fetch'), 'en')).toMatch(/Could not reach the server/);
    expect(errorText(new ApiError(418, 'TEAPOT', 'I am a teapot'), 'en')).toBe('I am a teapot');
  });
});
