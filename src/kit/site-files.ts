import { glob } from 'tinyglobby';
import type { Toolkit } from '../core/model.ts';
import { searchIndexLocale } from '../core/outputs.ts';
import { serviceWorkerFiles } from './service-worker-files.ts';

/** What a file of the built site is, as far as the kits care. */
export type SiteFileRole =
  /** An HTML page of a locale. */
  | { kind: 'page'; locale: string }
  /** A handout PDF (or anything else under `pdf/<locale>/`). */
  | { kind: 'pdf'; locale: string }
  /** A file every locale shares: CSS, fonts, images, classic scripts. */
  | { kind: 'shared' }
  /** A file under a non-default locale's folder that is not a page. */
  | { kind: 'locale-asset'; locale: string }
  /** Never copied into a kit: the kits themselves and the service worker. */
  | { kind: 'excluded' };

/** One file of the built site, by its path relative to the site root (forward slashes). */
export interface SiteFile {
  path: string;
  role: SiteFileRole;
}

/** Lists every file of the built site in byte order, with its role. */
export async function listSiteFiles(siteDir: string, toolkit: Toolkit): Promise<SiteFile[]> {
  const paths = await glob('**/*', { cwd: siteDir, onlyFiles: true, dot: true, expandDirectories: false });
  return paths.sort(compareBytes).map((path) => ({ path, role: roleOf(path, toolkit) }));
}

/** The role of a site path: the default locale lives at the root, others under `<code>/`. */
export function roleOf(path: string, toolkit: Toolkit): SiteFileRole {
  const [first = '', second = ''] = path.split('/');
  if (first === 'kits' || serviceWorkerFiles.matches(path)) return { kind: 'excluded' };
  if (first === 'pdf') return { kind: 'pdf', locale: second };
  // A language's search index is that language's: a kit of other languages does not need it.
  const indexed = searchIndexLocale(path, toolkit.locales.map((l) => l.code));
  if (indexed) return { kind: 'locale-asset', locale: indexed };
  const other = toolkit.locales.find((l) => !l.isDefault && l.code === first);
  const isPage = path.endsWith('.html');
  if (other) return isPage ? { kind: 'page', locale: other.code } : { kind: 'locale-asset', locale: other.code };
  return isPage ? { kind: 'page', locale: toolkit.defaultLocale } : { kind: 'shared' };
}

/** Sorts strings by their UTF-16 code units, the same on every machine (unlike localeCompare). */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
