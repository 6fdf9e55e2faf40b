import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../src/build/progress.ts';
import { Diagnostics } from '../../src/core/diagnostics/diagnostic.ts';
import type { Toolkit } from '../../src/core/model.ts';
import type { HandoutFile } from '../../src/core/outputs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { drawPreview } from '../../src/pdf/draw-preview.ts';
import { renderHandout } from '../../src/pdf/render-handout.tsx';
import { writeHandouts } from '../../src/pdf/write-handouts.ts';
import { updating } from '../helpers/fixture-files.ts';
import { fixtures, repoRoot } from '../helpers/paths.ts';
import { pdfFonts, pdfInfo, pdfText, renderPage } from './pdf-tools.ts';

// Previews drawn in this thread are counted (those drawn in a worker, with their PDF, are not seen here).
vi.mock('../../src/pdf/draw-preview.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/pdf/draw-preview.ts')>();
  return { ...actual, drawPreview: vi.fn(actual.drawPreview) };
});

const content = join(fixtures, 'pdf-reference/content');
const references = join(fixtures, 'pdf-reference');
const work = join(repoRoot, 'test/output/pdf-reference');
const site = join(work, 'site');
const cache = join(work, 'cache');

/** A progress that keeps the detail lines, so a test can read "N rendered, M from cache". */
function recordingProgress(lines: string[]): Progress {
  return { stage: (_name, run) => run(), info: (line) => lines.push(line) };
}

async function build(toolkit: Toolkit, outDir: string, lines: string[] = []): Promise<{ files: HandoutFile[]; diagnostics: Diagnostics }> {
  const diagnostics = new Diagnostics();
  const files = await writeHandouts({ toolkit, diagnostics, outDir, cacheDir: cache, contentDir: content, progress: recordingProgress(lines), workers: 2 });
  return { files, diagnostics };
}

let toolkit: Toolkit;
let files: HandoutFile[];
const firstRun: string[] = [];

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  const read = await readToolkit(content);
  if (!read.toolkit) throw new Error(`The PDF fixture has errors: ${read.diagnostics.list.map((d) => d.message).join('; ')}`);
  toolkit = read.toolkit;
  const built = await build(toolkit, site, firstRun);
  expect(built.diagnostics.list).toEqual([]);
  files = built.files;
});

const file = (path: string) => join(site, path);

