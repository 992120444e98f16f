import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../domain/sign-in.js';
import { hallDateTime } from './admin-time.js';
import { deviceState, pairingUrl, pickedRole, roleChoices, sortDevices, staffProblems, suggestPassword } from './staff-logic.js';

const good = { username: 'clerk1', displayName: '李窗口', password: 'Window-pass-2026', role: 'staff' as const };

describe('staffProblems', () => {
  it('accepts a good account', () => {
    expect(staffProblems(good, ['admin'])).toEqual({});
  });

  it.each([
    [{ username: '' }, { username: 'EMPTY' }],
    [{ username: 'ab' }, { username: 'FORMAT' }],
    [{ username: '李四' }, { username: 'FORMAT' }],
    [{ username: 'Admin' }, { username: 'TAKEN' }],
    [{ displayName: 'x'.repeat(61) }, { displayName: 'TOO_LONG' }],
    [{ password: '' }, { password: 'EMPTY' }],
    [{ password: 'short-1' }, { password: 'TOO_SHORT' }],
    [{ password: 'aaaaaaaaaaaa' }, { password: 'TOO_SIMPLE' }],
    [{ password: 'my-clerk1-pass' }, { password: 'TOO_SIMPLE' }],
  ] as const)('%j -> %j', (change, problems) => {
    expect(staffProblems({ ...good, ...change }, ['admin'])).toEqual(problems);
  });
});

describe('suggestPassword', () => {
  it('makes a strong password of four groups from the given randomness', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const password = suggestPassword(random, 'clerk1');
    expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(passwordProblem(password, 'clerk1')).toBeNull();
  });

  it('never hands out a weak one, whatever the randomness', () => {
    expect(
      passwordProblem(
        suggestPassword(() => 0),
        '',
      ),
    ).toBeNull();
    expect(
      passwordProblem(
        suggestPassword(() => 1),
        '',
      ),
    ).toBeNull();
  });
});

describe('devices', () => {
  it('builds the pairing address from the origin', () => {
    expect(pairingUrl('https://hall.example.cn/', '/kiosk#pair=abc')).toBe('https://hall.example.cn/kiosk#pair=abc');
    expect(pairingUrl('http://127.0.0.1:8080', 'display#pair=x')).toBe('http://127.0.0.1:8080/display#pair=x');
  });

  it('reads a device state', () => {
    expect(deviceState({ revokedAt: '2026-11-25T01:00:00Z', lastSeenAt: '2026-11-25T00:00:00Z' })).toBe('revoked');
    expect(deviceState({ revokedAt: null, lastSeenAt: null })).toBe('never');
    expect(deviceState({ revokedAt: null, lastSeenAt: '2026-11-25T00:00:00Z' })).toBe('seen');
  });

  it('lists working devices first', () => {
    const list = sortDevices([
      { id: 1, kind: 'kiosk' as const, revokedAt: 'x' },
      { id: 3, kind: 'kiosk' as const, revokedAt: null },
      { id: 2, kind: 'display' as const, revokedAt: null },
    ]);
    expect(list.map((d) => d.id)).toEqual([2, 3, 1]);
  });

  it('shows instants on the hall clock', () => {
    const zone = 'Asia/Shanghai';
    expect(hallDateTime('2026-11-25T01:30:00.000Z', zone)).toBe('2026-11-25 09:30');
    expect(hallDateTime('2026-11-24T16:05:00Z', zone)).toBe('2026-11-25 00:05');
    expect(hallDateTime(null, zone)).toBe('');
    expect(hallDateTime('nonsense', zone)).toBe('');
    // The hall's zone is the server's (HALL_TZ), whatever it is; nothing before it is known.
    expect(hallDateTime('2026-11-25T01:30:00.000Z', 'Europe/London')).toBe('2026-11-25 01:30');
    expect(hallDateTime('2026-11-25T01:30:00.000Z', null)).toBe('');
  });
});

describe('the roles an admin may give', () => {
  it('offers 市级管理员 to city admins only', () => {
    expect(roleChoices('admin')).toEqual(['staff', 'admin']);
    expect(roleChoices('city_admin')).toEqual(['staff', 'admin', 'city_admin']);
  });

  it('never takes a role the creator may not give', () => {
    expect(pickedRole('city_admin', 'admin')).toBe('staff');
    expect(pickedRole('city_admin', 'city_admin')).toBe('city_admin');
    expect(pickedRole('admin', 'admin')).toBe('admin');
    expect(pickedRole('root', 'city_admin')).toBe('staff');
  });
});
