import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Toolkit } from '../../src/core/model.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { inlineText } from '../../src/core/walk.ts';
import type { HandoutJob, RenderedHandout } from '../../src/pdf/handout-job.ts';
import { layoutPdf, renderPdf } from '../../src/pdf/pdf-bytes.ts';
import { handoutDocument, handoutPdfOptions, printContextFor, renderHandout } from '../../src/pdf/render-handout.tsx';
import { drawPlainPdf } from '../../src/pdf/tagging/draw-tagged.ts';
import { hookedSource, HOOKED_VERSION } from '../../src/pdf/tagging/hooked-render.ts';
import { verifyTaggedPdf } from '../../src/pdf/tagging/verify-tagged.ts';
import { matchesStored } from '../helpers/fixture-files.ts';
import { fixtures, repoRoot } from '../helpers/paths.ts';
import { pdfText, renderPage } from './pdf-tools.ts';
import { allNodes, qdf, spoken, structText, structTrees } from './pdf-structure.ts';

const content = join(fixtures, 'pdf-reference/content');
const work = join(repoRoot, 'test/output/pdf-tagged');
const JOBS: HandoutJob[] = [
  { locale: 'en', slug: 'everything', paper: 'letter' },
  { locale: 'en', slug: 'cards', paper: 'letter' },
  { locale: 'ar', slug: 'checklist', paper: 'letter' },
  // The Arabic locale has no cards page: it prints the English one, in English, inside an Arabic handout.
  { locale: 'ar', slug: 'cards', paper: 'a4' },
];
const name = (job: HandoutJob) => `${job.locale}-${job.slug}-${job.paper}`;

let toolkit: Toolkit;
const rendered = new Map<string, RenderedHandout>();
const file = (job: HandoutJob) => join(work, `${name(job)}.pdf`);

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  toolkit = (await readToolkit(content)).toolkit!;
  for (const job of JOBS) {
    const result = await renderHandout(toolkit, job);
    rendered.set(name(job), result);
    writeFileSync(file(job), result.bytes);
  }
});

