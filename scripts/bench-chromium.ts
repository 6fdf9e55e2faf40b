/**
 * The anchor for the handouts: Debian's Chromium (through playwright-core) printing each
 * handout's web page with `page.pdf()`. Run as a script it prints every handout of a built
 * site into a folder, the whole job a user would assemble instead of Kitpress's PDF writer:
 * `node scripts/bench-chromium.ts <built site> <base path> <pages.json> <pdf folder>`, where
 * pages.json lists `{ path, paper }` (see `printList`), so the anchor reads no Kitpress content.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Toolkit } from '../src/core/model.ts';
import { routePath } from '../src/core/outputs.ts';
import type { HandoutJob } from '../src/pdf/handout-job.ts';
import { startStaticServer } from '../test/helpers/static-server.ts';

/** Where the system Chromium lives on Debian. */
export const chromiumPath = '/usr/bin/chromium';

/** True when the bench can drive Chromium. */
export const hasChromium = (): boolean => existsSync(chromiumPath);

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}

const format = (paper: string) => (paper === 'a4' ? 'A4' : 'Letter');

/**
 * Warm `page.pdf()` of each handout's web page: the page loaded and printed once, then
 * printed `runs` times; gives the median milliseconds per job, untagged and tagged.
 */
export async function warmChromiumTimes(toolkit: Toolkit, builtSite: string, jobs: HandoutJob[], runs: number): Promise<{ plain: number[]; tagged: number[] }> {
  const server = await startStaticServer(builtSite, new URL(toolkit.siteUrl).pathname);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const plain: number[] = [];
    const tagged: number[] = [];
    for (const job of jobs) {
      await page.goto(server.url + routePath(toolkit, job.locale, job.slug));
      await page.pdf({ format: format(job.paper) });
      for (const [list, isTagged] of [[plain, false], [tagged, true]] as const) {
        const times: number[] = [];
        for (let i = 0; i < runs; i += 1) {
          const start = performance.now();
          await page.pdf({ format: format(job.paper), tagged: isTagged, printBackground: true });
          times.push(performance.now() - start);
        }
        list.push(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!);
      }
    }
    return { plain, tagged };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The pages a Chromium print run prints: each handout's web page (site path) and paper. */
export function printList(toolkit: Toolkit, jobs: HandoutJob[]): { path: string; paper: string }[] {
  return jobs.map((job) => ({ path: routePath(toolkit, job.locale, job.slug), paper: job.paper }));
}

/**
 * The pages a user would print instead of each facilitator guide: every page of a locale, in
 * menu order (the guide's order), on each paper size.
 */
export function guidePrintList(toolkit: Toolkit): { path: string; paper: string }[] {
  return toolkit.locales.flatMap((locale) => (locale.pages.length === 0 ? [] : toolkit.paper.flatMap((paper) => locale.pages.map((page) => ({ path: routePath(toolkit, locale.code, page.slug), paper })))));
}

/** Prints each listed page of a site served from `builtSite` under `base` into `outDir`, tagged. */
export async function printWithChromium(builtSite: string, base: string, pages: { path: string; paper: string }[], outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const server = await startStaticServer(builtSite, base);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    for (const [index, item] of pages.entries()) {
      await page.goto(server.url + item.path);
      await page.pdf({ path: join(outDir, `${index}-${item.paper}.pdf`), format: format(item.paper), tagged: true, printBackground: true });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [builtSite, base, list, outDir] = process.argv.slice(2);
  await printWithChromium(builtSite!, base!, JSON.parse(readFileSync(list!, 'utf8')), outDir!);
}
