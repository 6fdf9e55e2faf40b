import { describe, expect, it } from 'vitest';
import { createWorkerPool, JobTimeoutError } from '../../src/pdf/worker-pool.ts';

const entry = new URL('./hanging-worker.mjs', import.meta.url);

type Job = { n: number; hang?: boolean; holdMb?: number };

describe('the PDF worker pool', () => {
  it('fails a stuck job with a time-out, and the pool goes on with the others', async () => {
    const pool = createWorkerPool<Job, number>(entry, 1, undefined, { timeoutMs: 1500 });
    try {
      const stuck = pool.run({ n: 1, hang: true });
      const after = [pool.run({ n: 2 }), pool.run({ n: 3 })];
      await expect(stuck).rejects.toBeInstanceOf(JobTimeoutError);
      expect(await Promise.all(after)).toEqual([4, 6]);
      expect(await pool.run({ n: 5 })).toBe(10);
    } finally {
      await pool.close();
    }
  });

  it('runs a job that outgrows the memory limits again on a worker without them, and goes on', async () => {
    const pool = createWorkerPool<Job, number>(entry, 1, undefined, { resourceLimits: { maxOldGenerationSizeMb: 24 } });
    try {
      // About 1.5 MB of objects per step: 60 steps are far past a 24 MB heap.
      const big = pool.run({ n: 1, holdMb: 60 });
      const small = pool.run({ n: 2 });
      expect(await Promise.all([big, small])).toEqual([2, 4]);
      expect(await pool.run({ n: 3 })).toBe(6);
    } finally {
      await pool.close();
    }
  });

  it('starts workers only as jobs come, a second when enough wait, and puts first jobs first', async () => {
    const pool = createWorkerPool<Job, number>(entry, 2, undefined, { spawnWhenWaiting: 3 });
    try {
      expect(pool.started()).toBe(0);
      expect(await pool.run({ n: 1 })).toBe(2);
      expect(pool.started()).toBe(1);
      const order: number[] = [];
      const runs = [1, 2, 3, 4].map((n) => pool.run({ n }).then(() => order.push(n)));
      runs.push(pool.run({ n: 9 }, { first: true }).then(() => order.push(9)));
      await Promise.all(runs);
      expect(pool.started()).toBe(2);
      expect(order.indexOf(9)).toBeLessThan(order.indexOf(4));
    } finally {
      await pool.close();
    }
  });
});
