import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteModel } from './site-model.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Writes `sitemap.xml` (every canonical page, with its language versions) and `robots.txt`.
 * Fallback pages are left out: their canonical address is the default locale's page. So are the
 * search pages, which have nothing of their own to index.
 */
export async function writeSitemap(outDir: string, model: SiteModel): Promise<void> {
  const entries = model.routes
    .filter((route) => route.kind !== 'search' && route.canonical === new URL(route.path, model.toolkit.siteUrl).href)
    .map((route) => {
      const links = route.alternates
        .map((alt) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(alt.hreflang)}" href="${escapeXml(alt.href)}"/>`)
        .join('\n');
      return `  <url>\n    <loc>${escapeXml(route.canonical!)}</loc>\n    <lastmod>${model.toolkit.date}</lastmod>\n${links ? `${links}\n` : ''}  </url>`;
    });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
  await writeFile(join(outDir, 'sitemap.xml'), xml);
  // Note: crawlers read robots.txt only at the root of a host; at a sub-path it is harmless.
  const robots = `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', model.toolkit.siteUrl).href}\n`;
  await writeFile(join(outDir, 'robots.txt'), robots);
}
