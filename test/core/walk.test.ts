import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendFileSync, cpSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Inline, Locale, SourcePosition, Toolkit } from '../../src/core/model.ts';
import { dispatch, forEachBlock, forEachInline, forEachRun, inlineText, walk, type Handlers } from '../../src/core/walk.ts';
import { textUnits } from '../../src/core/lint/text-units.ts';
import { blockText } from '../../src/core/translation/source-version.ts';
import { checkImages } from '../../src/core/resolve/check-images.ts';
import { Diagnostics } from '../../src/core/diagnostics/diagnostic.ts';
import { copyAssets } from '../../src/site/assets.ts';
import { findPageWith } from '../../src/site/render/context.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { fixtures } from '../helpers/paths.ts';

const at = (line: number, column = 1): SourcePosition => ({ file: 'en/deep.md', line, column });
const text = (value: string): Inline => ({ type: 'text', value });
const para = (line: number, ...children: Inline[]): Block => ({ type: 'paragraph', children, position: at(line) });
const image = (line: number, src: string): Block => ({ type: 'image', src, alt: `alt ${src}`, position: at(line) });

/**
 * Every block kind and every inline kind, each at least once in a nested place: an image in a
 * quote in a list item in a callout in a conversation point, an image in a tip, a hotline
 * list in a callout, every inline kind inside emphasis inside a link inside a checklist title.
 */
const blocks: Block[] = [
  { type: 'heading', depth: 2, id: 'top', children: [text('Top')], position: at(1) },
  {
    type: 'conversation',
    title: [text('Talk')],
    position: at(3),
    points: [
      {
        position: at(4),
        prompt: [
          para(4, text('Say this')),
          {
            type: 'callout',
            kind: 'worried',
            title: [text('Careful')],
            position: at(5),
            children: [
              {
                type: 'list',
                ordered: false,
                position: at(6),
                items: [{ position: at(6), children: [{ type: 'quote', position: at(6, 3), children: [image(6, 'deep/in-quote.png')] }] }],
              },
              { type: 'hotline-list', position: at(7) },
            ],
          },
        ],
        listenFor: [text('Listen')],
      },
    ],
  },
  { type: 'tips', position: at(9), items: [{ position: at(9), children: [image(9, 'tip.png'), { type: 'source-list', position: at(10) }] }] },
  {
    type: 'checklist',
    position: at(12),
    title: [
      {
        type: 'link',
        href: 'https://example.org/',
        position: at(12),
        children: [
          {
            type: 'emphasis',
            children: [
              { type: 'strong', children: [text('strong')] },
              { type: 'code', value: 'code' },
              { type: 'break' },
              { type: 'page-link', slug: 'signs', children: [text('page')], position: at(12) },
              { type: 'hotline', id: 'line', show: 'phone', position: at(12) },
              { type: 'citation', id: 'src', position: at(12) },
            ],
          },
        ],
      },
    ],
    items: [{ position: at(13), children: [text('Tick this')] }],
  },
  { type: 'table', position: at(15), header: [[text('H')]], rows: [[[text('C')]]] },
  { type: 'rule', position: at(17) },
];

const BLOCK_KINDS: Block['type'][] = ['heading', 'paragraph', 'list', 'quote', 'image', 'table', 'rule', 'checklist', 'tips', 'conversation', 'callout', 'hotline-list', 'source-list'];
const INLINE_KINDS: Inline['type'][] = ['text', 'emphasis', 'strong', 'code', 'break', 'link', 'page-link', 'hotline', 'citation'];

describe('the walker', () => {
  it('reaches every block kind, nested ones included, in reading order', () => {
    const seen: string[] = [];
    forEachBlock(blocks, (block) => seen.push(block.type));
    expect(new Set(seen)).toEqual(new Set(BLOCK_KINDS));
    expect(seen).toEqual(['heading', 'conversation', 'paragraph', 'callout', 'list', 'quote', 'image', 'hotline-list', 'tips', 'image', 'source-list', 'checklist', 'table', 'rule']);
  });

  it('gives each block the blocks around it', () => {
    const chains: string[] = [];
    forEachBlock(blocks, (block, ancestors) => {
      if (block.type === 'image') chains.push([...ancestors.map((b) => b.type), block.type].join(' > '));
    });
    expect(chains).toEqual(['conversation > callout > list > quote > image', 'tips > image']);
  });

  it('enters and leaves in order, and skips what a block holds when asked', () => {
    const events: string[] = [];
    walk(blocks.slice(1, 2), {
      enter: (block) => {
        events.push(`+${block.type}`);
        return block.type === 'callout' ? 'skip' : undefined;
      },
      run: (run) => events.push(run.role),
      leave: (block) => events.push(`-${block.type}`),
    });
    expect(events).toEqual(['+conversation', 'title', '+paragraph', 'paragraph', '-paragraph', '+callout', '-callout', 'listen-for', '-conversation']);
  });

  it('reaches every inline kind, in titles, prompts, "listen for" and table cells', () => {
    const seen = new Set<string>();
    const values: string[] = [];
    forEachInline(blocks, (inline) => {
      seen.add(inline.type);
      if (inline.type === 'text') values.push(inline.value);
    });
    expect(seen).toEqual(new Set(INLINE_KINDS));
    expect(values).toEqual(['Top', 'Talk', 'Say this', 'Careful', 'Listen', 'strong', 'page', 'Tick this', 'H', 'C']);
  });

  it('places each run at its own line: items and "listen for" at theirs, titles at their block', () => {
    const runs: string[] = [];
    forEachRun(blocks, (run) => runs.push(`${run.role}@${run.position.line}`));
    expect(runs).toEqual(['heading@1', 'title@3', 'paragraph@4', 'title@5', 'listen-for@4', 'title@12', 'item@13', 'cell@15', 'cell@15']);
  });

  it('reads the text of every inline kind', () => {
    const title = blocks[3]!.type === 'checklist' ? blocks[3]!.title! : [];
    expect(inlineText(title)).toBe('strongcode pagelinesrc');
    expect(inlineText(title, (ref) => `[${ref.type}]`)).toBe('strongcode page[hotline][citation]');
  });
});

