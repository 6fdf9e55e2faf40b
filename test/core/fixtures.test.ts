import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { formatDiagnostic } from '../../src/core/diagnostics/diagnostic.ts';
import { fixtures } from '../helpers/paths.ts';
import { matchesStored } from '../helpers/fixture-files.ts';

const core = join(fixtures, 'core');

/** Each bad-input fixture and the diagnostic an author must see: rule, file, line, column, words. */
const badInputs = [
  { name: 'frontmatter-missing', rule: 'frontmatter-missing', file: 'en/index.md', line: 1, column: 1, words: 'no front matter' },
  { name: 'frontmatter-invalid', rule: 'frontmatter-invalid', file: 'en/index.md', line: 2, column: 1, words: 'title: is required' },
  { name: 'frontmatter-invalid', rule: 'frontmatter-invalid', file: 'en/index.md', line: 3, column: 8, words: 'order: should be a number' },
  { name: 'frontmatter-yaml', rule: 'frontmatter-yaml', file: 'en/index.md', line: 4, column: 1, words: 'YAML syntax' },
  { name: 'directive-unknown', rule: 'directive-unknown', file: 'en/index.md', line: 9, column: 1, words: ':::warning' },
  { name: 'directive-attribute-unknown', rule: 'directive-attribute-unknown', file: 'en/index.md', line: 7, column: 6, words: '"colour"' },
  { name: 'hotline-unknown', rule: 'hotline-unknown', file: 'en/index.md', line: 7, column: 28, words: '"police"' },
  { name: 'source-unknown', rule: 'source-unknown', file: 'en/index.md', line: 7, column: 8, words: '"nobody"' },
  { name: 'link-page-missing', rule: 'link-page-missing', file: 'en/index.md', line: 7, column: 5, words: 'signs.md' },
  { name: 'link-heading-missing', rule: 'link-heading-missing', file: 'en/index.md', line: 9, column: 27, words: '"nowhere"' },
  { name: 'slug-duplicate', rule: 'slug-duplicate', file: 'en/signs.md', line: 1, column: 1, words: 'same address "/signs/"' },
  { name: 'image-alt-missing', rule: 'image-alt-missing', file: 'en/index.md', line: 9, column: 1, words: 'no alt text' },
  { name: 'raw-html', rule: 'raw-html', file: 'en/index.md', line: 7, column: 11, words: '<span' },
  { name: 'raw-html', rule: 'raw-html', file: 'en/index.md', line: 9, column: 1, words: '<script>' },
  { name: 'heading-h1', rule: 'heading-h1', file: 'en/index.md', line: 7, column: 1, words: 'level-1 heading' },
  { name: 'config-yaml', rule: 'config-yaml', file: 'kitpress.yaml', line: 11, column: 1, words: 'YAML syntax' },
  { name: 'config-invalid', rule: 'config-invalid', file: 'kitpress.yaml', line: 16, column: 12, words: 'hotlines.0.phone' },
] as const;

describe('bad input gives a diagnostic at the right place', () => {
  it.each(badInputs)('$name: $rule at $file:$line:$column', async (c) => {
    const { toolkit, diagnostics } = await readToolkit(join(core, c.name, 'content'));
    expect(toolkit).toBeUndefined();
    const found = diagnostics.list.find((d) => d.ruleId === c.rule && d.place.line === c.line);
    expect(found, `no ${c.rule} at line ${c.line}; got:\n${diagnostics.list.map((d) => formatDiagnostic(d)).join('\n')}`).toBeDefined();
    expect(found!.place).toEqual({ file: c.file, line: c.line, column: c.column });
    expect(found!.message).toContain(c.words);
    expect(found!.severity).toBe('error');
    expect(found!.hint.length).toBeGreaterThan(20);
  });

  it.each([...new Set(badInputs.map((c) => c.name))])('%s: messages match the golden file', async (name) => {
    const { diagnostics } = await readToolkit(join(core, name, 'content'));
    const text = diagnostics.sorted().map((d) => formatDiagnostic(d, 'content')).join('\n') + '\n';
    const { expected, actual } = matchesStored(join(core, name, 'expected-messages.txt'), text);
    expect(actual).toBe(expected);
  });
});

describe('a good content folder becomes the model', () => {
  it('reads the minimal fixture without diagnostics', async () => {
    const { toolkit, diagnostics } = await readToolkit(join(core, 'minimal', 'content'));
    expect(diagnostics.list).toEqual([]);
    const en = toolkit!.locales[0]!;
    expect(en.pages.map((p) => p.slug)).toEqual(['', 'signs']);
    const signs = en.pages[1]!;
    const checklist = signs.blocks.find((b) => b.type === 'checklist');
    expect(checklist && checklist.type === 'checklist' && checklist.items.length).toBe(2);
    const conversation = signs.blocks.find((b) => b.type === 'conversation');
    expect(conversation?.type === 'conversation' && conversation.points[0]?.listenFor).toEqual([{ type: 'text', value: 'Names you do not know.' }]);
    expect(en.hotlines[0]).toMatchObject({ id: 'helpline', label: 'Help Line', phone: '1-800-555-0100', primary: true });
  });

  it('keeps source positions on every block', async () => {
    const { toolkit } = await readToolkit(join(core, 'minimal', 'content'));
    const home = toolkit!.locales[0]!.pages[0]!;
    expect(home.blocks[0]!.position).toEqual({ file: 'en/index.md', line: 7, column: 1 });
  });

  it('matches the stored model', async () => {
    const { toolkit } = await readToolkit(join(core, 'minimal', 'content'));
    const { expected, actual } = matchesStored(join(core, 'minimal', 'expected-model.json'), `${JSON.stringify(toolkit, null, 2)}\n`);
    expect(actual).toBe(expected);
  });

  it('reads the default content without errors', async () => {
    const { toolkit, diagnostics } = await readToolkit(join(fixtures, '../../content'));
    expect(diagnostics.list.filter((d) => d.severity === 'error')).toEqual([]);
    expect(toolkit!.locales.find((l) => l.isDefault)!.pages.length).toBeGreaterThanOrEqual(11);
  });
});

describe('text that only looks like a directive', () => {
  it('keeps times like 10:30 as text', async () => {
    const { parseMarkdown } = await import('../../src/core/markdown/processor.ts');
    const { toBlocks } = await import('../../src/core/markdown/blocks.ts');
    const { Diagnostics } = await import('../../src/core/diagnostics/diagnostic.ts');
    const diagnostics = new Diagnostics();
    const blocks = toBlocks(parseMarkdown('Meet at 10:30 today.').children, { file: 'x.md', diagnostics, definitions: new Map(), slug: (s) => s });
    expect(diagnostics.list).toEqual([]);
    expect(JSON.stringify(blocks)).toContain(':30');
  });
});

describe('warnings that do not stop a build', () => {
  it('warns where a hotline number is typed into a page instead of referenced', async () => {
    const { toolkit, diagnostics } = await readToolkit(join(fixtures, 'core-warnings', 'hotline-number-typed', 'content'));
    expect(toolkit).toBeDefined();
    expect(diagnostics.list.map((d) => [d.ruleId, d.severity, d.place])).toEqual([['hotline-number-typed', 'warning', { file: 'en/index.md', line: 9, column: 3 }]]);
    expect(diagnostics.list[0]!.message).toContain('1-800-555-0100');
  });
});
