import { describe, expect, it } from 'vitest';
import { workerExecArgv } from './supervisor.js';

describe('V8 flags for the workers', () => {
  it('keeps the young generation small unless the operator says otherwise', () => {
    expect(workerExecArgv(['--enable-source-maps'])).toEqual(['--enable-source-maps', '--max-semi-space-size=4']);
    expect(workerExecArgv(['--max-semi-space-size=16'])).toEqual(['--max-semi-space-size=16']);
    expect(workerExecArgv(['--max_semi_space_size=8'])).toEqual(['--max_semi_space_size=8']);
    expect(workerExecArgv([], '--max-old-space-size=512 --max-semi-space-size=2')).toEqual([]);
  });
});
