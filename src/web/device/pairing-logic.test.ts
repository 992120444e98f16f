import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../contracts/auth.js';
import { deviceVerdict, hashWithoutPair, pairTokenFromHash } from './pairing-logic.js';

const TOKEN = 'MPh5LXUHj7_JK_3640IYV4lw4L_dFPYzo4Pwexxhm98';

describe('pairTokenFromHash', () => {
  it.each([
    [`#pair=${TOKEN}`, TOKEN],
    [`#pair=${TOKEN}&lang=en`, TOKEN],
    [`#lang=en&pair=${TOKEN}`, TOKEN],
    [`pair=${TOKEN}`, TOKEN],
    ['', null],
    ['#', null],
    ['#pair=', null],
    ['#pair=short', null],
    ['#pair=has spaces in it here', null],
    ['#pair=<script>alert(1)</script>', null],
  ])('%s -> %s', (hash, token) => {
    expect(pairTokenFromHash(hash)).toBe(token);
  });
});

describe('hashWithoutPair', () => {
  it('takes the token out and keeps the rest', () => {
    expect(hashWithoutPair(`#pair=${TOKEN}`)).toBe('');
    expect(hashWithoutPair(`#pair=${TOKEN}&lang=en`)).toBe('#lang=en');
    expect(hashWithoutPair('')).toBe('');
  });
});

describe('deviceVerdict', () => {
  const kiosk: MeResponse = {
    kind: 'device',
    id: 1,
    deviceKind: 'kiosk',
    name: '取号机 1',
    hall: 'MAIN',
  };
  const display: MeResponse = {
    kind: 'device',
    id: 2,
    deviceKind: 'display',
    name: '叫号屏 1',
    hall: 'MAIN',
  };
  const evaluator: MeResponse = {
    kind: 'device',
    id: 3,
    deviceKind: 'evaluator',
    name: '1 号窗口评价器',
    hall: 'MAIN',
  };
  const staff = (mustChangePassword: boolean): MeResponse => ({
    kind: 'staff',
    username: 'a',
    displayName: 'A',
    role: 'staff',
    mustChangePassword,
    hall: 'MAIN',
  });

  it.each([
    [null, 'kiosk', 'unpaired'],
    [kiosk, 'kiosk', 'paired'],
    [display, 'display', 'paired'],
    [kiosk, 'display', 'wrong-kind'],
    [display, 'kiosk', 'wrong-kind'],
    [staff(false), 'kiosk', 'paired'],
    [staff(false), 'display', 'paired'],
    [staff(true), 'display', 'unpaired'],
    [evaluator, 'evaluator', 'paired'],
    [evaluator, 'display', 'wrong-kind'],
    [display, 'evaluator', 'wrong-kind'],
    [staff(false), 'evaluator', 'unpaired'],
  ] as const)('%o as %s -> %s', (me, kind, verdict) => {
    expect(deviceVerdict(me, kind)).toBe(verdict);
  });
});
