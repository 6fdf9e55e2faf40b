import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import { glob } from 'tinyglobby';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Toolkit } from '../core/model.ts';
import { formatPolicy, parsePolicy, type Policy } from '../core/content-security-policy.ts';
import { basePath } from './urls.ts';

/** The folder of fingerprinted files (their names change with their content): cached for a year. */
export const FINGERPRINTED_DIR = '_astro';

/** The response headers a host should send for the built site. */
export interface HostHeaders {
  /** For every response. */
  all: Record<string, string>;
  /** Added for files under `_astro/`. */
  fingerprinted: Record<string, string>;
  /** Added for pages and the service worker, which must never be served stale. */
  revalidate: Record<string, string>;
}

/**
 * Works out the headers from the built site: the Content-Security-Policy every page already
 * carries in its `<meta>` (the union, if pages differ), plus what a `<meta>` cannot say
 * (`frame-ancestors`), `nosniff`, no referrer, and caching by kind of file.
 */
export async function hostHeaders(siteDir: string): Promise<HostHeaders> {
  const pages = await glob('**/*.html', { cwd: siteDir, ignore: ['kits/**'] });
  const union = new Map<string, Set<string>>();
  for (const page of pages.sort()) {
    const html = await readFile(join(siteDir, page), 'utf8');
    // Note: the policy is a <meta> of the head, so only the head is parsed (a tenth of the page).
    const headEnd = html.search(/<\/head\s*>/i);
    const tree = unified().use(rehypeParse).parse(headEnd < 0 ? html : html.slice(0, headEnd));
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'meta' || String(node.properties.httpEquiv ?? '').toLowerCase() !== 'content-security-policy') return;
      for (const [name, sources] of parsePolicy(String(node.properties.content ?? ''))) {
        const set = union.get(name) ?? new Set<string>();
        for (const source of sources) set.add(source);
        union.set(name, set);
      }
    });
  }
  union.set('frame-ancestors', new Set(["'none'"]));
  // 'none' stays only where no page allows anything.
  const policy: Policy = [...union].map(([name, set]) => [name, set.size > 1 ? [...set].filter((s) => s !== "'none'") : [...set]]);
  return {
    all: {
      'Content-Security-Policy': formatPolicy(policy),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    },
    fingerprinted: { 'Cache-Control': 'public, max-age=31536000, immutable' },
    revalidate: { 'Cache-Control': 'no-cache' },
  };
}

/**
 * Writes `_headers` (Netlify, Cloudflare Pages) and `.htaccess` (Apache) next to the site,
 * so hosts that read one send the headers of `hostHeaders`. Run it last: the kits leave both out.
 */
export async function writeHostHeaders(siteDir: string, toolkit: Toolkit): Promise<void> {
  const headers = await hostHeaders(siteDir);
  const base = basePath(toolkit.siteUrl);
  const block = (path: string, set: Record<string, string>) => [path, ...Object.entries(set).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const netlify = [
    `# Response headers for Netlify and Cloudflare Pages (see docs/hosting.md). Made by Kitpress.`,
    block(`${base}*`, headers.all),
    // Note: Netlify joins the values of a header set by two matching rules, so pages keep its default
    // caching (always revalidated) rather than a second Cache-Control.
    block(`${base}${FINGERPRINTED_DIR}/*`, headers.fingerprinted),
  ].join('\n\n');
  await writeFile(join(siteDir, '_headers'), `${netlify}\n`);
  await writeFile(join(siteDir, '.htaccess'), apacheConfig(headers, base));
}

const apacheValue = (value: string) => `"${value.replace(/"/g, '\\"')}"`;

function apacheConfig(headers: HostHeaders, base: string): string {
  const set = (entries: Record<string, string>, indent: string) => Object.entries(entries).map(([k, v]) => `${indent}Header always set ${k} ${apacheValue(v)}`).join('\n');
  return `# Apache settings for this folder (see docs/hosting.md). Made by Kitpress.
# Needs AllowOverride FileInfo Indexes (or All) for this folder; headers need mod_headers.
Options -Indexes
DirectoryIndex index.html
ErrorDocument 404 ${base}404.html
AddType application/manifest+json .webmanifest
AddType font/woff2 .woff2
<IfModule mod_headers.c>
${set(headers.all, '  ')}
  <FilesMatch "\\.html$|^sw\\.js$">
${set(headers.revalidate, '    ')}
  </FilesMatch>
  <If "%{REQUEST_URI} =~ m#/${FINGERPRINTED_DIR}/#">
${set(headers.fingerprinted, '    ')}
  </If>
</IfModule>
`;
}
