import { describe, expect, it } from 'vitest';
import { Remembered } from './remembered.js';

describe('Remembered', () => {
  it('computes an answer once and gives it again', () => {
    const memo = new Remembered<number>(10);
    let calls = 0;
    const square = (n: number) =>
      memo.get(String(n), () => {
        calls++;
        return n * n;
      });
    expect([square(3), square(3), square(4), square(3)]).toEqual([9, 9, 16, 9]);
    expect(calls).toBe(2);
  });

  it('keeps at most `size` answers, then forgets them all', () => {
    const memo = new Remembered<string>(3);
    let calls = 0;
    const echo = (k: string) =>
      memo.get(k, () => {
        calls++;
        return k;
      });
    for (const k of ['a', 'b', 'c']) echo(k);
    echo('a');
    expect(calls).toBe(3);
    echo('d'); // the fourth answer: the first three are forgotten
    echo('a');
    expect(calls).toBe(5);
  });

  it('keeps nothing when the computation throws', () => {
    const memo = new Remembered<number>(10);
    expect(() =>
      memo.get('bad', () => {
        throw new RangeError('no');
      }),
    ).toThrow(RangeError);
    expect(memo.get('bad', () => 1)).toBe(1);
  });
});
