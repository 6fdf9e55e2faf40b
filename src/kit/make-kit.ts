import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import type { Toolkit } from '../core/model.ts';
import type { HandoutFile, KitFile } from '../core/outputs.ts';
import { fillKitSizesHtml } from './kit-sizes.ts';
import { sha256sums } from './checksums.ts';
import { kitPageNames, layoutKit, type KitPlan } from './kit-layout.ts';
import { neutralPage } from './neutral-page.ts';
import { relativeHref, resolveUrl, type LinkScope, type MissingTarget } from './resolve-url.ts';
import { rewriteCssUrls } from './rewrite-css.ts';
import { pageForKit, preparePage, type PreparedPage } from './rewrite-html.ts';
import { compareBytes, type SiteFile } from './site-files.ts';
import { hashOf } from '../core/content-hash.ts';
import { startPage } from './start-page.ts';

/** What making one kit needs. */
export interface KitInput {
  toolkit: Toolkit;
  plan: KitPlan;
  siteFiles: SiteFile[];
  /** Paths the site will have that are not written yet (the kit zips); links to them go to the hosted site. */
  laterFiles: string[];
  handouts: HandoutFile[];
  /** Reads a site file by site path. */
  read: (path: string) => Promise<Buffer>;
  /** Licence files for the kit's top folder. */
  licences: ReadonlyMap<string, Buffer>;
  /** Pages already parsed for another kit (see `PreparedPages`). */
  pages?: PreparedPages | undefined;
  /** Pages rewritten for this kit by an earlier build: a page that did not change is not rewritten again. */
  store?: KitPageStore | undefined;
}

/**
 * Parsed pages by site path, for the next kit that holds them: the kit of a page's language and
 * the kit of every language parse it once. Note: a parsed page takes about 20 times its size in
 * memory (240 kB for a 12 kB page), so only the most recent `limit` are kept: a toolkit of many
 * pages parses some twice rather than holding every page of every language at once.
 */
export class PreparedPages {
  private readonly pages = new Map<string, PreparedPage>();
  private readonly limit: number;

  constructor(limit = 256) {
    this.limit = limit;
  }

  get(sitePath: string, html: () => string): PreparedPage {
    let page = this.pages.get(sitePath);
    if (page) {
      // Most recently used last.
      this.pages.delete(sitePath);
    } else page = preparePage(html(), sitePath);
    this.pages.set(sitePath, page);
    if (this.pages.size > this.limit) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }
}

/** A page as one kit holds it, with what rewriting it found. */
export interface KitPage {
  html: string;
  /** Site paths of the shared files the page links to. */
  used: string[];
  missing: MissingTarget[];
  dropped: string[];
}

/** Pages rewritten for kits, by a hash of everything the rewrite reads (see `makeKit`). */
export interface KitPageStore {
  get(key: string): Promise<KitPage | undefined>;
  set(key: string, page: KitPage): Promise<void>;
}

/** One kit's files by path inside its top folder, and what was left out on the way. */
export interface KitContents {
  files: Map<string, Buffer>;
  /** Things removed because they cannot work from disk. */
  dropped: Set<string>;
  /** Internal URLs that name no file of the site. */
  missing: MissingTarget[];
  /** The kit's pages that show kit sizes (see `withKitSizes`). */
  sized: string[];
}

/**
 * Copies the site files a kit holds, rewritten to work from file://, and adds the kit's own files.
 * Its downloads pages say only "ZIP" for each kit: `withKitSizes` adds the sizes.
 */
