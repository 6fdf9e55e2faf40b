import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/core/task-limiter.ts';

describe('createLimiter', () => {
  it('never runs more than its limit at once, also when tasks arrive as others end, and runs every task in order', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n % 4));
      running -= 1;
      return n * 2;
    };
    const first = Array.from({ length: 20 }, (_, n) => limit(task(n)));
    // More tasks given while the first ones end, the moment a place frees.
    const later = first.map((done, n) => done.then(() => limit(task(100 + n))));
    const results = await Promise.all([...first, ...later]);
    expect(most).toBe(3);
    expect(results.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, n) => n * 2));
    expect(started.filter((n) => n < 100)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(started).toHaveLength(40);
  });

  it('frees the place of a task that fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(limit(async () => 'yes')).resolves.toBe('yes');
  });
});
