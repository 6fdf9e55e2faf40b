import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { listHandoutJobs } from '../../src/pdf/handout-job.ts';
import { createPrintPool } from '../../src/pdf/print-pool.ts';
import { fixtures } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kitpress-template-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Prints the first handout of the fixture in a one-worker pool that keeps compiled templates in `work/templates`. */
async function printOnce(): Promise<Uint8Array> {
  const { toolkit } = await readToolkit(join(fixtures, 'site-multilingual'));
  const pool = createPrintPool(1, { templateCacheDir: join(work, 'templates') });
  try {
    const printed = await pool.handout(toolkit!, {}, listHandoutJobs(toolkit!)[0]!);
    return printed!.bytes;
  } finally {
    await pool.close();
  }
}

describe('compiled templates kept in the cache folder', () => {
  it('are written by a worker, used by the next one, and print the same PDF', async () => {
    const first = await printOnce();
    // The worker writes them in the background: wait until they are there.
    for (let i = 0; i < 50 && readdirSync(join(work, 'templates'), { withFileTypes: true }).filter((e) => e.name.endsWith('.js')).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const kept = readdirSync(join(work, 'templates')).filter((name) => name.endsWith('.js'));
    expect(kept.length).toBeGreaterThan(0);
    expect(readFileSync(join(work, 'templates', kept[0]!), 'utf8')).toMatch(/from "react\/jsx-runtime"/);
    // A kept template is what the next worker loads: compiled again, it would be written over and lose its mark.
    const files = kept.map((name) => join(work, 'templates', name));
    for (const file of files) writeFileSync(file, `${readFileSync(file, 'utf8')}\n// kept\n`);
    const second = await printOnce();
    await new Promise((r) => setTimeout(r, 500));
    for (const file of files) expect(readFileSync(file, 'utf8')).toContain('// kept');
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  }, 120_000);
});
