import { hashOf } from '../core/content-hash.ts';
import type { Toolkit } from '../core/model.ts';
import { kitPageNames, layoutKit, type KitPlan } from './kit-layout.ts';
import { relativeHref, type LinkScope } from './resolve-url.ts';
import { pageForKit, preparePage, type PreparedPage } from './rewrite-html.ts';
import type { SiteFile } from './site-files.ts';
import type { KitPage, KitPageReads, KitPageStore } from './make-kit.ts';

/** Where one kit puts the site's files, and what a page's rewrite for it reads besides the page. */
export interface KitScope {
  layout: Map<string, string>;
  scope: LinkScope;
  /** A hash of the kit and the site address: with the page and its place, a rewritten page's key. */
  scopeKey: string;
}

/** The layout and link scope of a kit. */
export function kitScope(toolkit: Toolkit, plan: KitPlan, siteFiles: SiteFile[], laterFiles: string[]): KitScope {
  const layout = layoutKit(plan, siteFiles);
  const scope: LinkScope = {
    siteUrl: new URL(toolkit.siteUrl),
    siteFiles: new Set([...siteFiles.map((f) => f.path), ...laterFiles]),
    kitFiles: layout,
    missing: [],
  };
  // Note: not the site's files nor the layout: a stored page holds the lookups its links made (`reads`),
  // checked again when it is found, so a file added or renamed elsewhere (an edit renames that
  // language's search index) redoes only the pages that link it.
  const scopeKey = hashOf('kit-page', plan.id, toolkit.siteUrl);
  return { layout, scope, scopeKey };
}

/** A scope that notes every lookup a rewrite makes in it, and what the lookup found. */
function recordingScope(scope: LinkScope): { scope: LinkScope; reads: () => KitPageReads } {
  const files = new Map<string, boolean>();
  const places = new Map<string, string | null>();
  const recorded: LinkScope = {
    ...scope,
    siteFiles: {
      has(path) {
        const found = scope.siteFiles.has(path);
        files.set(path, found);
        return found;
      },
    },
    kitFiles: {
      get(path) {
        const place = scope.kitFiles.get(path);
        places.set(path, place ?? null);
        return place;
      },
    },
  };
  return { scope: recorded, reads: () => ({ files: [...files], places: [...places] }) };
}

/** Whether every lookup a stored page's rewrite made finds the same now. */
function readsHold(reads: KitPageReads | undefined, scope: LinkScope): boolean {
  if (!reads) return false;
  return reads.files.every(([path, found]) => scope.siteFiles.has(path) === found) && reads.places.every(([path, place]) => (scope.kitFiles.get(path) ?? null) === place);
}

/**
 * The pages of every kit of a build. A page is parsed once: right after, it is rewritten for
 * each kit not made yet that holds it (its language's kit and the kit of every language), and
 * those copies wait as text for their kit. Note: a parsed page takes about 20 times its size in
 * memory (240 kB for a 12 kB page), its rewritten text once its size, so at any scale no page is
 * parsed twice and no parsed page outlives its rewrites.
 */
export class KitPages {
  private readonly kits = new Map<string, KitScope>();
  private readonly ahead = new Map<string, KitPage>();
  private readonly made = new Set<string>();
  private readonly store: KitPageStore | undefined;

  constructor(store?: KitPageStore) {
    this.store = store;
  }

  /** Adds a kit; every kit is added before the first page is asked for. */
  add(id: string, scope: KitScope): void {
    this.kits.set(id, scope);
  }

  /** The scope of a kit added before. */
  scopeOf(id: string): KitScope {
    return this.kits.get(id)!;
  }

  /** Says a kit has all its pages: no more copies are made for it. */
  done(id: string): void {
    this.made.add(id);
    for (const key of this.ahead.keys()) if (key.startsWith(`${id}\0`)) this.ahead.delete(key);
  }

  /** The page at `sitePath` as kit `id` holds it: made ahead, stored by an earlier build, or rewritten now. */
  async page(id: string, sitePath: string, bytes: Buffer): Promise<KitPage> {
    const waiting = this.ahead.get(`${id}\0${sitePath}`);
    if (waiting) {
      this.ahead.delete(`${id}\0${sitePath}`);
      return waiting;
    }
    const stored = await this.stored(id, sitePath, bytes);
    if (stored.page) return stored.page;
    const prepared = preparePage(bytes.toString('utf8'), sitePath);
    const page = await this.rewrite(id, sitePath, prepared, stored.key);
    for (const [other, { layout }] of this.kits) {
      if (other === id || this.made.has(other) || !layout.has(sitePath)) continue;
      const found = await this.stored(other, sitePath, bytes);
      // Note: a copy the store has is read when its kit asks, not held here.
      if (!found.page) this.ahead.set(`${other}\0${sitePath}`, await this.rewrite(other, sitePath, prepared, found.key));
    }
    return page;
  }

  private async stored(id: string, sitePath: string, bytes: Buffer): Promise<{ key: string | undefined; page: KitPage | undefined }> {
    if (!this.store) return { key: undefined, page: undefined };
    const { scopeKey, layout, scope } = this.kits.get(id)!;
    const key = hashOf(scopeKey, sitePath, layout.get(sitePath)!, bytes);
    const page = await this.store.get(key);
    return { key, page: page && readsHold(page.reads, scope) ? page : undefined };
  }

  private async rewrite(id: string, sitePath: string, prepared: PreparedPage, key: string | undefined): Promise<KitPage> {
    const { scope, layout } = this.kits.get(id)!;
    // Each page collects its own links, so its record is whole whatever page came before it.
    const recording = recordingScope({ ...scope, used: new Set(), missing: [] });
    const own = recording.scope;
    const found = new Set<string>();
    const html = pageForKit(prepared, { scope: own, neutralHref: relativeHref(layout.get(sitePath)!, kitPageNames.neutral), dropped: found });
    const page: KitPage = { html, used: [...own.used!], missing: own.missing, dropped: [...found], reads: recording.reads() };
    if (key !== undefined) await this.store!.set(key, page);
    return page;
  }
}
