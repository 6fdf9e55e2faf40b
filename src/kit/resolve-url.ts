import { posix } from 'node:path';

/** One internal URL that names no file of the built site. */
export interface MissingTarget {
  /** Site path of the file the URL is in. */
  from: string;
  url: string;
}

/** Whether a site path names a file (of the site, or of a kit): all a rewrite asks of a set of files. */
export interface FileSet {
  has(path: string): boolean;
}

/** Where a site path goes in a kit, if the kit holds it: all a rewrite asks of a kit's layout. */
export interface FilePlaces {
  get(path: string): string | undefined;
}

/** What rewriting needs to know about the site and the kit being made. */
export interface LinkScope {
  /** The hosted site, e.g. `https://example.org/safer-online/`. */
  siteUrl: URL;
  /** Every file of the built site, by site path. */
  siteFiles: FileSet;
  /** The site files this kit holds: site path -> path inside the kit's top folder. */
  kitFiles: FilePlaces;
  /** Internal URLs that name no file are collected here (they link to the hosted site). */
  missing: MissingTarget[];
  /** Site paths of the kit files some rewritten file links to, collected when set. */
  used?: Set<string>;
}

/** Where a URL leads once the kit is unpacked. */
export type UrlTarget =
  /** Not ours to change: another site, mailto:, tel:, data:, a fragment on the same page. */
  | { kind: 'keep' }
  /** A file the kit holds at `path`; `href` is relative to the referring file. */
  | { kind: 'kit'; path: string; href: string }
  /** Something only the hosted site has (another locale's page); `href` is absolute. */
  | { kind: 'hosted'; href: string };

const schemePattern = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves a URL found in the site file at `from` (a site path such as `es/signs/index.html`)
 * the way a browser on the hosted site would, then says where it should lead in the kit.
 */
export function resolveUrl(raw: string, from: string, scope: LinkScope): UrlTarget {
  const url = raw.trim();
  if (url === '' || url.startsWith('#')) return { kind: 'keep' };
  if (schemePattern.test(url) && !/^https?:/i.test(url)) return { kind: 'keep' };
  let resolved: URL;
  try {
    resolved = new URL(url, new URL(encodePath(from), scope.siteUrl));
  } catch {
    return { kind: 'keep' };
  }
  const base = scope.siteUrl.pathname;
  const inside = resolved.origin === scope.siteUrl.origin && (resolved.pathname.startsWith(base) || `${resolved.pathname}/` === base);
  if (!inside) return schemePattern.test(url) ? { kind: 'keep' } : { kind: 'hosted', href: resolved.href };

  const rest = decodePath(resolved.pathname.slice(base.length));
  const path = rest === undefined ? undefined : siteFileFor(rest, scope.siteFiles);
  if (!path) {
    scope.missing.push({ from, url });
    return { kind: 'hosted', href: resolved.href };
  }
  const to = scope.kitFiles.get(path);
  if (to === undefined) return { kind: 'hosted', href: resolved.href };
  scope.used?.add(path);
  return { kind: 'kit', path: to, href: relativeHref(scope.kitFiles.get(from) ?? from, to) + resolved.hash };
}

/** The site file a path after the base names: a folder means its `index.html`. */
export function siteFileFor(rest: string, siteFiles: FileSet): string | undefined {
  if (rest === '' || rest.endsWith('/')) return siteFiles.has(`${rest}index.html`) ? `${rest}index.html` : undefined;
  for (const candidate of [rest, `${rest}/index.html`, `${rest}.html`]) if (siteFiles.has(candidate)) return candidate;
  return undefined;
}

/** A percent-encoded relative URL from one file to another, e.g. `../signs/index.html`. */
export function relativeHref(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return encodePath(relative);
}

/** Percent-encodes each segment of a path, keeping the slashes. */
export function encodePath(path: string): string {
  return path.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
