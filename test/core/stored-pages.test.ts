import { tempDir } from '../helpers/temp-dir.ts';
import { describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStoredPages } from '../../src/core/stored-pages.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { fixtures } from '../helpers/paths.ts';

describe('parsed pages kept in the cache folder', () => {
  it('gives the next read the same model without parsing, and the same reports', async () => {
    const cacheDir = tempDir('stored');
    const content = join(fixtures, 'site-multilingual');
    const first = await openStoredPages(cacheDir);
    const fresh = await readToolkit(content, { cache: first.cache });
    await first.save();
    expect(first.counts().parsed).toBe(first.counts().read);
    expect(first.counts().read).toBeGreaterThan(0);

    const second = await openStoredPages(cacheDir);
    const again = await readToolkit(content, { cache: second.cache });
    expect(second.counts()).toEqual({ read: first.counts().read, parsed: 0 });
    expect(again.toolkit).toEqual(fresh.toolkit);
    expect(again.diagnostics.sorted()).toEqual(fresh.diagnostics.sorted());
  });

  it('starts empty from a damaged cache file instead of failing', async () => {
    const cacheDir = tempDir('stored');
    const content = join(fixtures, 'site-multilingual');
    const first = await openStoredPages(cacheDir);
    await readToolkit(content, { cache: first.cache });
    await first.save();
    const [file] = readdirSync(join(cacheDir, 'content'));
    writeFileSync(join(cacheDir, 'content', file!), 'not a serialised cache');
    const second = await openStoredPages(cacheDir);
    const read = await readToolkit(content, { cache: second.cache });
    expect(read.toolkit).toBeDefined();
    expect(second.counts().parsed).toBe(second.counts().read);
  });

  it('says when a stored page changed (a build starts printing early then), not when a page is only new', async () => {
    const cacheDir = tempDir('stored');
    const content = join(tempDir('content'), 'content');
    cpSync(join(fixtures, 'site-multilingual'), content, { recursive: true });
    let changed = 0;
    const first = await openStoredPages(cacheDir, { onChanged: () => (changed += 1) });
    await readToolkit(content, { cache: first.cache });
    await first.save();
    expect(changed).toBe(0);
    const page = join(content, 'en', readdirSync(join(content, 'en')).find((name) => name.endsWith('.md'))!);
    writeFileSync(page, `${readFileSync(page, 'utf8')}\nOne more sentence.\n`);
    const second = await openStoredPages(cacheDir, { onChanged: () => (changed += 1) });
    await readToolkit(content, { cache: second.cache });
    expect(second.counts().parsed).toBe(1);
    expect(changed).toBe(1);
  });
});
