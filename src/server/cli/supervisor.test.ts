import { describe, expect, it } from 'vitest';
import { workerExecArgv } from './supervisor.js';

describe('V8 flags for the workers', () => {
  it('keeps the young generation small and the old one bounded unless the operator says otherwise', () => {
    expect(workerExecArgv(['--enable-source-maps'])).toEqual(['--enable-source-maps', '--max-semi-space-size=4', '--max-old-space-size=1024']);
    expect(workerExecArgv(['--max-semi-space-size=16'])).toEqual(['--max-semi-space-size=16', '--max-old-space-size=1024']);
    expect(workerExecArgv(['--max_semi_space_size=8'])).toEqual(['--max_semi_space_size=8', '--max-old-space-size=1024']);
    expect(workerExecArgv(['--max-old-space-size=2048'])).toEqual(['--max-old-space-size=2048', '--max-semi-space-size=4']);
    expect(workerExecArgv([], '--max-old-space-size=512 --max-semi-space-size=2')).toEqual([]);
    expect(workerExecArgv([], '--max_old_space_size=512')).toEqual(['--max-semi-space-size=4']);
  });
});
