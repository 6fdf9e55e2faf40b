import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { defaultContent } from '../helpers/paths.ts';
import { startCliServer, type CliServer } from '../helpers/start-cli-server.ts';
import { removeTempDirs, tempDir } from '../kit/temp-dirs.ts';
import { launchChromium } from '../site/site-tools.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { basePath } from '../../src/site/urls.ts';

let content: string;
let server: CliServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  content = await tempDir('kp-dev-content-');
  await cp(defaultContent, content, { recursive: true });
  const cache = await tempDir('kp-dev-cache-');
  server = await startCliServer(['dev', '--content', content, '--cache', cache]);
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await removeTempDirs();
});

const signs = () => join(content, 'en/signs.md');

/** The first plain paragraph line of a page's body (after the front matter). */
function firstParagraph(text: string): string {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const line = body.split('\n').find((l) => /^[A-Z]/.test(l));
  if (!line) throw new Error('The page has no plain paragraph to edit');
  return line;
}

describe('kitpress dev', () => {
  it('serves the default toolkit on 127.0.0.1 under its base path', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe(basePath(toolkit!.siteUrl));
    const response = await page.goto(`${server.url}signs/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Signs to watch for');
  });

  it('shows an edit of an English page without a restart', async () => {
    await page.goto(`${server.url}signs/`);
    const before = await readFile(signs(), 'utf8');
    const sentence = firstParagraph(before);
    const start = performance.now();
    await writeFile(signs(), before.replace(sentence, 'One changed sentence shows up in the open browser.'));
    await page.waitForFunction(() => document.body.innerText.includes('One changed sentence shows up in the open browser.'), undefined, { timeout: 60_000 });
    const ms = performance.now() - start;
    process.stderr.write(`dev reload: edit to new text in the browser in ${ms.toFixed(0)} ms\n`);
    expect(await page.locator('main').textContent()).not.toContain(sentence);
  });

  it('shows a syntax error with its position, keeps the last good page, and keeps running', async () => {
    await page.goto(`${server.url}signs/`);
    const good = await readFile(signs(), 'utf8');
    // An unclosed quote in the front matter: a YAML syntax error on line 2.
    await writeFile(signs(), good.replace(/^title: /m, 'title: "'));
    const banner = page.locator('[data-kitpress-problems] li[data-severity="error"]', { hasText: 'en/signs.md:' });
    await banner.first().waitFor({ timeout: 60_000 });
    const text = (await banner.first().textContent()) ?? '';
    expect(text).toMatch(/en\/signs\.md:\d+:\d+/);
    expect(text).toMatch(/YAML/);
    // The page itself is the last good version.
    await expect(page.locator('h1').textContent()).resolves.toBe('Signs to watch for');
    expect(server.alive()).toBe(true);
    expect(server.output()).toMatch(/en\/signs\.md:\d+:\d+ +error/);

    // Fixing it clears the banner.
    await writeFile(signs(), good.replace('Signs to watch for', 'Signs to look for'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Signs to look for', undefined, { timeout: 60_000 });
    expect(await page.locator('[data-kitpress-problems] li[data-severity="error"]').count()).toBe(0);
    expect(server.alive()).toBe(true);
  });

  it('renders a handout PDF on demand', async () => {
    const { toolkit } = await readToolkit(content);
    const handout = toolkit!.locales[0]!.pages.find((p) => p.handout)!;
    const response = await page.request.get(`${server.url}pdf/en/${handout.handout!.file}-a4.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
