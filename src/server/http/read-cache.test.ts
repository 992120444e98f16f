import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.js';

describe('ReadCache', () => {
  it('serves an entry until it is ttl old, then computes again', async () => {
    let t = 0;
    let calls = 0;
    const cache = new ReadCache(500, () => t);
    const compute = async () => `v${++calls}`;
    expect(await cache.get('k', compute)).toBe('v1');
    t = 499;
    expect(await cache.get('k', compute)).toBe('v1');
    t = 500;
    expect(await cache.get('k', compute)).toBe('v2');
  });

  it('clear() drops everything (a write in this process)', async () => {
    let calls = 0;
    const cache = new ReadCache(10_000, () => 0);
    await cache.get('k', async () => `v${++calls}`);
    cache.clear();
    expect(await cache.get('k', async () => `v${++calls}`)).toBe('v2');
  });

  it('does not remember a failure', async () => {
    const cache = new ReadCache(10_000, () => 0);
    await expect(cache.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('keys are independent', async () => {
    const cache = new ReadCache(10_000, () => 0);
    await cache.get('a', async () => 'A');
    expect(await cache.get('b', async () => 'B')).toBe('B');
  });

  it('peek() gives a computed, fresh value without waiting, and nothing otherwise', async () => {
    let t = 0;
    const cache = new ReadCache(500, () => t);
    expect(cache.peek('k')).toBeUndefined();
    const pending = cache.get('k', async () => 'v1');
    // Not yet computed: the caller has to wait for get().
    expect(cache.peek('k')).toBeUndefined();
    await pending;
    expect(cache.peek('k')).toBe('v1');
    t = 499;
    expect(cache.peek('k')).toBe('v1');
    t = 500;
    expect(cache.peek('k')).toBeUndefined();
    await cache.get('k', async () => 'v2');
    expect(cache.peek('k')).toBe('v2');
    cache.clear();
    expect(cache.peek('k')).toBeUndefined();
    await expect(cache.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.peek('k')).toBeUndefined();
  });
});
