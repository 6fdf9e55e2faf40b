import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { WriterContext } from '../build/writer-context.ts';
import { formatBytes } from '../core/format.ts';
import { serviceWorkerFiles } from './service-worker-files.ts';
import { compareBytes } from './site-files.ts';
import { glob } from 'tinyglobby';

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
 * Makes the hosted site able to work offline: writes `sw.js` at the site root, precaching the
 * built site under its base path. Nothing registers it until the reader presses "Save this
 * toolkit on this device" on a downloads page (src/site/offline-save.ts). Run it after the site
 * and before the kits; the kits leave it out.
 * Note: the worker is Workbox's prebuilt runtime plus a small template filled with the precache
 * manifest; nothing is bundled at build time, which `generateSW` did with Rollup, Babel and Terser
 * on every build.
 */
export async function writeServiceWorker(context: WriterContext): Promise<ServiceWorkerResult> {
  const { toolkit, outDir, progress } = context;
  const base = new URL(toolkit.siteUrl).pathname;
  const fallback = existsSync(join(outDir, '404.html')) ? '404.html' : 'index.html';
  const { entries, size, warnings } = await precacheManifest(outDir, base);
  const count = entries.length;
  for (const warning of warnings) progress.info(`service worker: ${warning}`);
  const settings = { cacheId: toolkit.name, fallbackURL: `${base}${fallback}`, manifest: entries };
  const source = (await workerSource()).replace(/\b__KITPRESS_SW__\b/, () => JSON.stringify(settings));
  await writeFile(join(outDir, serviceWorkerFiles.worker), `${source}\n`);
  progress.info(`${serviceWorkerFiles.worker} precaches ${count} files, ${formatBytes(size, 'en')}`);
  return { files: count, bytes: size };
}

/** Workbox's limit is 2 MB by default; a handout or font a visitor needs offline may be larger. */
const MAX_PRECACHED_BYTES = 25 * 1024 * 1024;

/**
 * The precache manifest, as workbox-build's `getManifest` makes it: each precached file's URL
 * under the site's base path, with the MD5 of its bytes as its revision, except Astro's files
 * (`_astro/`), whose names hold their hash already. Sorted by path, so equal sites give equal workers.
 * Note: made here, not by `getManifest`, whose module and validation cost about 0.3 CPU-s of every build.
 */
export async function precacheManifest(outDir: string, base: string): Promise<{ entries: { url: string; revision: string | null }[]; size: number; warnings: string[] }> {
  const paths = (await glob(precached, { cwd: outDir, ignore: ['kits/**', serviceWorkerFiles.worker, 'sw.js.map', 'workbox-*.js'], onlyFiles: true })).sort(compareBytes);
  const entries: { url: string; revision: string | null }[] = [];
  const warnings: string[] = [];
  let size = 0;
  for (const path of paths) {
    const bytes = await readFile(join(outDir, path));
    if (bytes.byteLength > MAX_PRECACHED_BYTES) {
      warnings.push(`${path} is ${formatBytes(bytes.byteLength, 'en')}, more than the ${formatBytes(MAX_PRECACHED_BYTES, 'en')} a saved copy holds per file: it is not saved for offline use`);
      continue;
    }
    const url = `${base}${path}`;
    entries.push({ url, revision: /\/_astro\//.test(url) ? null : createHash('md5').update(bytes).digest('hex') });
    size += bytes.byteLength;
  }
  return { entries, size, warnings };
}
