import type { Element, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { inlineHash } from '../core/content-security-policy.ts';
import { dropSource, editPolicyOf } from './csp.ts';
import { resolveUrl, type LinkScope } from './resolve-url.ts';
import { rewriteCssUrls } from './rewrite-css.ts';
import { serviceWorkerFiles } from './service-worker-files.ts';

/** What a kit copy of a page needs besides the page. */
export interface PageRewrite {
  /** Site path of the page, e.g. `es/signs/index.html`. */
  path: string;
  scope: LinkScope;
  /** The kit's neutral page, relative to this page (where the quick exit leads). */
  neutralHref: string;
  /** Things removed because they cannot work from disk, one line each (collected across pages). */
  dropped: Set<string>;
}

/**
 * The quick-exit control: an element with `data-quick-exit`, whose `data-neutral-url` (and
 * `href`, on a link) say where it leads. Note: keep in step with src/site/quick-exit.ts.
 */
const quickExit = { marker: 'dataQuickExit', target: 'dataNeutralUrl' } as const;

/** Attributes that hold one URL, by hast property name. */
const urlProperties = ['href', 'src', 'poster', 'action', 'formAction', 'xLinkHref', 'background', 'cite'] as const;
/** Attributes that hold `url descriptor` lists. */
const srcsetProperties = ['srcSet', 'imageSrcSet'] as const;
const urlLikeProperties = [...urlProperties, ...srcsetProperties];

/**
 * A built page, parsed once for every kit: what is the same in every kit is done, and the
 * elements whose URLs depend on the kit are listed with their attributes as built.
 */
export interface PreparedPage {
  /** Site path of the page, e.g. `es/signs/index.html`. */
  path: string;
  tree: Root;
  /** What the kit-independent steps removed, one line each. */
  dropped: string[];
  slots: Slot[];
}

/** An element a kit rewrites, with its attributes (and a style element's text) as the site has them. */
interface Slot {
  node: Element;
  properties: Properties;
  texts: string[] | undefined;
}

/** Parses a built page and does what every kit does to it (see `PreparedPage`). */
export function preparePage(html: string, path: string): PreparedPage {
  const tree = unified().use(rehypeParse).parse(html);
  const dropped = new Set<string>();
  const registrations: string[] = [];
  const found: Element[] = [];
  prepareChildren(tree, { dropped, registrations, slots: found });
  // The hosted site's service worker registration is gone: so is its hash from the page's policy.
  if (registrations.length > 0) {
    for (const meta of found) if (meta.tagName === 'meta') editPolicyOf(meta, (policy) => registrations.forEach((hash) => dropSource(policy, 'script-src', hash)));
  }
  const slots = found.map((node): Slot => {
    const texts = node.tagName === 'style' ? node.children.map((child) => (child.type === 'text' ? child.value : '')) : undefined;
    return { node, properties: { ...node.properties }, texts };
  });
  return { path, tree, dropped: [...dropped], slots };
}

/** What one walk over a page finds: lines for `dropped`, the hashes of registrations removed, the elements a kit rewrites. */
interface PrepareWalk {
  dropped: Set<string>;
  registrations: string[];
  slots: Element[];
}

/**
 * What every kit does to a page, in one walk in document order (each step used to walk the
 * whole page): the service worker registration goes (see `isRegistration`), the offer to save
 * the site goes (`data-offline-save`), `data-kit-only` is shown, module scripts and preloads go
 * (`isModuleScript`); the elements a kit rewrites are collected.
 * Note: a registration inside a removed element still has its hash dropped from the policy, as
 * when each step walked the page in turn.
 */
function prepareChildren(parent: Root | Element, walk: PrepareWalk): void {
  const children = parent.children;
  for (let i = 0; i < children.length; ) {
    const node = children[i]!;
    if (node.type !== 'element') {
      i += 1;
      continue;
    }
    if (isRegistration(node)) {
      walk.registrations.push(inlineHash(toString(node)));
      children.splice(i, 1);
      continue;
    }
    if (node.properties.dataOfflineSave !== undefined) {
      collectRegistrations(node, walk.registrations);
      children.splice(i, 1);
      continue;
    }
    // What the site marks `data-kit-only` (the notice for a page opened inside the zip) is shown in
    // a kit: its `hidden` goes, and the site's styles hide it again whenever they load.
    if (node.properties.dataKitOnly !== undefined) delete node.properties.hidden;
    if (isModuleScript(node)) {
      walk.dropped.add(`${node.tagName} ${String(node.properties.src ?? node.properties.href ?? '(inline)')}`);
      children.splice(i, 1);
      continue;
    }
    if (rewrites(node)) walk.slots.push(node);
    prepareChildren(node, walk);
    i += 1;
  }
}

/** True when a kit may change something of this element: a URL, a style, the quick exit. */
function rewrites(node: Element): boolean {
  const props = node.properties;
  if (props[quickExit.marker] !== undefined || props[quickExit.target] !== undefined) return true;
  if (node.tagName === 'style' || node.tagName === 'meta' || node.tagName === 'object') return true;
  return typeof props.style === 'string' || urlLikeProperties.some((name) => props[name] !== undefined);
}

/**
 * The page as one kit holds it: every URL made to work from disk, the quick exit pointed at the
 * kit's neutral page. The prepared page can serve the next kit after this one.
 */
export function pageForKit(prepared: PreparedPage, page: Omit<PageRewrite, 'path'>): string {
  for (const line of prepared.dropped) page.dropped.add(line);
  const rewrite: PageRewrite = { ...page, path: prepared.path };
  for (const slot of prepared.slots) {
    // Each kit starts from the page as built.
    slot.node.properties = { ...slot.properties };
    if (slot.texts) slot.texts.forEach((value, i) => {
      const child = slot.node.children[i];
      if (child?.type === 'text') child.value = value;
    });
    if (!pointQuickExitToNeutral(slot.node, rewrite)) rewriteUrls(slot.node, rewrite);
  }
  return toHtml(prepared.tree);
}

/** Parses a built page, makes every URL in it work from disk, and serializes it again. */
export function rewriteHtml(html: string, page: PageRewrite): string {
  return pageForKit(preparePage(html, page.path), page);
}

/** The hosted site's service worker registration cannot run from disk and must not try. */
function isRegistration(node: Element): boolean {
  return node.tagName === 'script' && node.properties[serviceWorkerFiles.markerProperty] !== undefined;
}

/** The hashes of the registrations inside an element that goes, in document order. */
function collectRegistrations(node: Element, hashes: string[]): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (isRegistration(child)) hashes.push(inlineHash(toString(child)));
    else collectRegistrations(child, hashes);
  }
}

