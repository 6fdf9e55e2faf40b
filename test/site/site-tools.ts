import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { glob } from 'tinyglobby';
import { chromium, type Browser } from 'playwright-core';
import { createProgress } from '../../src/build/progress.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import type { Toolkit } from '../../src/core/model.ts';
import type { HandoutFile } from '../../src/core/outputs.ts';
import { writeSite } from '../../src/site/write-site.ts';
import type { SiteModel } from '../../src/site/site-model.ts';
import { repoRoot } from '../helpers/paths.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Chromium flags from the toolchain notes. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Debian's Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Every HTML file of a built site, relative to its root (`index.html`, `es/signs/index.html`, `404.html`). */
export function htmlFiles(root: string): Promise<string[]> {
  return glob('**/*.html', { cwd: root }).then((files) => files.sort());
}

/** The address a web server gives an HTML file: `es/signs/index.html` -> `<base>es/signs/`. */
export function pageAddress(baseUrl: string, file: string): string {
  return baseUrl + file.replace(/(^|\/)index\.html$/, '$1');
}

/** Parses an HTML file into hast. */
export async function parseHtml(file: string): Promise<Root> {
  return unified().use(rehypeParse).parse(await readFile(file, 'utf8'));
}

/** Every element of a tree matching a test. */
export function elements(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

/** The text inside an element. */
export function textOf(node: Element | Root): string {
  let text = '';
  visit(node, 'text', (t) => {
    text += t.value;
  });
  return text;
}

/** Classes of an element. */
export const classes = (el: Element) => (el.properties.className as string[] | undefined) ?? [];

/** Nu Html Checker messages (errors only) for HTML files. */
export async function runVnu(files: string[]): Promise<{ url: string; message: string; line?: number }[]> {
  const jar = join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const result = await run('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }),
  );
  const json = JSON.parse(result.stderr || '{"messages":[]}') as { messages: { url: string; message: string; lastLine?: number; type: string }[] };
  return json.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error').map((m) => ({ url: m.url, message: m.message, line: m.lastLine }));
}

/** One pa11y issue, or a page pa11y could not test. */
export interface Pa11yProblem {
  url: string;
  code: string;
  message: string;
  selector?: string;
  runner?: string;
}

/** Runs pa11y-ci (axe and HTML_CodeSniffer, WCAG 2 AA) on URLs with the system Chromium. */
export async function runPa11y(urls: string[]): Promise<Pa11yProblem[]> {
  const pa11yCi = require('pa11y-ci') as (urls: string[], options: object) => Promise<{ results: Record<string, (object | Error)[]> }>;
  const report = await pa11yCi(urls, {
    standard: 'WCAG2AA',
    runners: ['axe', 'htmlcs'],
    concurrency: 2,
    timeout: 60_000,
    // Note: pa11y-ci at concurrency 2 fails randomly with Target.closeTarget in incognito contexts.
    useIncognitoBrowserContext: false,
    reporters: [],
    chromeLaunchConfig: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  });
  return Object.entries(report.results).flatMap(([url, issues]) =>
    issues.map((issue) =>
      issue instanceof Error
        ? { url, code: 'pa11y-failed', message: issue.message }
        : { url, ...(issue as { code: string; message: string; selector?: string; runner?: string }) },
    ),
  );
}

/** A link or resource that did not lead anywhere. */
export interface Broken {
  from: string;
  to: string;
  why: string;
}

/**
 * Follows every link, style sheet, script, image and font (from CSS `url()`) from `start`
 * over HTTP, like a reader clicking everything. Anchors must name an id on the target page.
 * Other origins are collected, never requested.
 */
export async function crawlSite(start: string): Promise<{ pages: string[]; checked: number; broken: Broken[]; external: Set<string> }> {
  const origin = new URL(start).origin;
  const queue = [start];
  const seen = new Set<string>([start]);
  const pages: string[] = [];
  const broken: Broken[] = [];
  const external = new Set<string>();
  const documents = new Map<string, Promise<{ status: number; type: string; body: string }>>();
  const fetchOnce = (url: string) => {
    if (!documents.has(url)) {
      documents.set(url, fetch(url, { redirect: 'manual' }).then(async (res) => {
        const type = res.headers.get('content-type') ?? '';
        const text = /html|css/.test(type);
        if (!text) await res.body?.cancel();
        return { status: res.status, type, body: text ? await res.text() : '' };
      }));
    }
    return documents.get(url)!;
  };
  const ids = new Map<string, Set<string>>();
  const idsOf = async (url: string) => {
    if (!ids.has(url)) {
      const tree = unified().use(rehypeParse).parse((await fetchOnce(url)).body);
      ids.set(url, new Set(elements(tree, (el) => typeof el.properties.id === 'string').map((el) => el.properties.id as string)));
    }
    return ids.get(url)!;
  };
  let checked = 0;
  const check = async (from: string, raw: string) => {
    if (/^(tel|sms|mailto|data):/.test(raw)) return;
    const target = new URL(raw, from);
    if (target.origin !== origin) {
      external.add(target.href);
      return;
    }
    checked += 1;
    const [address, fragment] = [target.href.replace(/#.*$/, ''), decodeURIComponent(target.hash.slice(1))];
    const res = await fetchOnce(address);
    if (res.status !== 200) {
      broken.push({ from, to: raw, why: `HTTP ${res.status}` });
      return;
    }
    if (res.type.includes('html')) {
      if (fragment && !(await idsOf(address)).has(fragment)) broken.push({ from, to: raw, why: `no element with id "${fragment}"` });
      if (!seen.has(address)) {
        seen.add(address);
        queue.push(address);
      }
    } else if (res.type.includes('css')) {
      for (const match of res.body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) await check(address, match[1]!);
    }
  };
  while (queue.length) {
    const url = queue.shift()!;
    const res = await fetchOnce(url);
    if (res.status !== 200) {
      broken.push({ from: url, to: url, why: `HTTP ${res.status}` });
      continue;
    }
    pages.push(url);
    const tree = unified().use(rehypeParse).parse(res.body);
    const refs = elements(tree, () => true).flatMap((el) => {
      const out: string[] = [];
      for (const name of ['href', 'src']) {
        const value = el.properties[name];
        if (typeof value === 'string' && value) out.push(value);
      }
      return out;
    });
    for (const ref of refs) await check(url, ref);
  }
  return { pages, checked, broken, external };
}

import { fakeHandouts } from '../helpers/fake-handouts.ts';


/** The multilingual fixture (en, es, ar; every block kind), built with the site writer only. */
export async function buildFixtureSite(): Promise<{ outDir: string; toolkit: Toolkit; model: SiteModel; handouts: HandoutFile[] }> {
  const work = await mkdtemp(join(tmpdir(), 'kitpress-site-'));
  const contentDir = join(work, 'content');
  await cp(join(repoRoot, 'test/fixtures/site-multilingual'), contentDir, { recursive: true });
  // The English interface words are Kitpress's built-in ones, so the fixture never lags behind them.
  const { toolkit, diagnostics } = await readToolkit(contentDir);
  if (!toolkit) throw new Error(`The site fixture has errors:\n${diagnostics.sorted().map((d) => `${d.place.file}:${d.place.line} ${d.message}`).join('\n')}`);
  const handouts = fakeHandouts(toolkit);
  const outDir = join(work, 'site');
  // The PDF stage runs first and writes into the same folder; the site must keep its files.
  for (const file of handouts) {
    await mkdir(dirname(join(outDir, file.path)), { recursive: true });
    await writeFile(join(outDir, file.path), '%PDF-1.7 placeholder');
  }
  const model = await writeSite({ toolkit, diagnostics, outDir, cacheDir: join(work, 'cache'), contentDir, progress: createProgress({ quiet: true }), handouts });
  return { outDir, toolkit, model, handouts };
}
