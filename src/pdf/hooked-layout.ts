import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installModuleHooks, serveModule } from './module-hooks.ts';

const require = createRequire(import.meta.url);

/** The version of `@react-pdf/layout` the edits below were written for, and its module's SHA-256. */
export const HOOKED_LAYOUT_VERSION = '5.2.0';
const ORIGINAL_SHA256 = '5f590b51005749bad0b5eeaa3ae531ec582160c4a0d35b3d1d115a1e559154f6';

/** Lays out a react-pdf document (`@react-pdf/layout`'s default export). */
export type LayoutFn = (document: unknown, fontStore: unknown) => Promise<unknown>;

/**
 * The edits, each replacing a line that must occur exactly once. react-pdf renders a sheet's
 * dynamic nodes (`render` props: page numbers, a running header) and lays the whole sheet out
 * again before it decides where to break it, at every break; the last step renders them again
 * with the page total and lays every sheet out once more. A dynamic node pinned to the sheet
 * (`fixed` and absolutely positioned, like a footer) cannot move anything else: it takes no room
 * in the flow, and `fixed` nodes are repeated on every sheet whatever their size. So when every
 * dynamic node of a sheet is inside a pinned one, the first rendering and layout is skipped, and
 * the last lays out only the pinned nodes that hold dynamic ones, keeping the rest of the sheet as
 * it was laid out when it was split. The layout comes out the same (test/pdf/hooked-layout.test.ts).
 */
const EDITS = [
  {
    // resolveDynamicPage: the relayout after rendering a sheet's dynamic nodes.
    anchor: '        return relayoutPage(resolvedPage, fontStore, yoga);\n',
    replacement: '        return kitpressLooseDynamic(page) ? relayoutPage(resolvedPage, fontStore, yoga) : kitpressRelayoutPinned(resolvedPage, fontStore, yoga);\n',
  },
  {
    // splitPage: rendering the sheet's dynamic nodes before deciding where to break it.
    anchor: '    const dynamicPage = resolveDynamicPage({ pageNumber }, page, fontStore, yoga);\n',
    replacement: '    const dynamicPage = kitpressLooseDynamic(page) ? resolveDynamicPage({ pageNumber }, page, fontStore, yoga) : page;\n',
  },
] as const;

/** Inserted before `resolveDynamicPage`: the two helpers the edits call. */
const HELPERS_BEFORE = 'const resolveDynamicPage = ';
const HELPERS = `// Kitpress (src/pdf/hooked-layout.ts): true when a node has a dynamic node outside every fixed, absolutely positioned node.
const kitpressLooseDynamic = (node) => !(isFixed(node) && node.style?.position === 'absolute') && (isDynamic$1(node) || (node.children || []).some(kitpressLooseDynamic));
// Kitpress: lays out again only the sheet's children that hold dynamic nodes (all pinned), keeping the others as they are.
const kitpressRelayoutPinned = (page, fontStore, yoga) => {
    const pinned = page.children.filter(shouldResolveDynamicNodes);
    const laidOut = relayoutPage(Object.assign({}, page, { children: pinned }), fontStore, yoga);
    let next = 0;
    const children = page.children.map((child) => (shouldResolveDynamicNodes(child) ? laidOut.children[next++] : child));
    return Object.assign({}, laidOut, { children });
};
`;

const once = (source: string, text: string) => {
  const at = source.indexOf(text);
  if (at < 0 || source.indexOf(text, at + 1) >= 0) throw new Error(`The edit anchor ${JSON.stringify(text)} is not exactly once in @react-pdf/layout.`);
  return at;
};

/** The original layout module with the edits. Throws when the original is not the one they were written for. */
export function hookedLayoutSource(original: string, version: string): string {
  const sha = createHash('sha256').update(original).digest('hex');
  if (sha !== ORIGINAL_SHA256) {
    throw new Error(
      `@react-pdf/layout ${version} is not the version Kitpress lays handouts out with (${HOOKED_LAYOUT_VERSION}): its lib/index.js has SHA-256 ${sha}, expected ${ORIGINAL_SHA256}. ` +
        'Reinstall with `npm ci` (package.json pins it), or, when upgrading react-pdf on purpose, check the edits in src/pdf/hooked-layout.ts against the new resolveDynamicPage and splitPage and update the checksum.',
    );
  }
  let source = original;
  for (const { anchor, replacement } of EDITS) {
    const at = once(source, anchor);
    source = source.slice(0, at) + replacement + source.slice(at + anchor.length);
  }
  const at = once(source, HELPERS_BEFORE);
  source = source.slice(0, at) + HELPERS + source.slice(at);
  return `// Served by Kitpress (src/pdf/hooked-layout.ts) from ./index.js: the same code, with pinned dynamic nodes laid out once per sheet.\n${source}`;
}

let loaded: Promise<LayoutFn> | undefined;

/**
 * `@react-pdf/layout` with the edits above, served from memory at the original's URL plus a query
 * (as the tagging copy of `@react-pdf/render` is, see tagging/hooked-render.ts): its imports resolve
 * as the original's do, and node_modules is only read. A changed original fails loudly.
 */
export function loadHookedLayout(): Promise<LayoutFn> {
  loaded ??= (async () => {
    const entry = require.resolve('@react-pdf/layout');
    const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
    const source = hookedLayoutSource(readFileSync(entry, 'utf8'), version);
    const url = `${pathToFileURL(entry).href}?kitpress-hooks=${createHash('sha256').update(source).digest('hex').slice(0, 16)}`;
    installModuleHooks();
    serveModule(url, source);
    const module = (await import(url)) as { default: LayoutFn };
    return module.default;
  })();
  return loaded;
}
