import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { precacheManifest } from '../../src/kit/service-worker.ts';

const md5 = (text: string | Buffer) => createHash('md5').update(text).digest('hex');

describe('precacheManifest', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists what a visitor needs offline under the base path, with a revision where the name has no hash', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kitpress-precache-'));
    const files: Record<string, string | Buffer> = {
      'index.html': '<p>home</p>',
      'es/signs/index.html': '<p>señales</p>',
      '404.html': '<p>not found</p>',
      '_astro/site.1a2b3c.css': 'p{}',
      'pdf/es/signs-checklist-a4.pdf': '%PDF',
      'kits/toolkit-es.zip': 'PK',
      'sw.js': 'worker',
      'sitemap.xml': '<urlset/>',
      'pdf/en/huge-letter.pdf': Buffer.alloc(26 * 1024 * 1024),
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const { entries, size, warnings } = await precacheManifest(dir, '/kit/');
    expect(entries).toEqual([
      { url: '/kit/404.html', revision: md5('<p>not found</p>') },
      { url: '/kit/_astro/site.1a2b3c.css', revision: null },
      { url: '/kit/es/signs/index.html', revision: md5('<p>señales</p>') },
      { url: '/kit/index.html', revision: md5('<p>home</p>') },
      { url: '/kit/pdf/es/signs-checklist-a4.pdf', revision: md5('%PDF') },
    ]);
    expect(size).toBe(entries.reduce((sum, e) => sum + Buffer.byteLength(String(files[e.url.slice(5)])), 0));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^pdf\/en\/huge-letter\.pdf is 27(\.\d)? MB, more than the 26(\.\d)? MB/);
  });
});
