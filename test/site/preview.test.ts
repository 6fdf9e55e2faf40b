import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { builtDefault } from '../helpers/paths.ts';
import { startCliServer, type CliServer } from '../helpers/start-cli-server.ts';
import { htmlFiles } from './site-tools.ts';

let server: CliServer;

beforeAll(async () => {
  server = await startCliServer(['preview', '--out', builtDefault]);
});

afterAll(async () => {
  await server?.stop();
});

/** The links and stylesheets of one HTML page. */
function linksOf(html: string): { pages: string[]; styles: string[] } {
  const tree = unified().use(rehypeParse).parse(html);
  const pages: string[] = [];
  const styles: string[] = [];
  visit(tree, 'element', (node) => {
    const href = node.properties.href;
    if (typeof href !== 'string') return;
    const rel = ([] as unknown[]).concat(node.properties.rel ?? []).map(String);
    if (node.tagName === 'link' && rel.includes('stylesheet')) styles.push(href);
    if (node.tagName === 'a') pages.push(href);
  });
  return { pages, styles };
}

describe('kitpress preview', () => {
  it('finds every page of the built site by following links from the home page, each with its CSS', async () => {
    const start = new URL(server.url);
    const seen = new Set<string>();
    const queue = [start.href];
    const checkedCss = new Map<string, number>();
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(url, { redirect: 'follow' });
      expect(response.status, url).toBe(200);
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
      const { pages, styles } = linksOf(await response.text());
      expect(styles.length, `${url} has no stylesheet`).toBeGreaterThan(0);
      for (const style of styles) {
        const css = new URL(style, url).href;
        if (!checkedCss.has(css)) {
          const r = await fetch(css);
          expect(r.headers.get('content-type'), css).toMatch(/^text\/css/);
          checkedCss.set(css, r.status);
        }
        expect(checkedCss.get(css), css).toBe(200);
      }
      for (const href of pages) {
        const target = new URL(href, url);
        target.hash = '';
        // Pages of this site only: not the PDFs, kits or other sites.
        if (target.origin === start.origin && target.pathname.startsWith(start.pathname) && target.pathname.endsWith('/')) queue.push(target.href);
      }
    }
    const built = (await htmlFiles(builtDefault)).filter((f) => f !== '404.html' && !f.startsWith('kits/')).map((f) => new URL(f.replace(/index\.html$/, ''), start).href);
    expect([...seen].sort()).toEqual(built.sort());
  });

  it('sends the headers a host should: CSP, nosniff, and long caching only for fingerprinted files', async () => {
    const page = await fetch(server.url);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const css = linksOf(await page.text()).styles.find((s) => s.includes('/_astro/'))!;
    const asset = await fetch(new URL(css, server.url));
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers the host root with the way to the site, and an unknown address with the 404 page', async () => {
    const origin = new URL(server.url).origin;
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(root.status).toBe(301);
    expect(root.headers.get('location')).toBe(new URL(server.url).pathname);
    const missing = await fetch(`${server.url}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1');
  });
});