describe('PDF fixture: every block and inline', () => {
  it('prints each translated handout page in each paper size, in worker threads, and no mixed-language handout', () => {
    const expected = toolkit.locales.flatMap((locale) =>
      locale.pages.filter((p) => p.handout && !p.fallback).flatMap((p) => toolkit.paper.map((paper) => `pdf/${locale.code}/${p.handout!.file}-${paper}.pdf`)),
    );
    // The Arabic fixture does not translate the cards page: no Arabic cards PDF (English text under Arabic labels).
    expect(toolkit.locales.find((l) => l.code === 'ar')!.pages.some((p) => p.fallback && p.handout)).toBe(true);
    expect(files.map((f) => f.path).sort()).toEqual(expected.sort());
    expect(firstRun[0]).toBe(`${expected.length} handouts: ${expected.length} rendered on 2 worker(s), 0 from cache`);
    // Then one info line per locale with each handout's body size, and the previews, drawn with each first paper's PDF.
    const previews = expected.length / toolkit.paper.length;
    expect(firstRun.slice(1)).toEqual([
      ...toolkit.locales.map((l) => expect.stringMatching(new RegExp(`^body size \\(${l.code}\\): .*\\d+(\\.5)? pt`))),
      `${previews} handout previews: ${previews} drawn, 0 from cache`,
    ]);
    for (const f of files) {
      expect(existsSync(file(f.path))).toBe(true);
      expect(f.bytes).toBe(readFileSync(file(f.path)).byteLength);
      expect(Number(pdfInfo(file(f.path)).Pages)).toBe(f.pages);
      expect(f.fontSize).toBe(12);
    }
  });

  it('renders the text of every block kind, hotlines from configuration and citations by name', async () => {
    const text = await pdfText(file('pdf/en/everything-letter.pdf'));
    for (const expected of [
      'Every block',
      'Example Community Network',
      'A paragraph with emphasis, strong words, a code sample, a web link (www.example.org/about)',
      'a fact (Example Survey Institute).',
      'This line follows a hard break.',
      'A second-level heading',
      'Call Community Help Line: 1-800-555-0100, help.example.org, text Community Help Line: Text 55510 (HELP), visit Image removal service: remove.example.org',
      'Call 1-800-555-0100, Text 55510 (HELP), help.example.org',
      'An unordered item',
      'A nested item',
      '1. First step',
      'A fourth-level heading',
      'A quotation from someone wise, kept on the page. (Parents\' Guide Project)',
      'Sign What to do',
      'New gifts Ask where they came from',
      'A parent and a teenager talking at a kitchen table',
      'Keep accounts private. Only people they know should see posts.',
      'A first thing to tick',
      '"What app do you like most right now?"',
      'Listen for: What they enjoy there.',
      'Important Something readers must not miss.',
      'If you are worried right now Call Police emergency: 999 if a child is in danger.',
      'Call or text for advice, any time.',
      '24 hours, every day',
      'Example Survey Institute. Young people online, 2025. survey.example.org/report',
      'Parents\' Guide Project',
      'Get help now',
      'Staying Safe · version 2.3 · 2026-01-15',
      'Page 1 of 2',
      'Page 2 of 2',
      'Scan to open this handout online',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints conversation points as cards with what to listen for', async () => {
    const text = await pdfText(file('pdf/en/cards-letter.pdf'));
    expect(text).toContain('Cut along the dashed lines.');
    for (const prompt of ['"What app or game do you like most right now?"', '"What do your friends say about staying safe online?"', '"Who could you talk to if something went wrong?"', '"Do you have friends you have only met online?"']) {
      expect(text).toContain(prompt);
    }
    expect(text).toContain('Listen for: How sure they are that the person is real.');
  });

  it('prints Arabic right to left in Noto Sans Arabic, every font embedded', () => {
    for (const f of files.filter((f) => f.locale === 'ar')) {
      const fonts = pdfFonts(file(f.path));
      expect(fonts.some((font) => font.name.includes('NotoSansArabic'))).toBe(true);
      expect(fonts.every((font) => font.embedded)).toBe(true);
    }
  });

  // Arabic is compared with Chromium at 200 dpi instead (arabic-shaping.test.ts): at 50 dpi a wrong letter form is invisible.
  it('looks like the stored reference (page 1 at 50 dpi; UPDATE=1 rewrites it)', () => {
    for (const name of ['en/everything-letter', 'en/signs-a4', 'en/cards-letter']) {
      const actual = renderPage(file(`pdf/${name}.pdf`), 1, 50);
      const reference = join(references, `${name.replace('/', '-')}-1.png`);
      if (updating) writeFileSync(reference, PNG.sync.write(actual));
      expect(existsSync(reference), `${reference}: run UPDATE=1 npx vitest run test/pdf to create it`).toBe(true);
      const expected = PNG.sync.read(readFileSync(reference));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const diff = new PNG({ width: actual.width, height: actual.height });
      const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.2 });
      const share = changed / (actual.width * actual.height);
      if (share > 0.002) {
        mkdirSync(work, { recursive: true });
        writeFileSync(join(work, `${name.replace('/', '-')}-diff.png`), PNG.sync.write(diff));
      }
      expect(share, `${name}: ${changed} pixels differ (see test/output/pdf-reference/*-diff.png)`).toBeLessThan(0.002);
    }
  });
});

/** The preview files a build wrote (path and bytes), and its preview records. */
function previewsOf(outDir: string, built: HandoutFile[]) {
  const records = built.map((f) => [f.path, f.preview]);
  const paths = [...new Set(built.map((f) => f.preview!.path))].sort();
  return { records, files: paths.map((path) => [path, readFileSync(join(outDir, path)).toString('base64')]) };
}