export async function makeKit(input: KitInput): Promise<KitContents> {
  const { toolkit, plan } = input;
  const layout = layoutKit(plan, input.siteFiles);
  const scope: LinkScope = {
    siteUrl: new URL(toolkit.siteUrl),
    siteFiles: new Set([...input.siteFiles.map((f) => f.path), ...input.laterFiles]),
    kitFiles: layout,
    missing: [],
  };
  const dropped = new Set<string>();
  const files = new Map<string, Buffer>();
  const used = new Set<string>();
  scope.used = used;
  const pages = input.pages ?? new PreparedPages();
  const sized: string[] = [];
  // What a page's rewrite reads besides the page: the site address, the site's files and where this kit puts them.
  const scopeKey = hashOf('kit-page', toolkit.siteUrl, JSON.stringify([...scope.siteFiles].sort(compareBytes)), JSON.stringify([...layout]));
  const rewritePage = async (sitePath: string, kitPath: string, bytes: Buffer): Promise<KitPage> => {
    const key = input.store && hashOf(scopeKey, sitePath, kitPath, bytes);
    const stored = key === undefined ? undefined : await input.store!.get(key);
    if (stored) return stored;
    const prepared = pages.get(sitePath, () => bytes.toString('utf8'));
    // Each page collects its own links, so its record is whole whatever page came before it.
    const own: LinkScope = { ...scope, used: new Set(), missing: [] };
    const found = new Set<string>();
    const html = pageForKit(prepared, { scope: own, neutralHref: relativeHref(kitPath, kitPageNames.neutral), dropped: found });
    const page: KitPage = { html, used: [...own.used!], missing: own.missing, dropped: [...found] };
    if (key !== undefined) await input.store!.set(key, page);
    return page;
  };
  const rewrite = async (sitePath: string, kitPath: string) => {
    const bytes = await input.read(sitePath);
    if (sitePath.endsWith('.html')) {
      const page = await rewritePage(sitePath, kitPath, bytes);
      page.used.forEach((path) => used.add(path));
      scope.missing.push(...page.missing);
      page.dropped.forEach((line) => dropped.add(line));
      if (page.html.includes('data-kit-size')) sized.push(kitPath);
      files.set(kitPath, Buffer.from(page.html));
    } else if (sitePath.endsWith('.css')) {
      const rewriteUrl = (url: string) => {
        const target = resolveUrl(url, sitePath, scope);
        return target.kind === 'keep' ? url : target.href;
      };
      files.set(kitPath, Buffer.from(rewriteCssUrls(bytes.toString('utf8'), rewriteUrl)));
    } else {
      files.set(kitPath, bytes);
    }
  };
  // Pages, handouts and the locales' own files go in whole; a shared file (styles, fonts, images)
  // only when a page or a stylesheet in the kit links it, so each kit carries the fonts its pages use.
  // Note: the site's scripts (js/) go in whole too, as the search index is loaded by the script, not linked by a page;
  // the indexes of other languages are not the kit's (see `roleOf`).
  const shared = new Set(input.siteFiles.filter((f) => f.role.kind === 'shared' && !f.path.endsWith('.html') && !f.path.startsWith('js/')).map((f) => f.path));
  for (const [sitePath, kitPath] of layout) if (!shared.has(sitePath)) await rewrite(sitePath, kitPath);
  const done = new Set<string>();
  for (let next = [...used].filter((p) => shared.has(p)); next.length > 0; next = [...used].filter((p) => shared.has(p) && !done.has(p))) {
    for (const sitePath of next.sort(compareBytes)) {
      done.add(sitePath);
      await rewrite(sitePath, layout.get(sitePath)!);
    }
  }
  if (!files.has('index.html')) throw new KitpressError(`The ${plan.id} kit has no index.html: the built site has no home page for ${plan.locales.map((l) => l.code).join(', ')}.`, 'Check that the site stage built the home page of every locale.');

  const own = new Map<string, Buffer>([
    [kitPageNames.start, Buffer.from(startPage({ toolkit, plan, handouts: input.handouts, layout }))],
    [kitPageNames.neutral, Buffer.from(neutralPage(plan.ui))],
    [kitPageNames.zipCheck, Buffer.from('#kp-zip-warning { display: none; }\n')],
    ...input.licences,
  ]);
  for (const path of [...own.keys(), kitPageNames.checksums]) {
    if (files.has(path)) throw new KitpressError(`The built site has a file ${path}, which is a name the ${plan.id} kit uses for its own file.`, 'Rename that file of the site.');
  }
  for (const [path, bytes] of own) files.set(path, bytes);
  files.set(kitPageNames.checksums, Buffer.from(sha256sums(files)));
  return { files, dropped, missing: scope.missing, sized };
}

/** A kit's files with the kit sizes shown on its downloads pages (and its SHA256SUMS made again). */
export function withKitSizes(kit: KitContents, sizes: readonly KitFile[]): Map<string, Buffer> {
  const sized = new Set(kit.sized);
  const files = new Map<string, Buffer>();
  for (const [path, bytes] of kit.files) {
    if (path !== kitPageNames.checksums) files.set(path, sized.has(path) ? Buffer.from(fillKitSizesHtml(bytes.toString('utf8'), sizes)) : bytes);
  }
  files.set(kitPageNames.checksums, Buffer.from(sha256sums(files)));
  return files;
}
