import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Locale, Page, Toolkit } from '../../src/core/model.ts';
import { handoutPath } from '../../src/core/outputs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { inlineText } from '../../src/core/walk.ts';
import { formatUi } from '../../src/pdf/print-text.ts';
import { pageUrl } from '../../src/pdf/site-url.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';
import { pdfInfo } from './pdf-tools.ts';
import { allNodes, contentStreams, qdf, qpdfCheck, spoken, structTrees, unmarkedText, type StructNode } from './pdf-structure.ts';

/** The default content's handouts, as built once by the global setup through the CLI. */
let toolkit: Toolkit;

interface Handout {
  locale: Locale;
  page: Page;
  path: string;
  name: string;
}

function handouts(): Handout[] {
  return toolkit.locales.flatMap((locale) =>
    locale.pages
      .filter((page) => page.handout)
      .flatMap((page) => toolkit.paper.map((paper) => ({ locale, page, path: join(builtDefault, handoutPath(locale.code, page.handout!.file, paper)), name: `${locale.code}/${page.handout!.file}-${paper}` }))),
  );
}

/** Every block of a page, nested ones included, in reading order. */
function blocks(list: readonly Block[]): Block[] {
  return list.flatMap((block) => {
    const inner = block.type === 'list' || block.type === 'tips' ? block.items.flatMap((item) => item.children) : block.type === 'quote' || block.type === 'callout' ? block.children : block.type === 'conversation' ? block.points.flatMap((p) => p.prompt) : [];
    return [block, ...blocks(inner)];
  });
}

const squash = (text: string) => text.replace(/[\s\u061c\u200e]+/g, '');
const visible = (text: string) => text.replace(/[\u061c\u200e]/g, '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const result = await readToolkit(defaultContent);
  if (!result.toolkit) throw new Error('The default content has errors');
  toolkit = result.toolkit;
});

describe('default content handouts are tagged for screen readers', () => {
  it('are tagged PDF 1.7 with a language, a shown title, XMP metadata and tab order by structure, and pass qpdf --check', () => {
    for (const { locale, path, name } of handouts()) {
      expect(pdfInfo(path).Tagged, name).toBe('yes');
      const check = qpdfCheck(path);
      expect(check.ok, `${name}: ${check.output}`).toBe(true);
      const text = qdf(path);
      expect(text.startsWith('%PDF-1.7'), name).toBe(true);
      expect(text, name).toMatch(/\/Marked true/);
      expect(text, name).toContain(`/Lang (${locale.lang})`);
      expect(text, name).toMatch(/\/DisplayDocTitle true/);
      const pages = text.match(/\/Type \/Page\b/g)?.length ?? 0;
      expect(text.match(/\/Tabs \/S\b/g)?.length, name).toBe(pages);
      expect(text, name).toMatch(/<dc:title>/);
    }
  });

  it('puts every piece of text in marked content: tagged content or an artifact', () => {
    for (const { path, name } of handouts()) {
      const streams = contentStreams(qdf(path));
      expect(streams.length, name).toBeGreaterThan(0);
      streams.forEach((content, index) => expect(unmarkedText(content), `${name} page ${index + 1}`).toEqual({ loose: 0, balanced: true }));
    }
  });

  it('makes page numbers, running headers and later sheets\' footers artifacts', async () => {
    for (const { locale, page, path, name } of handouts()) {
      const { pages } = await structTrees(path);
      pages.forEach((text, index) => {
        expect(text.loose, `${name} page ${index + 1}`).toEqual([]);
        if (locale.dir === 'rtl') return; // Arabic glyphs do not extract as their letters; checked in the fixture.
        const artifacts = text.artifacts.join('');
        expect(squash(artifacts), name).toContain(squash(formatUi(locale.ui, 'pageXofY', { page: index + 1, pages: pages.length })));
        if (index > 0) {
          expect(squash(artifacts), name).toContain(squash(`${page.handout!.title ?? page.title} · ${toolkit.organisation.name}`));
          expect(squash(artifacts), name).toContain(squash(formatUi(locale.ui, 'getHelp')));
        }
      });
    }
  });

  it('has the handout title as the one H1, every heading of the page at its level, and the checklist items as list items', async () => {
    for (const { locale, page, path, name } of handouts()) {
      const nodes = allNodes((await structTrees(path)).trees);
      const h1 = nodes.filter((node) => node.role === 'H1');
      expect(h1, name).toHaveLength(1);
      expect(squash(spoken(h1[0]!)), name).toBe(squash(page.handout!.title ?? page.title));
      for (const block of blocks(page.blocks)) {
        if (block.type !== 'heading') continue;
        const texts = nodes.filter((node) => node.role === `H${block.depth}`).map((node) => squash(spoken(node)));
        expect(texts, `${name}: "${inlineText(block.children)}"`).toContain(squash(inlineText(block.children)));
      }
      const items = blocks(page.blocks).reduce((n, block) => n + (block.type === 'checklist' ? block.items.length : 0), 0);
      const boxes = nodes.filter((node) => node.role === 'Lbl' && node.alt === visible(locale.ui.checklistBox!));
      expect(boxes.length, name).toBe(items);
      for (const box of boxes) expect(nodes.some((node) => node.role === 'LI' && node.children.includes(box)), name).toBe(true);
      const lists = nodes.filter((node) => node.role === 'L');
      expect(lists.length, name).toBeGreaterThan(0);
      for (const list of lists) expect(list.children.every((child) => child.role === 'LI'), name).toBe(true);
    }
  });

  it('has the QR code as a figure with alternate text, and every link annotation inside a Link element with a description', async () => {
    for (const { locale, page, path, name } of handouts()) {
      const { trees } = await structTrees(path);
      const figures = allNodes(trees).filter((node: StructNode) => node.role === 'Figure');
      expect(figures.map((f) => f.alt), name).toEqual([visible(locale.ui.qrCodeAlt!.replace('{url}', pageUrl(toolkit, locale, page)))]);
      const links = allNodes(trees).filter((node) => node.role === 'Link');
      expect(links.length, name).toBeGreaterThan(0);
      for (const link of links) expect(link.annotations, name).toBeGreaterThan(0);
      const text = qdf(path);
      const annotations = text.split(/\n(?=\d+ 0 obj)/).filter((object) => /\/Subtype \/Link/.test(object));
      expect(annotations.length, name).toBeGreaterThan(0);
      for (const annotation of annotations) {
        expect(annotation, name).toMatch(/\/StructParent \d+/);
        expect(annotation, name).toMatch(/\/Contents (\(.+\)|<[0-9a-f]+>)/i);
      }
    }
  });

  it('claims PDF/UA-1 in the XMP metadata only where the writer\'s checks passed (all of them here)', () => {
    for (const { path, name } of handouts()) expect(readFileSync(path, 'latin1'), name).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });
});
