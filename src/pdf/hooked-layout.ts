import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installModuleHooks, serveModule } from './module-hooks.ts';

const require = createRequire(import.meta.url);

/** The version of `@react-pdf/layout` the edit below was written for, and its module's SHA-256. */
export const HOOKED_LAYOUT_VERSION = '5.2.0';
const ORIGINAL_SHA256 = '5f590b51005749bad0b5eeaa3ae531ec582160c4a0d35b3d1d115a1e559154f6';

/** Lays out a react-pdf document (`@react-pdf/layout`'s default export). */
export type LayoutFn = (document: unknown, fontStore: unknown) => Promise<unknown>;

/** Where a sheet is split, before anything else: the line that renders its dynamic nodes first. */
const ANCHOR = '    const dynamicPage = resolveDynamicPage({ pageNumber }, page, fontStore, yoga);\n';

/**
 * The edit. react-pdf renders a sheet's dynamic nodes (`render` props: page numbers, a running
 * header) and lays the whole sheet out again before it decides where to break it, at every break;
 * the last step renders them again with the page total and lays out every sheet once more. A
 * dynamic node pinned to the sheet (`fixed` and absolutely positioned, like a footer) cannot move
 * a break: it takes no room in the flow, and `fixed` nodes are repeated on every sheet whatever
 * their size. So when every dynamic node of a sheet is inside a pinned one, the first rendering
 * and layout is skipped; the last step still renders them, so the layout comes out the same.
 */
const REPLACEMENT = [
  '    // Kitpress (src/pdf/hooked-layout.ts): dynamic nodes pinned to the sheet cannot move the break.',
  '    const dynamicPage = kitpressLooseDynamic(page) ? resolveDynamicPage({ pageNumber }, page, fontStore, yoga) : page;',
  '',
].join('\n');

/** Inserted before `splitPage$1`: true when a node has a dynamic node that is not inside a pinned one. */
const HELPER = [
  '// Kitpress (src/pdf/hooked-layout.ts): a node with a `render` prop outside any fixed, absolutely positioned node.',
  "const kitpressLooseDynamic = (node) => !(isFixed(node) && node.style?.position === 'absolute') && (isDynamic$1(node) || (node.children || []).some(kitpressLooseDynamic));",
  '',
].join('\n');

/** The original layout module with the edit. Throws when the original is not the one it was written for. */
export function hookedLayoutSource(original: string, version: string): string {
  const sha = createHash('sha256').update(original).digest('hex');
  if (sha !== ORIGINAL_SHA256) {
    throw new Error(
      `@react-pdf/layout ${version} is not the version Kitpress lays handouts out with (${HOOKED_LAYOUT_VERSION}): its lib/index.js has SHA-256 ${sha}, expected ${ORIGINAL_SHA256}. ` +
        'Reinstall with `npm ci` (package.json pins it), or, when upgrading react-pdf on purpose, check the edit in src/pdf/hooked-layout.ts against the new splitPage and update the checksum.',
    );
  }
  const at = original.indexOf(ANCHOR);
  const split = original.indexOf('const splitPage$1 = ');
  if (at < 0 || original.indexOf(ANCHOR, at + 1) >= 0 || split < 0 || split > at) throw new Error('The edit anchor is not exactly once in @react-pdf/layout, inside splitPage.');
  const source = original.slice(0, split) + HELPER + original.slice(split, at) + REPLACEMENT + original.slice(at + ANCHOR.length);
  return `// Served by Kitpress (src/pdf/hooked-layout.ts) from ./index.js: the same code, splitting sheets without rendering pinned dynamic nodes first.\n${source}`;
}

let loaded: Promise<LayoutFn> | undefined;

/**
 * `@react-pdf/layout` with the edit above, served from memory at the original's URL plus a query
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
