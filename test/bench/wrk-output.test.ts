// The bench reads wrk's text report; a misread unit would turn every figure in RESULTS.md wrong.
import { describe, expect, it } from 'vitest';
import { parseDurationMs, parseWrkOutput, wrkCommand } from '../../bench/wrk.js';

const REPORT = `Running 10s test @ http://127.0.0.1:8080/api/v1/services
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.59ms  812.37us   1.02s    93.91%
    Req/Sec     9.90k     1.10k   12.04k    71.00%
  Latency Distribution
     50%  950.00us
     75%    1.63ms
     90%    2.10ms
     99%    2.78s
  197046 requests in 10.01s, 262.51MB read
  Socket errors: connect 0, read 3, write 0, timeout 4
  Non-2xx or 3xx responses: 12
Requests/sec:  19696.49
Transfer/sec:     26.23MB
`;

describe('wrk output', () => {
  it.each([
    ['950.00us', 0.95],
    ['1.63ms', 1.63],
    ['2.78s', 2780],
    ['1.50m', 90_000],
  ])('%s is %d ms', (text, value) => expect(parseDurationMs(text)).toBeCloseTo(value, 6));

  it('refuses what is not a duration', () => expect(() => parseDurationMs('12 parsecs')).toThrow());

  it('reads rate, count, percentiles and errors', () => {
    const f = parseWrkOutput(REPORT);
    expect(f).toMatchObject({ requests: 197046, rps: 19696, non2xx: 12, errors: 7, max: 1020 });
    expect(f.seconds).toBeCloseTo(10.01, 6);
    expect(f.p50).toBeCloseTo(0.95, 6);
    expect(f.p90).toBeCloseTo(2.1, 6);
    expect(f.p99).toBeCloseTo(2780, 6);
  });

  it('a run stopped early reports its real duration', () => {
    const f = parseWrkOutput(REPORT.replace('in 10.01s', 'in 902.76ms'));
    expect(f.seconds).toBeCloseTo(0.90276, 6);
  });

  it('without --latency there is nothing to read percentiles from: an error, not zeros', () => {
    const plain = REPORT.replace(/ {2}Latency Distribution[\s\S]*?99%.*\n/, '');
    expect(() => parseWrkOutput(plain)).toThrow(/--latency/);
  });

  it('passes script arguments after --, and always asks for percentiles', () => {
    const args = wrkCommand({ url: 'http://h/x', seconds: 5, connections: 50, threads: 2, script: { path: 's.lua', args: ['real', '3'] } });
    expect(args).toContain('--latency');
    expect(args.slice(args.indexOf('http://h/x'))).toEqual(['http://h/x', '--', 'real', '3']);
  });
});
