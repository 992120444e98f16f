// Who is asking: IP addresses, CIDR allow lists and the X-Forwarded-For chain. Pure functions
// (node:net's isIP is only a syntax check), so the kiosk gate's rules are tested without sockets.
import { isIP } from 'node:net';

export interface IpAddress {
  family: 4 | 6;
  bytes: number[];
}

export interface CidrRange extends IpAddress {
  prefix: number;
}

/** Names accepted in address lists besides literal addresses and ranges. */
const KEYWORDS: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  none: [],
};

export const LOOPBACK = ['loopback'];

function ipv6Bytes(text: string): number[] {
  let s = text;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    // An embedded IPv4 tail (::ffff:1.2.3.4) becomes the last two 16-bit groups.
    const [a = 0, b = 0, c = 0, d = 0] = s.slice(lastColon + 1).split('.').map(Number);
    s = `${s.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return all.flatMap((g) => {
    const n = Number.parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/**
 * Parses an IPv4 or IPv6 address (brackets and a zone id are ignored). An IPv4-mapped IPv6
 * address (::ffff:127.0.0.1, as a dual-stack socket reports IPv4 clients) is that IPv4 address.
 */
export function parseIp(raw: string): IpAddress | null {
  let s = raw.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const family = isIP(s);
  if (family === 4) return { family: 4, bytes: s.split('.').map(Number) };
  if (family !== 6) return null;
  const bytes = ipv6Bytes(s);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? { family: 4, bytes: bytes.slice(12) } : { family: 6, bytes };
}

/** `192.168.0.0/16`, `fd00::/8`, `::ffff:10.0.0.0/104` or a single address (a /32 or /128). */
export function parseCidr(raw: string): CidrRange | null {
  const text = raw.trim();
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const address = parseIp(addressText);
  if (!address) return null;
  const writtenAsV6 = addressText.includes(':');
  const writtenMax = writtenAsV6 ? 128 : 32;
  let prefix = writtenMax;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > writtenMax) return null;
    prefix = Number(p);
  }
  if (address.family === 4 && writtenAsV6) {
    // An IPv4-mapped range: only the part inside ::ffff:0:0/96 has an IPv4 meaning.
    if (prefix < 96) return null;
    prefix -= 96;
  }
  return { ...address, prefix };
}

export function inRange(range: CidrRange, address: IpAddress): boolean {
  if (range.family !== address.family) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((range.bytes[i] ?? 0) & mask) !== ((address.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** Splits a list written in an environment variable: commas and/or spaces. */
export function splitList(raw: string): string[] {
  return raw.split(/[\s,]+/).filter((s) => s !== '');
}

/** The entries of an address list that are neither an address, a range nor a known keyword. */
export function invalidEntries(entries: string[]): string[] {
  return entries.filter((e) => !(e.toLowerCase() in KEYWORDS) && parseCidr(e) === null);
}

/** A predicate for "this address is in the list". Throws on an entry `invalidEntries` reports. */
export function addressMatcher(entries: string[]): (address: string | undefined) => boolean {
  const ranges = entries.flatMap((e) => KEYWORDS[e.toLowerCase()] ?? [e]).map((e) => {
    const range = parseCidr(e);
    if (!range) throw new RangeError(`not an IP address or CIDR range: ${e}`);
    return range;
  });
  return (address) => {
    const parsed = address === undefined ? null : parseIp(address);
    return parsed !== null && ranges.some((r) => inRange(r, parsed));
  };
}

/**
 * Which proxies in front of us are believed, as TRUST_PROXY says: false = none (the socket's
 * peer is the client), n = the n nearest hops are our proxies (TRUST_PROXY=true means 1: the
 * nearest proxy's view), or a list of proxy addresses/ranges. The client is always read from the
 * right of X-Forwarded-For: entries to the left of what our own proxies appended were written by
 * the client and prove nothing.
 */
export type TrustProxy = false | number | string[];

export function parseTrustProxy(raw: string | undefined): { ok: true; value: TrustProxy } | { ok: false; problem: string } {
  const text = (raw ?? '').trim();
  const lower = text.toLowerCase();
  if (text === '' || lower === 'false' || lower === 'off' || lower === 'no' || text === '0') return { ok: true, value: false };
  // "Trust the proxy in front of me": one hop, never the leftmost (client-written) entry.
  if (lower === 'true' || lower === 'on' || lower === 'yes') return { ok: true, value: 1 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 100) return { ok: false, problem: `TRUST_PROXY hop count must be at most 100 (got "${raw}")` };
    return { ok: true, value: hops };
  }
  const entries = splitList(text);
  const bad = invalidEntries(entries);
  if (bad.length > 0) {
    return {
      ok: false,
      problem: `TRUST_PROXY must be true (one proxy hop), false, a hop count or a list of proxy addresses/CIDR ranges such as 10.0.0.0/8 (not an address: ${bad.map((b) => `"${b}"`).join(', ')})`,
    };
  }
  return { ok: true, value: entries };
}

const matchers = new WeakMap<string[], (address: string | undefined) => boolean>();

/**
 * The client as our proxies report it: `hop` 0 is the socket's peer itself, n the address the
 * n-th proxy from us saw. Walks X-Forwarded-For from the right (the nearest hop) and never reads
 * it when trust is false.
 */
export function clientHop(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): { address: string | undefined; hop: number } {
  if (trust === false || trust === 0 || remote === undefined) return { address: remote, hop: 0 };
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .reverse();
  const chain = [remote, ...hops];
  let i = 0;
  if (typeof trust === 'number') i = Math.min(trust, chain.length - 1);
  else {
    let trusted = matchers.get(trust);
    if (!trusted) {
      trusted = addressMatcher(trust);
      matchers.set(trust, trusted);
    }
    while (i < chain.length - 1 && trusted(chain[i])) i++;
  }
  return { address: chain[i], hop: i };
}

/** The client's address (see clientHop). */
export function clientAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustProxy): string | undefined {
  return clientHop(remote, forwardedFor, trust).address;
}

/** Headers a proxy adds to say it forwarded the request for someone else. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

export function saysForwarded(headers: Record<string, string | string[] | undefined>): boolean {
  return FORWARDING_HEADERS.some((h) => headers[h] !== undefined);
}
