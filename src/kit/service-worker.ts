import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { glob } from 'tinyglobby';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { WriterContext } from '../build/writer-context.ts';
import { allowSource, editPagePolicy, inlineScriptHash } from './csp.ts';
import { formatBytes } from '../core/format.ts';
import { serviceWorkerFiles } from './service-worker-files.ts';

const require = createRequire(import.meta.url);

/** What the service worker precaches. */
export interface ServiceWorkerResult {
  /** Files in the precache list. */
  files: number;
  /** Their total size in bytes. */
  bytes: number;
}

/** Files a visitor needs offline: every page, styles, fonts, scripts, images and the PDFs (never the kits). */
const precached = ['**/index.html', '404.html', '**/*.{css,js,woff,woff2,ttf,otf,svg,png,jpg,jpeg,gif,webp,avif,ico,webmanifest}', 'pdf/**/*.pdf'];

/** Workbox's prebuilt runtime, in the order its parts depend on each other. */
const RUNTIME = ['workbox-core', 'workbox-routing', 'workbox-strategies', 'workbox-precaching'].map((name) => `${name}/build/${name}.prod.js`);

const TEMPLATE = new URL('../../templates/service-worker/kitpress-sw.js', import.meta.url);

let runtime: Promise<string> | undefined;

/** Workbox's runtime and the Kitpress worker template, read once per process. */
function workerSource(): Promise<string> {
  runtime ??= (async () => {
    const parts = await Promise.all([...RUNTIME.map((file) => readFile(require.resolve(file), 'utf8')), readFile(TEMPLATE, 'utf8')]);
    // Note: the source map comments would point at files the site does not have.
    return parts.map((part) => part.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '').trimEnd()).join('\n');
  })();
  return runtime;
}

/**
 * Makes the hosted site keep working offline: writes `sw.js` at the site root, precaching the
 * built site under its base path, and adds to every page a tiny inline classic script that
 * registers it on http(s) only (never from file://). Run it after the site and before the kits;
 * the kits leave both out.
 * Note: the worker is Workbox's prebuilt runtime plus a small template filled with the precache
 * manifest (workbox-build's `getManifest`); nothing is bundled at build time, which `generateSW`
 * did with Rollup, Babel and Terser on every build.
 */
export async function writeServiceWorker(context: WriterContext): Promise<ServiceWorkerResult> {
  const { toolkit, outDir, progress } = context;
  const base = new URL(toolkit.siteUrl).pathname;
  const fallback = existsSync(join(outDir, '404.html')) ? '404.html' : 'index.html';
  // Only this module of workbox-build: its index loads the bundler too.
  const { getManifest } = require('workbox-build/build/get-manifest.js') as typeof import('workbox-build');
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: outDir,
    globPatterns: precached,
    globIgnores: ['kits/**', serviceWorkerFiles.worker, 'sw.js.map', 'workbox-*.js'],
    modifyURLPrefix: { '': base },
    dontCacheBustURLsMatching: /\/_astro\//,
    maximumFileSizeToCacheInBytes: 25 * 1024 * 1024,
  });
  for (const warning of warnings) progress.info(`service worker: ${warning}`);
  const settings = { cacheId: toolkit.name, fallbackURL: `${base}${fallback}`, manifest: (manifestEntries ?? []).map(({ url, revision }) => ({ url, revision })) };
  const source = (await workerSource()).replace(/\b__KITPRESS_SW__\b/, () => JSON.stringify(settings));
  await writeFile(join(outDir, serviceWorkerFiles.worker), `${source}\n`);
  await addRegistration(outDir, base);
  progress.info(`${serviceWorkerFiles.worker} precaches ${count} files, ${formatBytes(size, 'en')}`);
  return { files: count, bytes: size };
}

/** The registration snippet: classic, inline, and only on http(s). */
export function registrationScript(base: string): string {
  const sw = JSON.stringify(`${base}${serviceWorkerFiles.worker}`);
  return `if(location.protocol.indexOf('http')===0&&'serviceWorker' in navigator){navigator.serviceWorker.register(${sw},{scope:${JSON.stringify(base)}})}`;
}

/** Adds the registration to every built page and allows it (by hash) and the worker in the page's CSP. */
async function addRegistration(outDir: string, base: string): Promise<void> {
  const script = registrationScript(base);
  const hash = inlineScriptHash(script);
  const pages = await glob('**/*.html', { cwd: outDir, ignore: ['kits/**'] });
  for (const page of pages.sort()) {
    const file = join(outDir, page);
    const tree = unified().use(rehypeParse).parse(await readFile(file, 'utf8'));
    removeOldRegistration(tree);
    const head = findHead(tree);
    if (!head) continue;
    head.children.push({ type: 'element', tagName: 'script', properties: { [serviceWorkerFiles.markerProperty]: '' }, children: [{ type: 'text', value: script }] });
    editPagePolicy(tree, (policy) => {
      allowSource(policy, 'script-src', hash);
      allowSource(policy, 'worker-src', "'self'");
    });
    await writeFile(file, toHtml(tree));
  }
}

function removeOldRegistration(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'script' || node.properties[serviceWorkerFiles.markerProperty] === undefined || !parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

function findHead(tree: Root): Element | undefined {
  let head: Element | undefined;
  visit(tree, 'element', (node) => {
    if (node.tagName === 'head' && !head) head = node;
  });
  return head;
}


function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
