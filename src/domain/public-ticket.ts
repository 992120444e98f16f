// The public ticket token and what a kiosk's scanner reads. Every booking and walk-in ticket has an
// unguessable token (16 random bytes as 22 base64url characters, made in the service layer); its
// page /t/<token> shows the ticket without any personal data. A scanned QR code (or an old
// confirmation's code, which held the 办事编号) is not proof of who is standing at the kiosk:
// the last 4 characters of the ID card must match too.
import { parseTicketNumber } from './ticket-number.js';

/** 16 bytes in base64url without padding. */
export const PUBLIC_TOKEN_LENGTH = 22;
const TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;

export function isPublicToken(text: string): boolean {
  return TOKEN_RE.test(text);
}

/** The path of a token's page, as QR codes carry it (with the origin in front). */
export function publicTicketPath(token: string): string {
  return `/t/${token}`;
}

export type ScannedCode = { kind: 'token'; token: string } | { kind: 'number'; number: string };

/**
 * What a scanned text names: `http(s)://host/t/<token>` (query, fragment or a trailing slash
 * allowed), `/t/<token>`, the bare token, or a bare 办事编号 (confirmations printed before tokens
 * existed encode the number). Anything else is null.
 */
export function parseScannedCode(scanned: string): ScannedCode | null {
  const text = scanned.trim();
  if (text.length === 0 || text.length > 300) return null;
  const number = text.toUpperCase();
  if (parseTicketNumber(number)) return { kind: 'number', number };
  if (isPublicToken(text)) return { kind: 'token', token: text };
  const m = /^(?:https?:\/\/[^/?#\s]+)?\/t\/([A-Za-z0-9_-]+)\/?(?:[?#][^\s]*)?$/i.exec(text);
  if (m && isPublicToken(m[1] as string)) return { kind: 'token', token: m[1] as string };
  return null;
}

/** The last 4 characters of an ID card as typed: three digits, then a digit or X (either case). */
export function isIdCardLast4(text: string): boolean {
  return /^\d{3}[\dXx]$/.test(text);
}

/**
 * Whether the typed last 4 match the stored masked ID (`110105********002X`). Every character is
 * compared whatever the outcome, so the time taken says nothing about how many were right.
 */
export function idCardLast4Matches(idMasked: string, typed: string): boolean {
  const stored = idMasked.slice(-4).toUpperCase();
  const given = typed.toUpperCase();
  let diff = stored.length === 4 && given.length === 4 && isIdCardLast4(given) ? 0 : 1;
  for (let i = 0; i < 4; i++) diff |= (stored.charCodeAt(i) || 0) ^ (given.charCodeAt(i) || 0);
  return diff === 0;
}
