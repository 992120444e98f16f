import { describe, expect, it } from 'vitest';
import { FreshReads } from './fresh-reads.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A read that counts how often the store was asked. */
function counted<T>(value: () => T) {
  const read = async () => {
    read.calls++;
    return value();
  };
  read.calls = 0;
  return read;
}

describe('FreshReads', () => {
  it('reads a key once while fresh, and again after freshMs', async () => {
    const reads = new FreshReads(60);
    const read = counted(() => ({ name: 'Y' }));
    const [a, b] = await Promise.all([reads.get('service:1', read), reads.get('service:1', read)]);
    expect(await reads.get('service:1', read)).toBe(a);
    expect(b).toBe(a);
    expect(read.calls).toBe(1);
    await sleep(80);
    await reads.get('service:1', read);
    expect(read.calls).toBe(2);
  });

  it('keeps keys apart', async () => {
    const reads = new FreshReads(10_000);
    expect(await reads.get('service:1', async () => 1)).toBe(1);
    expect(await reads.get('service:2', async () => 2)).toBe(2);
  });

  it('reads everything again after invalidate', async () => {
    const reads = new FreshReads(10_000);
    let version = 1;
    const read = counted(() => ({ version }));
    await reads.get('rule:1', read);
    version = 2;
    expect((await reads.get('rule:1', read)).version).toBe(1);
    reads.invalidate();
    expect((await reads.get('rule:1', read)).version).toBe(2);
    expect(read.calls).toBe(2);
  });

  it('keeps neither an absent row nor a failed read', async () => {
    const reads = new FreshReads(10_000);
    const absent = counted(() => undefined);
    await reads.get('service:99', absent);
    await reads.get('service:99', absent);
    expect(absent.calls).toBe(2);
    let fail = true;
    const flaky = counted(() => {
      if (fail) throw new Error('store down');
      return 'row';
    });
    await expect(reads.get('service:1', flaky)).rejects.toThrow('store down');
    fail = false;
    expect(await reads.get('service:1', flaky)).toBe('row');
    expect(flaky.calls).toBe(2);
  });

  it('says whether a key is kept and fresh', async () => {
    const reads = new FreshReads(60);
    expect(reads.isFresh('halls')).toBe(false);
    await reads.get('halls', async () => []);
    expect(reads.isFresh('halls')).toBe(true);
    await sleep(80);
    expect(reads.isFresh('halls')).toBe(false);
    await reads.get('halls', async () => []);
    reads.invalidate();
    expect(reads.isFresh('halls')).toBe(false);
    const never = new FreshReads(0);
    await never.get('halls', async () => []);
    expect(never.isFresh('halls')).toBe(false);
  });

  it('with freshMs 0 reads the store every time', async () => {
    const reads = new FreshReads(0);
    const read = counted(() => ({}));
    await reads.get('k', read);
    await reads.get('k', read);
    expect(read.calls).toBe(2);
  });

  it('hands out frozen values, nested too, so a caller cannot change what others are given', async () => {
    for (const reads of [new FreshReads(10_000), new FreshReads(0)]) {
      const service = await reads.get('service:1', async () => ({ schedule: { slots: [{ start: '09:00' }] } }));
      expect(() => {
        service.schedule.slots.push({ start: '10:00' });
      }).toThrow(TypeError);
      expect(() => {
        (service.schedule.slots[0] as { start: string }).start = '08:00';
      }).toThrow(TypeError);
    }
  });

  it('a flood of made-up keys does not grow without bound', async () => {
    const reads = new FreshReads(10_000);
    const first = counted(() => 'first');
    await reads.get('service:1', first);
    for (let i = 0; i < 10_000; i++) await reads.get(`service:x${i}`, async () => i);
    // The bound was reached: everything was dropped, the first key is read again.
    await reads.get('service:1', first);
    expect(first.calls).toBe(2);
  });
});
