import { describe, expect, it } from 'vitest';
import { AppError } from '../services/app-error.js';
import { UsageError, cliLang, describeFailure } from './failure.js';

describe('how a failed command is reported', () => {
  it('a refusal is its message in words, exit 1', () => {
    const weak = new AppError('WEAK_PASSWORD', { reason: 'TOO_SHORT' });
    expect(describeFailure(weak, 'en')).toEqual({ message: 'The password is too weak: use at least 10 characters', exitCode: 1 });
    expect(describeFailure(weak, 'zh')).toEqual({ message: '密码太弱：至少 10 个字符', exitCode: 1 });
  });

  it('a wrong call says how to call it, exit 2', () => {
    expect(describeFailure(new UsageError('usage: …'), 'en')).toEqual({ message: 'usage: …', exitCode: 2 });
    const parseArgs = Object.assign(new TypeError("Unknown option '--x'"), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    expect(describeFailure(parseArgs, 'en')).toEqual({ message: "Unknown option '--x'", exitCode: 2 });
  });

  it('a bug keeps its stack trace', () => {
    const bug = new TypeError('undefined is not a function');
    const { message, exitCode } = describeFailure(bug, 'en');
    expect(message).toContain('TypeError: undefined is not a function\n    at ');
    expect(exitCode).toBe(1);
  });

  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C' }, 'en'],
    [{}, 'en'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'C', LC_MESSAGES: 'zh_TW.UTF-8' }, 'zh'],
  ] as const)('locale %o speaks %s', (env, lang) => {
    expect(cliLang(env)).toBe(lang);
  });
});
