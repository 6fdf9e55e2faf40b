import { tempDir } from '../helpers/temp-dir.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKeptPages } from '../../src/build/kept-pages.ts';

/** A rewrite that counts its calls. */
function counted() {
  const rewrite = (page: string) => {
    rewrite.calls += 1;
    return page.toUpperCase();
  };
  rewrite.calls = 0;
  return rewrite;
}

describe('openKeptPages', () => {
  it('rewrites a page once, and a later build with the same page and key reads the rewrite back', async () => {
    const file = join(tempDir('kept'), 'filled-pages.json');
    const rewrite = counted();
    const first = openKeptPages(file);
    expect(await first.get('sizes 1', '<p>a</p>', rewrite)).toBe('<P>A</P>');
    expect(await first.get('sizes 1', '<p>a</p>', rewrite)).toBe('<P>A</P>');
    expect(rewrite.calls).toBe(1);
    await first.save();

    const next = openKeptPages(file);
    expect(await next.get('sizes 1', '<p>a</p>', rewrite)).toBe('<P>A</P>');
    expect(rewrite.calls).toBe(1);
    // Another value filled in, or another page: rewritten.
    expect(await next.get('sizes 2', '<p>a</p>', rewrite)).toBe('<P>A</P>');
    expect(await next.get('sizes 1', '<p>b</p>', rewrite)).toBe('<P>B</P>');
    expect(rewrite.calls).toBe(3);
  });

  it('keeps only what the last build used, so the file does not grow from build to build', async () => {
    const file = join(tempDir('kept'), 'filled-pages.json');
    const rewrite = counted();
    const first = openKeptPages(file);
    await first.get('k', '<p>old page</p>', rewrite);
    await first.save();
    const next = openKeptPages(file);
    await next.get('k', '<p>new page</p>', rewrite);
    await next.save();
    const kept = Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
    expect(kept).toEqual(['<P>NEW PAGE</P>']);
  });

  it('starts empty when the file is missing or not JSON', async () => {
    const dir = tempDir('kept');
    const rewrite = counted();
    expect(await openKeptPages(join(dir, 'none.json')).get('k', 'x', rewrite)).toBe('X');
    writeFileSync(join(dir, 'broken.json'), '{"half');
    expect(await openKeptPages(join(dir, 'broken.json')).get('k', 'x', rewrite)).toBe('X');
    expect(rewrite.calls).toBe(2);
  });
});
