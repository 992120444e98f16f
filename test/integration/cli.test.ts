// The command line refuses bad input with one clear line and a non-zero exit code, never a stack trace.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/server-process.js';

let dir = '';
let env: Record<string, string> = {};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vreserve-cli-'));
  env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'v.db')}`, SECRET: 'cli-test-secret-0123456789', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const admin = (...args: string[]) => ['admin', 'create', ...args];

describe('vreserve admin create', () => {
  it('refuses a weak password in one line, in words, exit 1, and creates nothing', () => {
    const r = runCli(admin('--username', 'clerk', '--password', 'short'), env);
    expect(r.stderr).toBe('vreserve: The password is too weak: use at least 10 characters\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');

    const ok = runCli(admin('--username', 'clerk', '--password', 'Counter-2-open!', '--role', 'staff'), env);
    expect(ok.stdout).toBe('created staff "clerk"\n');
    expect(ok.status).toBe(0);
  });

  it('says it in Chinese when LANG is Chinese', () => {
    const r = runCli(admin('--username', 'clerk2', '--password', 'short'), { ...env, LANG: 'zh_CN.UTF-8' });
    expect(r.stderr).toBe('vreserve: 密码太弱：至少 10 个字符\n');
    expect(r.status).toBe(1);
  });

  it('refuses a name already taken', () => {
    expect(runCli(admin('--username', 'boss2', '--password', 'Counter-2-open!'), env).status).toBe(0);
    const r = runCli(admin('--username', 'boss2', '--password', 'Counter-2-open!'), env);
    expect(r.stderr).toBe('vreserve: That username is already taken\n');
    expect(r.status).toBe(1);
  });

  it.each([
    ['a missing password', admin('--username', 'x'), /^vreserve: usage:\n {2}admin create/],
    ['an unknown option', admin('--username', 'x', '--password', 'Counter-2-open!', '--colour', 'red'), /^vreserve: Unknown option '--colour'/],
    ['an unknown role', admin('--username', 'x', '--password', 'Counter-2-open!', '--role', 'king'), /^vreserve: --role must be city_admin, admin or staff\n$/],
  ])('shows how to use it on %s, exit 2', (_name, args, message) => {
    const r = runCli(args, env);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.status).toBe(2);
  });
});

describe('vreserve hall and demo', () => {
  it('opens a hall with the services it is given, lists it, and refuses its code twice in one line', () => {
    const made = runCli(['hall', 'create', '--code', 'CD', '--name', '城东大厅', '--district', '城东区', '--services', 'Y,H'], env);
    expect(made.stdout).toMatch(/^created hall CD "城东大厅"; its numbers start with CD-\n/);
    expect(made.status).toBe(0);
    const list = runCli(['hall', 'list'], env);
    expect(list.stdout).toMatch(/^MAIN .*numbers: \(no prefix\)…\nCD +城东大厅 +城东区 +numbers: CD-…\n$/);
    const again = runCli(['hall', 'create', '--code', 'CD', '--name', '又一个'], env);
    expect(again.stderr).toBe('vreserve: Hall code CD is already used\n');
    expect(again.status).toBe(1);
    const unknown = runCli(['hall', 'create', '--code', 'XD', '--name', '西大厅', '--services', 'Q'], env);
    expect(unknown.stderr).toMatch(/^vreserve: The catalogue has no service with letter Q/);
    expect(runCli(['device', 'create', 'kiosk', '--hall', 'NOPE'], env).stderr).toMatch(/no hall with code "NOPE"/);
  });

  it('the demo adds halls with bookings, and the store stays consistent', () => {
    const demo = runCli(['demo', '--halls', '3', '--bookings', '5'], env);
    expect(demo.stdout).toMatch(/^demo: 3 halls added with \d+ bookings/);
    expect(runCli(['hall', 'list'], env).stdout.split('\n').filter((l) => l.startsWith('D00'))).toHaveLength(3);
    const check = runCli(['check'], env);
    expect(check.stdout).toMatch(/^ok: /);
    expect(check.status).toBe(0);
  });
});

describe('vreserve --version', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

  it.each([['--version'], ['version'], ['-v']])('%s prints the release from package.json, without needing a store or settings', (flag) => {
    // A configuration that would stop any other command: the version does not read it.
    const r = runCli(flag, { ...env, DATABASE_URL: 'nowhere', PORT: 'x' });
    expect(r.stdout).toBe(`vreserve ${version}\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('is listed in the usage', () => {
    expect(runCli('help', env).stdout).toMatch(/^ {2}version {3}print the release \(also --version\)$/m);
  });
});
