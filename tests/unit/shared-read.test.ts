// sharedRead (src/server/store/pg-db.ts): concurrent callers share a query, but never one that began
// before they called.
import { describe, expect, it } from 'vitest';
import { sharedRead } from '../../src/server/store/pg-db';

describe('sharedRead', () => {
  it('gives callers that arrive during a running read the next read, shared', async () => {
    let value = 0;
    const starts: number[] = [];
    const gates: (() => void)[] = [];
    const read = sharedRead(() => {
      starts.push(value);
      const v = value;
      return new Promise<number>((done) => gates.push(() => done(v)));
    });
    const first = read();
    value = 1; // a write acknowledged while the first read runs
    const second = read();
    const third = read();
    expect(starts).toEqual([0]);
    gates[0]?.();
    expect(await first).toBe(0);
    await Promise.resolve();
    await Promise.resolve();
    expect(starts).toEqual([0, 1]);
    gates[1]?.();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
    expect(starts).toHaveLength(2);
  });

  it('passes a failed read to its callers and reads anew after it', async () => {
    let fail = true;
    const read = sharedRead(async () => {
      if (fail) throw new Error('down');
      return 7;
    });
    await expect(read()).rejects.toThrow('down');
    fail = false;
    expect(await read()).toBe(7);
  });
});
