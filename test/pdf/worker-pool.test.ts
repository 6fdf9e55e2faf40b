import { describe, expect, it } from 'vitest';
import { createWorkerPool, JobTimeoutError } from '../../src/pdf/worker-pool.ts';

const entry = new URL('./hanging-worker.mjs', import.meta.url);

describe('the PDF worker pool', () => {
  it('fails a stuck job with a time-out, and the pool goes on with the others', async () => {
    const pool = createWorkerPool<{ n: number; hang?: boolean }, number>(entry, 1, undefined, { timeoutMs: 1500 });
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
});
