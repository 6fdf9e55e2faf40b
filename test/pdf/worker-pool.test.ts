import { describe, expect, it } from 'vitest';
import { createWorkerPool, JobTimeoutError } from '../../src/pdf/worker-pool.ts';

const entry = new URL('./hanging-worker.mjs', import.meta.url);

type Job = { n: number; hang?: boolean; holdMb?: number; waitMs?: number };

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

  it('runs jobs on no more workers than its limit, and on all of them once the limit is lifted', async () => {
    const pool = createWorkerPool<Job, number>(entry, 2, undefined, { spawnWhenWaiting: 1 });
    try {
      pool.limit(1);
      const start = performance.now();
      expect(await Promise.all([1, 2, 3, 4].map((n) => pool.run({ n, waitMs: 150 })))).toEqual([2, 4, 6, 8]);
      // One at a time: four jobs of 150 ms cannot end sooner than 600 ms, and no second worker started.
      expect(performance.now() - start).toBeGreaterThanOrEqual(590);
      expect(pool.started()).toBe(1);
      pool.limit(undefined);
      expect(await Promise.all([5, 6, 7, 8].map((n) => pool.run({ n, waitMs: 150 })))).toEqual([10, 12, 14, 16]);
      expect(pool.started()).toBe(2);
    } finally {
      await pool.close();
    }
  });
});