describe('analyses built on the walker', () => {
  it('text units: prose of nested blocks, no headings, titles or cells', () => {
    expect(textUnits(blocks).map((u) => `${u.text}@${u.position.line}`)).toEqual(['Say this@4', 'Listen@4', 'Tick this@13']);
  });

  it('a block\'s text for translators includes its nested prompts and "listen for"', () => {
    expect(blockText(blocks[1]!)).toBe('TalkSay thisCarefulListen');
  });

  it('the image check and the asset copy see an image in a quote in a list in a callout in a conversation point', async () => {
    const content = mkdtempSync(join(tmpdir(), 'kitpress-walk-'));
    const out = mkdtempSync(join(tmpdir(), 'kitpress-walk-out-'));
    try {
      mkdirSync(join(content, 'assets', 'deep'), { recursive: true });
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      writeFileSync(join(content, 'assets', 'tip.png'), png);
      const diagnostics = new Diagnostics();
      checkImages(blocks, content, diagnostics);
      expect(diagnostics.list.map((d) => `${d.ruleId}@${d.place.line}`)).toEqual(['image-missing@6']);
      writeFileSync(join(content, 'assets', 'deep', 'in-quote.png'), png);
      const page = { slug: 'deep', blocks } as Locale['pages'][number];
      const toolkit = { locales: [{ pages: [page] }] } as unknown as Toolkit;
      expect(await copyAssets(toolkit, content, out)).toBe(2);
      expect(readdirSync(join(out, 'assets'), { recursive: true }).sort()).toEqual(['deep', join('deep', 'in-quote.png'), 'tip.png']);
      expect(findPageWith([page], 'source-list')).toBe(page);
      expect(findPageWith([page], 'hotline-list')).toBe(page);
    } finally {
      rmSync(content, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the typed-number check', () => {
  it('reads headings, block titles and table cells too (regression: it read paragraphs and items only)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitpress-walk-numbers-'));
    try {
      cpSync(join(fixtures, 'core', 'minimal', 'content'), dir, { recursive: true });
      const before = (await readToolkit(dir)).toolkit!;
      // The number comes from the fixture's configuration, never typed here.
      const phone = before.locales[0]!.hotlines.find((h) => h.phone)!.phone!;
      // en/signs.md has 25 lines: the heading is at line 27, the table's first line at 29.
      appendFileSync(join(dir, 'en/signs.md'), `\n## Call ${phone}\n\n| Who | Number |\n| --- | --- |\n| Help | ${phone} |\n`);
      const { diagnostics } = await readToolkit(dir);
      expect(diagnostics.list.filter((d) => d.ruleId === 'hotline-number-typed').map((d) => `${d.place.file}:${d.place.line}`)).toEqual(['en/signs.md:27', 'en/signs.md:29']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('handler maps', () => {
  const kinds: Handlers<Block, [prefix: string], string> = {
    heading: (b, p) => `${p}${b.depth}`,
    paragraph: (_b, p) => `${p}paragraph`,
    list: (_b, p) => `${p}list`,
    quote: (_b, p) => `${p}quote`,
    image: (b, p) => `${p}${b.src}`,
    table: (_b, p) => `${p}table`,
    rule: (_b, p) => `${p}rule`,
    checklist: (_b, p) => `${p}checklist`,
    tips: (_b, p) => `${p}tips`,
    conversation: (_b, p) => `${p}conversation`,
    callout: (b, p) => `${p}${b.kind}`,
    'hotline-list': (_b, p) => `${p}hotline-list`,
    'source-list': (_b, p) => `${p}source-list`,
  };

  it('dispatch calls the handler of the node\'s own kind', () => {
    expect(blocks.map((b) => dispatch(kinds, b, '#'))).toEqual(['#2', '#conversation', '#tips', '#checklist', '#table', '#rule']);
  });

  it('a map that misses a kind does not compile', () => {
    const { image: _image, ...rest } = kinds;
    // @ts-expect-error: `image` has no handler, so this is not a complete map of block kinds.
    const incomplete: Handlers<Block, [prefix: string], string> = rest;
    // @ts-expect-error: a handler map over inlines needs every inline kind.
    const inlines: Handlers<Inline, [], string> = { text: (n) => n.value };
    expect(Object.keys(incomplete)).not.toContain('image');
    expect(Object.keys(inlines)).toEqual(['text']);
  });
});