describe('tagged handouts: the PDF fixture', () => {
  it('passes the writer\'s own checks and claims PDF/UA-1', () => {
    for (const job of JOBS) {
      const result = rendered.get(name(job))!;
      expect(result.tagProblems, name(job)).toEqual([]);
      expect(result.pdfUa, name(job)).toBe(true);
      expect(Buffer.from(result.bytes).toString('latin1')).toContain('<pdfuaid:part>1</pdfuaid:part>');
    }
  });

  it('keeps the structure tree of every block kind, and of a right-to-left fallback handout (golden; UPDATE=1 rewrites)', () => {
    for (const job of [JOBS[0]!, JOBS[3]!]) {
      const { expected, actual } = matchesStored(join(fixtures, 'pdf-structure', `${name(job)}.txt`), structText(file(job)));
      expect(actual, `${name(job)}: the structure changed; if on purpose, run UPDATE=1 npx vitest run test/pdf and review the diff`).toBe(expected);
    }
  });

  // Note: the untagged file is drawn by react-pdf's own drawing step with Kitpress's glyph drawing
  // (shaped clusters, src/pdf/shaping/draw-glyphs.ts), so this compares tagging alone.
  it('draws exactly what react-pdf draws untagged (every page, 60 dpi)', async () => {
    for (const job of JOBS) {
      const result = rendered.get(name(job))!;
      const ctx = await printContextFor(toolkit, job, result.fontSize);
      const laidOut = await layoutPdf(handoutDocument(ctx));
      const plain = await drawPlainPdf(laidOut.layout, handoutPdfOptions(ctx, laidOut.props));
      const plainFile = join(work, `${name(job)}-untagged.pdf`);
      writeFileSync(plainFile, plain);
      for (let page = 1; page <= result.pages; page += 1) {
        const tagged = renderPage(file(job), page, 60);
        const untagged = renderPage(plainFile, page, 60);
        expect([tagged.width, tagged.height]).toEqual([untagged.width, untagged.height]);
        const changed = pixelmatch(tagged.data, untagged.data, undefined, tagged.width, tagged.height, { threshold: 0.05 });
        expect(changed / (tagged.width * tagged.height), `${name(job)} page ${page}: ${changed} pixels differ`).toBeLessThan(0.0005);
      }
      // Tagging must not make text extraction worse.
      expect(await pdfText(file(job))).toBe(await pdfText(plainFile));
    }
  });

  it('makes each inline link a Link element holding its annotation, with the address as its description', async () => {
    const { trees } = await structTrees(file(JOBS[0]!));
    const links = allNodes(trees).filter((node) => node.role === 'Link');
    const web = links.find((link) => link.text.trim() === 'web link');
    expect(web?.annotations).toBe(1);
    // The footer's address is a link too, on the first sheet (later sheets repeat the footer as an artifact).
    expect(links.some((link) => spoken(link).replace(/\s/g, '') === 'example.org/kit/everything/' && link.annotations === 1)).toBe(true);
    const pdf = qdf(file(JOBS[0]!));
    expect(pdf).toMatch(/\/Contents \(www\.example\.org\/about\)/);
    expect(pdf.match(/\/Subtype \/Link/g)).toHaveLength(2);
  });

  it('marks a page shown in its source language with that language, and interface words with the handout\'s', async () => {
    const { trees } = await structTrees(file(JOBS[3]!));
    const nodes = allNodes(trees);
    expect(nodes.find((node) => node.role === 'H1')?.lang).toBe('en');
    expect(nodes.find((node) => node.role === 'P' && node.lang === 'ar')).toBeDefined();
    const pdf = qdf(file(JOBS[3]!));
    expect(pdf).toContain('/Lang (ar)');
    expect(pdf).toMatch(/\/Lang \(en\)\s+\/P \d+ 0 R\s+\/S \/Sect/);
  });

  it('gives Arabic text its letters in reading order as ActualText, without the drawing marks', async () => {
    const { trees } = await structTrees(file(JOBS[2]!));
    const page = toolkit.locales.find((l) => l.code === 'ar')!.pages.find((p) => p.slug === 'checklist')!;
    const checklist = page.blocks.find((b) => b.type === 'checklist')!;
    const first = checklist.type === 'checklist' ? inlineText(checklist.items[0]!.children) : '';
    const bodies = allNodes(trees).filter((node) => node.role === 'LBody').map(spoken);
    expect(bodies[0]).toBe(first.replace(/\s+/g, ' ').trim());
    for (const text of bodies) expect(text).not.toMatch(/[\u061c\u200e]/);
    const title = allNodes(trees).find((node) => node.role === 'H1')!;
    expect(spoken(title)).toBe(page.handout!.title ?? page.title);
  });
});

describe('the writer\'s checks', () => {
  it('find untagged content in what react-pdf draws alone, so such a file never claims PDF/UA', async () => {
    const job = JOBS[0]!;
    const ctx = await printContextFor(toolkit, job, rendered.get(name(job))!.fontSize);
    const plain = await renderPdf((capture) => handoutDocument(ctx, capture));
    const problems = verifyTaggedPdf(plain.bytes);
    expect(problems).toContain('The PDF is not marked as tagged (/MarkInfo /Marked true).');
    expect(problems).toContain('The PDF has no structure tree.');
    expect(problems.some((p) => /Page 1: \d+ drawing operator\(s\) are neither tagged content nor an artifact\./.test(p))).toBe(true);
  });

  it('refuse a changed @react-pdf/render, naming what to update', () => {
    expect(() => hookedSource('export default () => {};', '9.9.9')).toThrow(new RegExp(`@react-pdf/render 9\\.9\\.9 is not the version Kitpress tags PDFs with \\(${HOOKED_VERSION.replace(/\./g, '\\.')}\\)`));
  });

  it('can tell a handout from the writer apart from one with a Figure without alternate text', () => {
    const bytes = Buffer.from(rendered.get(name(JOBS[0]!))!.bytes);
    const text = bytes.toString('latin1');
    // Same length, so every offset stays right: rename /Alt to /Xlt in the Figure element.
    const at = text.search(/\/S \/Figure/);
    expect(at).toBeGreaterThan(0);
    const alt = text.indexOf('/Alt ', text.lastIndexOf(' 0 obj', at));
    expect(alt).toBeGreaterThan(0);
    expect(alt).toBeLessThan(text.indexOf('endobj', at));
    bytes.write('/Xlt ', alt, 'latin1');
    expect(verifyTaggedPdf(bytes).some((p) => /Figure \d+ has no alternate text\./.test(p))).toBe(true);
  });
});
