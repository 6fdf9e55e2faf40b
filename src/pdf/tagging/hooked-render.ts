import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installModuleHooks, serveModule } from '../module-hooks.ts';

const require = createRequire(import.meta.url);

/** The version of `@react-pdf/render` the hooks below were written for, and its drawing module's SHA-256. */
export const HOOKED_VERSION = '4.7.0';
const ORIGINAL_SHA256 = '9ac8d6795c269058f2efa5eac070ec91eafa05079bbd83096571bd1d127c1116';

/** When the drawing step calls `onRenderNode`: before a node's decoration, its own content, its children, and after all. */
export type NodePhase = 'start' | 'content' | 'children' | 'end';

/** Draws a laid-out document on a pdfkit document and ends it (`@react-pdf/render`'s default export). */
export type RenderFn = (ctx: unknown, layout: unknown) => unknown;

/**
 * One edit: `anchor` must occur exactly once in the original file; `insert` goes right after it.
 * Each inserted line calls a hook only when the pdfkit document has one, so drawing is unchanged.
 */
const EDITS = [
  // renderNode: after the node's transformations, before its background and borders.
  { anchor: '        clipNode(ctx, node);\n    applyTransformations(ctx, node);\n', insert: "    ctx.onRenderNode?.('start', node);\n" },
  // renderNode: after background and borders, before text, SVG, canvas or a link annotation.
  { anchor: '    renderBorders(ctx, node);\n', insert: "    ctx.onRenderNode?.('content', node);\n" },
  // renderNode: before the children.
  { anchor: '        renderFn(ctx, node, options);\n', insert: "    ctx.onRenderNode?.('children', node);\n" },
  // renderNode: before the graphics state saved for the node is restored.
  { anchor: '    renderDebug(ctx, node);\n', insert: "    ctx.onRenderNode?.('end', node);\n" },
  // renderLine: before and after each run of text (inline links are runs).
  { anchor: '        const run = line.runs[i];\n', insert: "        ctx.onRenderRun?.('start', run, line);\n" },
  { anchor: '        renderRun(ctx, run);\n', insert: "        ctx.onRenderRun?.('end', run, line);\n" },
] as const;

/** The original drawing module with the hook lines inserted. Throws when the original is not the one they were written for. */
export function hookedSource(original: string, version: string): string {
  const sha = createHash('sha256').update(original).digest('hex');
  if (sha !== ORIGINAL_SHA256) {
    throw new Error(
      `@react-pdf/render ${version} is not the version Kitpress tags PDFs with (${HOOKED_VERSION}): its lib/index.js has SHA-256 ${sha}, expected ${ORIGINAL_SHA256}. ` +
        'Reinstall with `npm ci` (package.json pins it), or, when upgrading react-pdf on purpose, check the anchors in src/pdf/tagging/hooked-render.ts against the new renderNode and renderLine and update the checksum.',
    );
  }
  let source = original;
  for (const { anchor, insert } of EDITS) {
    const at = source.indexOf(anchor);
    if (at < 0 || source.indexOf(anchor, at + 1) >= 0) throw new Error(`The hook anchor ${JSON.stringify(anchor)} is not exactly once in @react-pdf/render.`);
    source = source.slice(0, at + anchor.length) + insert + source.slice(at + anchor.length);
  }
  return `// Served by Kitpress (src/pdf/tagging/hooked-render.ts) from ./index.js: the same code with tagging hooks.\n${source}`;
}

let loaded: Promise<RenderFn> | undefined;

/**
 * `@react-pdf/render` with hooks for tagging. react-pdf never tags its PDFs, and the per-node
 * drawing function is internal, so the module's source gets six added hook lines and is served
 * from memory by a module hook (`serveModule`) at the original's URL plus a query:
 * its imports resolve exactly as the original's do, and node_modules is only read, never written.
 * Note: this needs no install step; a changed original fails loudly instead of tagging wrongly.
 */
export function loadHookedRender(): Promise<RenderFn> {
  loaded ??= (async () => {
    const entry = require.resolve('@react-pdf/render');
    const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
    const source = hookedSource(readFileSync(entry, 'utf8'), version);
    const url = `${pathToFileURL(entry).href}?kitpress-hooks=${createHash('sha256').update(source).digest('hex').slice(0, 16)}`;
    installModuleHooks();
    serveModule(url, source);
    const module = (await import(url)) as { default: RenderFn };
    return module.default;
  })();
  return loaded;
}
