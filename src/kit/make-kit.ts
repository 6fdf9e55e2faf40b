import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import type { Toolkit } from '../core/model.ts';
import type { HandoutFile, KitFile } from '../core/outputs.ts';
import { fillKitSizesHtml } from './kit-sizes.ts';
import { sha256sums } from './checksums.ts';
import { kitPageNames, type KitPlan } from './kit-layout.ts';
import { KitPages, kitScope } from './kit-pages.ts';
import { neutralPage } from './neutral-page.ts';
import { resolveUrl, type LinkScope, type MissingTarget } from './resolve-url.ts';
import { rewriteCssUrls } from './rewrite-css.ts';
import { compareBytes, type SiteFile } from './site-files.ts';
import type { ZipBytes } from './deterministic-zip.ts';
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
  /** A site file the kit holds as the site has it (not a page nor a stylesheet), by site path; without, `read`. */
  copy?: ((path: string) => Promise<ZipBytes>) | undefined;
  /** What a page or stylesheet rewritten for the kit is kept as, by its path in the kit (see `CompressedFiles.putAside`); without, its bytes. */
  putAside?: ((kitPath: string, bytes: Buffer) => Promise<ZipBytes>) | undefined;
  /** Licence files for the kit's top folder. */
  licences: ReadonlyMap<string, Buffer>;
  /** The pages of every kit of the build, this one's scope added (see `KitPages`); without, the kit's own. */
  kitPages?: KitPages | undefined;
  /** Pages rewritten for this kit by an earlier build: a page that did not change is not rewritten again (used without `kitPages`). */
  store?: KitPageStore | undefined;
}

/** A page as one kit holds it, with what rewriting it found. */
export interface KitPage {
  html: string;
  /** Site paths of the shared files the page links to. */
  used: string[];
  missing: MissingTarget[];
  dropped: string[];
  /** Every lookup its rewrite made, with what it found: a stored page is used only while they all find the same. */
  reads?: KitPageReads;
}

/** The lookups a page's rewrite made: whether a site path names a file of the site, and where the kit puts a site path (null: not in it). */
export interface KitPageReads {
  files: Array<[string, boolean]>;
  places: Array<[string, string | null]>;
}

/** Pages rewritten for kits, by a hash of the page, its place and its kit; each holds the lookups it made (see `KitPages`). */
export interface KitPageStore {
  get(key: string): Promise<KitPage | undefined>;
  set(key: string, page: KitPage): Promise<void>;
}

/** One kit's files by path inside its top folder, and what was left out on the way. */
export interface KitContents {
  /** Its pages that show kit sizes are bytes; other files may be put aside compressed (see `KitInput.putAside`). */
  files: Map<string, ZipBytes>;
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
  const kitPages = input.kitPages ?? new KitPages(input.store);
  if (!input.kitPages) kitPages.add(plan.id, kitScope(toolkit, plan, input.siteFiles, input.laterFiles));
  const { layout, scope: kitWide } = kitPages.scopeOf(plan.id);
  const scope: LinkScope = { ...kitWide, missing: [] };
  const dropped = new Set<string>();
  const files = new Map<string, ZipBytes>();
  const copy = input.copy ?? input.read;
  const putAside = input.putAside ?? (async (_path: string, bytes: Buffer) => bytes);
  // Files are kept (compressed, perhaps) side by side while the next are rewritten; each is set in its place once all are.
  const kept: Array<Promise<void>> = [];
  const keep = (kitPath: string, bytes: Promise<ZipBytes>) => kept.push(bytes.then((found) => void files.set(kitPath, found)));
  const used = new Set<string>();
  scope.used = used;
  const sized: string[] = [];
  const rewrite = async (sitePath: string, kitPath: string) => {
    if (sitePath.endsWith('.html')) {
      const page = await kitPages.page(plan.id, sitePath, await input.read(sitePath));
      page.used.forEach((path) => used.add(path));
      scope.missing.push(...page.missing);
      page.dropped.forEach((line) => dropped.add(line));
      // A page showing kit sizes is filled again in each round (`withKitSizes`), so it stays as text.
      if (page.html.includes('data-kit-size')) {
        sized.push(kitPath);
        files.set(kitPath, Buffer.from(page.html));
      } else keep(kitPath, putAside(kitPath, Buffer.from(page.html)));
    } else if (sitePath.endsWith('.css')) {
      const rewriteUrl = (url: string) => {
        const target = resolveUrl(url, sitePath, scope);
        return target.kind === 'keep' ? url : target.href;
      };
      const css = rewriteCssUrls((await input.read(sitePath)).toString('utf8'), rewriteUrl);
      keep(kitPath, putAside(kitPath, Buffer.from(css)));
    } else {
      keep(kitPath, copy(sitePath));
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
  kitPages.done(plan.id);
  await Promise.all(kept);
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

/** The text of a page `makeKit` kept as bytes. */
function pageText(path: string, bytes: ZipBytes): string {
  if (!(bytes instanceof Uint8Array)) throw new Error(`The kit page ${path} shows kit sizes but was put aside compressed: makeKit keeps such pages as bytes.`);
  return new TextDecoder().decode(bytes);
}

/** A kit's files with the kit sizes shown on its downloads pages (and its SHA256SUMS made again). */
export function withKitSizes(kit: KitContents, sizes: readonly KitFile[]): Map<string, ZipBytes> {
  const sized = new Set(kit.sized);
  const files = new Map<string, ZipBytes>();
  for (const [path, bytes] of kit.files) {
    if (path === kitPageNames.checksums) continue;
    files.set(path, sized.has(path) ? Buffer.from(fillKitSizesHtml(pageText(path, bytes), sizes)) : bytes);
  }
  files.set(kitPageNames.checksums, Buffer.from(sha256sums(files)));
  return files;
}
