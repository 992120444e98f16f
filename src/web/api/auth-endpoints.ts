// Staff sign-in and device pairing. The session and device tokens live in HttpOnly cookies the
// server sets; the page never sees them.
import type { LoginResponse, MeResponse } from '../../contracts/auth.js';
import type { Lang } from '../../contracts/errors.js';
import { requestJson } from './client.js';

interface Call {
  lang: Lang;
  signal?: AbortSignal;
}

export function getMe(call: Call): Promise<MeResponse> {
  return requestJson('GET', '/api/v1/auth/me', call);
}

export function login(username: string, password: string, call: Call): Promise<LoginResponse> {
  return requestJson('POST', '/api/v1/auth/login', { ...call, body: { username, password } });
}

export function logout(call: Call): Promise<{ ok: boolean }> {
  return requestJson('POST', '/api/v1/auth/logout', call);
}

export function changePassword(currentPassword: string, newPassword: string, call: Call): Promise<{ ok: boolean }> {
  return requestJson('POST', '/api/v1/auth/password', { ...call, body: { currentPassword, newPassword } });
}

export function pairDevice(token: string, call: Call): Promise<MeResponse> {
  return requestJson('POST', '/api/v1/devices/pair', { ...call, body: { token } });
}