describe('PDF determinism and cache', () => {
  // Note: in braces; a function returned from beforeEach is run after the test, as its cleanup.
  beforeEach(() => {
    vi.mocked(drawPreview).mockClear();
  });

  it('gives the same bytes when the same handout is rendered again, in this thread or a worker', async () => {
    const job = { locale: 'en', slug: 'everything', paper: 'letter' } as const;
    const first = await renderHandout(toolkit, job);
    await renderHandout(toolkit, { locale: 'ar', slug: 'checklist', paper: 'a4' });
    const second = await renderHandout(toolkit, job);
    expect(Buffer.compare(Buffer.from(first.bytes), Buffer.from(second.bytes))).toBe(0);
    expect(Buffer.compare(Buffer.from(first.bytes), readFileSync(file('pdf/en/everything-letter.pdf')))).toBe(0);
  });

  it('copies unchanged handouts from the cache and renders only what changed', async () => {
    const again: string[] = [];
    const cached = await build(toolkit, join(work, 'again'), again);
    const count = files.length;
    expect(again[0]).toBe(`${count} handouts: 0 rendered, ${count} from cache`);
    for (const f of cached.files) expect(Buffer.compare(readFileSync(join(work, 'again', f.path)), readFileSync(file(f.path)))).toBe(0);
    // The previews come from the cache with their PDFs: the same pictures and records, none drawn.
    const previews = count / toolkit.paper.length;
    expect(again).toContain(`${previews} handout previews: 0 drawn, ${previews} from cache`);
    expect(drawPreview).not.toHaveBeenCalled();
    expect(previewsOf(join(work, 'again'), cached.files)).toEqual(previewsOf(site, files));

    const changed = structuredClone(toolkit);
    const page = changed.locales[0]!.pages.find((p) => p.slug === 'cards')!;
    page.blocks[0] = { ...page.blocks[0]!, type: 'paragraph', children: [{ type: 'text', value: 'Pick a calm moment.' }] } as (typeof page.blocks)[number];
    const partly: string[] = [];
    await build(changed, join(work, 'changed'), partly);
    // Two, the English cards in both paper sizes: the Arabic locale prints no cards of its own (it offers the English PDF).
    const changedCount = toolkit.paper.length;
    // On one worker of the two: a second starts only when more jobs wait than two renders are worth.
    expect(partly[0]).toBe(`${count} handouts: ${changedCount} rendered on 1 worker(s), ${count - changedCount} from cache`);
    expect(await pdfText(join(work, 'changed/pdf/en/cards-letter.pdf'))).toContain('Pick a calm moment.');
  });

  it('draws the preview of a cached handout stored without one, and stores it for the next build', async () => {
    // Entries as a build before previews were cached left them: no picture, no mention of one in the record.
    const stored = join(cache, 'pdf');
    const pictures = () => readdirSync(stored).filter((name) => name.endsWith('.png'));
    expect(pictures().length).toBeGreaterThan(0);
    for (const name of readdirSync(stored)) {
      if (name.endsWith('.png')) rmSync(join(stored, name));
      if (!name.endsWith('.json')) continue;
      const { hasPreview: _, ...record } = JSON.parse(readFileSync(join(stored, name), 'utf8')) as { hasPreview?: boolean };
      writeFileSync(join(stored, name), JSON.stringify(record));
    }
    const count = files.length;
    const previews = count / toolkit.paper.length;
    const stale: string[] = [];
    const redrawn = await build(toolkit, join(work, 'stale'), stale);
    expect(stale[0]).toBe(`${count} handouts: 0 rendered, ${count} from cache`);
    expect(stale).toContain(`${previews} handout previews: ${previews} drawn, 0 from cache`);
    // Drawn in this thread: no worker starts for PDFs that are all cached.
    expect(drawPreview).toHaveBeenCalledTimes(previews);
    expect(previewsOf(join(work, 'stale'), redrawn.files)).toEqual(previewsOf(site, files));
    expect(pictures().length).toBeGreaterThanOrEqual(previews);

    vi.mocked(drawPreview).mockClear();
    const next: string[] = [];
    await build(toolkit, join(work, 'after-stale'), next);
    expect(next).toContain(`${previews} handout previews: 0 drawn, ${previews} from cache`);
    expect(drawPreview).not.toHaveBeenCalled();
  });
});