/** Module scripts and module preloads are blocked on file:// (origin null, CORS). */
function isModuleScript(node: Element): boolean {
  const moduleScript = node.tagName === 'script' && String(node.properties.type ?? '').toLowerCase() === 'module';
  const modulePreload = node.tagName === 'link' && list(node.properties.rel).includes('modulepreload');
  return moduleScript || modulePreload;
}

/** The quick exit leads to the kit's neutral page instead of a web address; true when `node` is it. */
function pointQuickExitToNeutral(node: Element, page: PageRewrite): boolean {
  if (node.properties[quickExit.marker] === undefined && node.properties[quickExit.target] === undefined) return false;
  node.properties[quickExit.target] = page.neutralHref;
  if (node.tagName === 'a') node.properties.href = page.neutralHref;
  return true;
}

/** Every URL attribute, srcset, inline style and meta refresh of an element, rewritten for the kit. */
function rewriteUrls(node: Element, page: PageRewrite): void {
  const rewrite = (url: string): string => {
    const target = resolveUrl(url, page.path, page.scope);
    return target.kind === 'keep' ? url : target.href;
  };
  const props = node.properties;
  // Canonical and alternate links name the hosted site on purpose: keep them absolute.
  const rel = list(props.rel);
  if (node.tagName === 'link' && (rel.includes('canonical') || rel.includes('alternate'))) {
    if (typeof props.href === 'string') props.href = new URL(props.href, new URL(page.path, page.scope.siteUrl)).href;
    return;
  }
  let local = false;
  for (const name of urlProperties) {
    if (typeof props[name] !== 'string') continue;
    const target = resolveUrl(props[name], page.path, page.scope);
    if (target.kind !== 'keep') props[name] = target.href;
    local ||= target.kind === 'kit';
  }
  if (node.tagName === 'object' && typeof props.data === 'string') props.data = rewrite(props.data);
  for (const name of srcsetProperties as readonly string[]) {
    const value = props[name];
    if (Array.isArray(value)) props[name] = value.map((candidate) => rewriteCandidate(String(candidate), rewrite));
    else if (typeof value === 'string') props[name] = value.split(',').map((c) => rewriteCandidate(c.trim(), rewrite)).join(', ');
  }
  if (typeof props.style === 'string') props.style = rewriteCssUrls(props.style, rewrite);
  if (node.tagName === 'style') rewriteStyleText(node, rewrite);
  if (node.tagName === 'meta' && list(props.httpEquiv).map((v) => v.toLowerCase()).includes('refresh')) rewriteRefresh(props, rewrite);
  // A local file has no CORS headers and the kit changes some files: drop both checks.
  if (local) {
    delete props.crossOrigin;
    delete props.integrity;
  }
}

function rewriteCandidate(candidate: string, rewrite: (url: string) => string): string {
  const [url = '', ...descriptor] = candidate.split(/\s+/);
  return [rewrite(url), ...descriptor].join(' ');
}

function rewriteStyleText(node: Element, rewrite: (url: string) => string): void {
  for (const child of node.children) if (child.type === 'text') child.value = rewriteCssUrls(child.value, rewrite);
}

/** `<meta http-equiv="refresh" content="0;url=/x/">`, as Astro writes for redirects. */
function rewriteRefresh(props: Properties, rewrite: (url: string) => string): void {
  if (typeof props.content !== 'string') return;
  const at = props.content.search(/url\s*=/i);
  if (at === -1) return;
  const head = props.content.slice(0, at);
  const value = props.content.slice(at).replace(/^url\s*=\s*/i, '').replace(/^(['"])(.*)\1$/, '$2');
  props.content = `${head}url=${rewrite(value)}`;
}

function list(value: Properties[string]): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The text of an element (for a script: its source). */
function toString(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

