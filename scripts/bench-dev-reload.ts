/**
 * The dev server's reload, measured as an author meets it: `kitpress dev` on a copy of the
 * content, one sentence of one page changed on disk, then the time until the server serves
 * that page with the new sentence (what the browser shows after the reload it is told to do).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from './bench-process.ts';

/** What one bench run of the dev server measured, in milliseconds. */
export interface DevReloadTimes {
  /** From starting `kitpress dev` to its printed address. */
  startMs: number;
  /** From writing the file to the page served with the change, one per edit. */
  servedMs: number[];
  /** What the server printed as its re-read time (`re-read <file> in N ms`), one per edit. */
  rereadMs: number[];
}

/**
 * Starts `kitpress dev` on `content` (a copy the bench may edit), opens the page of `file` (a page
 * path like `en/signs.md` whose site path is `pagePath`), then `edits` times appends a new
 * sentence to its first paragraph and polls the page until the sentence is there.
 */
export async function devReloadTimes(kitpress: string, content: string, cache: string, file: string, pagePath: string, edits: number): Promise<DevReloadTimes> {
  // Note: without vitest's or a test runner's variables, as an author starts it.
  const { VITEST: _v, NODE_ENV: _n, ...env } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, [kitpress, 'dev', '--content', content, '--cache', cache, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
  try {
    const url = await waitFor(() => /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output)?.[1], 240_000, () => `no address from kitpress dev:\n${output}`);
    const startMs = performance.now() - started;
    const page = new URL(pagePath, url).href;
    // The first request compiles the page: not part of a reload.
    await fetchText(page);
    const path = join(content, file);
    const original = readFileSync(path, 'utf8');
    const servedMs: number[] = [];
    const rereadMs: number[] = [];
    for (let n = 1; n <= edits; n += 1) {
      const marker = `Benchmark sentence number ${n} ${Date.now()}.`;
      const printedBefore = output.length;
      const t0 = performance.now();
      writeFileSync(path, addToFirstParagraph(original, marker));
      await waitFor(async () => ((await fetchText(page)).includes(marker) ? true : undefined), 30_000, () => `the change never showed on ${page}:\n${output.slice(printedBefore)}`, 10);
      servedMs.push(performance.now() - t0);
      const reread = /re-read \S+ in (\d+) ms/.exec(output.slice(printedBefore));
      if (reread) rereadMs.push(Number(reread[1]));
    }
    writeFileSync(path, original);
    return { startMs, servedMs, rereadMs };
  } finally {
    child.kill('SIGTERM');
  }
}

/** One line for the bench table: median served time, re-read time and start-up. */
export function describeDevReload(t: DevReloadTimes): string {
  const m = (xs: number[]) => (xs.length ? `${median(xs).toFixed(0)} ms` : 'n/a');
  return `${m(t.servedMs)} from saving to the page served (median of ${t.servedMs.length}; the server's re-read ${m(t.rereadMs)}); start-up ${(t.startMs / 1000).toFixed(1)} s`;
}

function addToFirstParagraph(text: string, sentence: string): string {
  const body = text.indexOf('\n---', 3) + 4;
  const match = /\n\n([A-Z\p{L}][^\n]+)\n/u.exec(text.slice(body));
  if (!match) throw new Error('No paragraph found');
  const at = body + match.index + 2 + match[1]!.length;
  return `${text.slice(0, at)} ${sentence}${text.slice(at)}`;
}

async function fetchText(url: string): Promise<string> {
  try {
    const response = await fetch(url, { headers: { 'cache-control': 'no-cache' } });
    return await response.text();
  } catch {
    return '';
  }
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, why: () => string, everyMs = 50): Promise<T> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    const found = await probe();
    if (found !== undefined) return found;
    await sleep(everyMs);
  }
  throw new Error(why());
}
