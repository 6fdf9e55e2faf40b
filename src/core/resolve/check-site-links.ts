import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { SourcePosition, Toolkit } from '../model.ts';
import { guidePath, handoutPath, kitPath, routePath } from '../outputs.ts';
import { forEachInline } from '../walk.ts';

/** A web address written in the config, with where it is written. */
export interface ConfigUrl {
  url: string;
  /** The key, as `hotlines.2.url`. */
  key: string;
  position: SourcePosition;
}

/** The slug of the downloads page Kitpress makes for every locale (keep in step with src/site/urls.ts). */
const DOWNLOADS = 'downloads';

/** Every file of the site that a link can name: each page, downloads page, handout, facilitator guide and kit. */
function madeFiles(toolkit: Toolkit): Set<string> {
  const files = new Set<string>(['404.html']);
  for (const locale of toolkit.locales) {
    for (const page of locale.pages) {
      files.add(`${routePath(toolkit, locale.code, page.slug)}index.html`);
      if (page.handout && !page.fallback) for (const paper of toolkit.paper) files.add(handoutPath(locale.code, page.handout.file, paper));
    }
    for (const paper of toolkit.paper) files.add(guidePath(locale.code, paper));
    files.add(`${routePath(toolkit, locale.code, DOWNLOADS)}index.html`);
    files.add(kitPath(toolkit.name, locale.code));
  }
  files.add(kitPath(toolkit.name, 'all'));
  return files;
}

/**
 * Whether an address inside the toolkit's own site names nothing Kitpress makes; undefined when
 * it leads elsewhere or to a file this check does not judge (scripts, fonts, images, previews).
 * Note: this is the offline kit's rule (src/kit/resolve-url.ts): a folder means its index.html,
 * and `signs` may stand for `signs/index.html` or `signs.html`.
 */
function missingInside(url: string, toolkit: Toolkit, files: ReadonlySet<string>): boolean | undefined {
  let target: URL;
  let site: URL;
  try {
    target = new URL(url);
    site = new URL(toolkit.siteUrl);
  } catch {
    return undefined;
  }
  const base = site.pathname.endsWith('/') ? site.pathname : `${site.pathname}/`;
  if (target.origin !== site.origin || !(target.pathname.startsWith(base) || `${target.pathname}/` === base)) return undefined;
  let rest: string;
  try {
    rest = decodeURIComponent(target.pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const last = rest.split('/').pop() ?? '';
  const extension = /\.([a-z0-9]+)$/i.exec(last)?.[1]?.toLowerCase();
  if (extension && !['html', 'pdf', 'zip'].includes(extension)) return undefined;
  if (/^(_astro|fonts|assets)\//.test(rest)) return undefined;
  const candidates = rest === '' || rest.endsWith('/') ? [`${rest}index.html`] : [rest, `${rest}/index.html`, `${rest}.html`];
  return !candidates.some((candidate) => files.has(candidate));
}

/**
 * Reports a link into the toolkit's own site (an address under `site.url`) that names no page or
 * file Kitpress makes (`link-site-missing`): the offline kits would hold a broken link, so the
 * build refuses them. Page links are checked at their place, config addresses at their key.
 */
export function checkSiteLinks(toolkit: Toolkit, configUrls: readonly ConfigUrl[], diagnostics: Diagnostics): void {
  const files = madeFiles(toolkit);
  for (const locale of toolkit.locales) {
    for (const page of locale.pages) {
      if (page.fallback) continue;
      forEachInline(page.blocks, (inline) => {
        if (inline.type === 'link' && missingInside(inline.href, toolkit, files)) {
          diagnostics.report('link-site-missing', { case: 'page', href: inline.href }, inline.position);
        }
      });
    }
  }
  const seen = new Set<string>();
  for (const { url, key, position } of configUrls) {
    if (seen.has(key) || !missingInside(url, toolkit, files)) continue;
    seen.add(key);
    diagnostics.report('link-site-missing', { case: 'config', key, href: url }, position);
  }
}
