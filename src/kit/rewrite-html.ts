import type { Element, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { inlineHash } from '../core/content-security-policy.ts';
import { dropSource, editPagePolicy } from './csp.ts';
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

/** One named step of making a page work from file://, in the order they run. */
type Step = (tree: Root, page: PageRewrite, done: WeakSet<Element>) => void;

/**
 * The quick-exit control: an element with `data-quick-exit`, whose `data-neutral-url` (and
 * `href`, on a link) say where it leads. Note: keep in step with src/site/quick-exit.ts.
 */
const quickExit = { marker: 'dataQuickExit', target: 'dataNeutralUrl' } as const;

/** Attributes that hold one URL, by hast property name. */
const urlProperties = ['href', 'src', 'poster', 'action', 'formAction', 'xLinkHref', 'background', 'cite'] as const;
/** Attributes that hold `url descriptor` lists. */
const srcsetProperties = ['srcSet', 'imageSrcSet'] as const;

const steps: Step[] = [dropServiceWorker, dropOfflineSave, showKitOnly, dropModuleScripts, pointQuickExitToNeutral, rewriteUrls];

/** Parses a built page, makes every URL in it work from disk, and serializes it again. */
export function rewriteHtml(html: string, page: PageRewrite): string {
  const tree = unified().use(rehypeParse).parse(html);
  // Elements an earlier step already pointed into the kit.
  const done = new WeakSet<Element>();
  for (const step of steps) step(tree, page, done);
  return toHtml(tree);
}

/** The hosted site's service worker registration cannot run from disk and must not try. */
function dropServiceWorker(tree: Root): void {
  const hashes: string[] = [];
  removeElements(tree, (node) => {
    const registration = node.tagName === 'script' && node.properties[serviceWorkerFiles.markerProperty] !== undefined;
    if (registration) hashes.push(inlineHash(toString(node)));
    return registration;
  });
  if (hashes.length > 0) editPagePolicy(tree, (policy) => hashes.forEach((hash) => dropSource(policy, 'script-src', hash)));
}

/** A kit is offline already: the hosted site's "Save this toolkit on this device" offer has no place in it. */
function dropOfflineSave(tree: Root): void {
  removeElements(tree, (node) => node.properties.dataOfflineSave !== undefined);
}

/**
 * What the site marks `data-kit-only` (the notice for a page opened inside the zip) is shown in a
 * kit: its `hidden` goes, and the site's styles hide it again whenever they load.
 */
function showKitOnly(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.properties.dataKitOnly !== undefined) delete node.properties.hidden;
  });
}

/** Module scripts and module preloads are blocked on file:// (origin null, CORS). */
function dropModuleScripts(tree: Root, page: PageRewrite): void {
  removeElements(tree, (node) => {
    const moduleScript = node.tagName === 'script' && String(node.properties.type ?? '').toLowerCase() === 'module';
    const modulePreload = node.tagName === 'link' && list(node.properties.rel).includes('modulepreload');
    if (moduleScript || modulePreload) page.dropped.add(`${node.tagName} ${String(node.properties.src ?? node.properties.href ?? '(inline)')}`);
    return moduleScript || modulePreload;
  });
}

/** The quick exit leads to the kit's neutral page instead of a web address. */
function pointQuickExitToNeutral(tree: Root, page: PageRewrite, done: WeakSet<Element>): void {
  visit(tree, 'element', (node) => {
    if (node.properties[quickExit.marker] === undefined && node.properties[quickExit.target] === undefined) return;
    node.properties[quickExit.target] = page.neutralHref;
    if (node.tagName === 'a') node.properties.href = page.neutralHref;
    done.add(node);
  });
}

/** Every URL attribute, srcset, inline style and meta refresh, rewritten for the kit. */
function rewriteUrls(tree: Root, page: PageRewrite, done: WeakSet<Element>): void {
  const rewrite = (url: string): string => {
    const target = resolveUrl(url, page.path, page.scope);
    return target.kind === 'keep' ? url : target.href;
  };
  visit(tree, 'element', (node) => {
    if (done.has(node)) return;
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
  });
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

function removeElements(tree: Root, test: (node: Element) => boolean): void {
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined || !test(node)) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

function list(value: Properties[string]): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The text of an element (for a script: its source). */
function toString(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

