import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, type RuleId } from '../../src/core/diagnostics/catalogue.ts';
import type { Diagnostics } from '../../src/core/diagnostics/diagnostic.ts';
import { lintToolkit } from '../../src/core/lint/lint-toolkit.ts';
import type { Toolkit } from '../../src/core/model.ts';
import { checkGlyphs } from '../../src/pdf/check-glyphs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { formatDiagnostic } from '../../src/core/diagnostics/diagnostic.ts';
import { fixtures } from '../helpers/paths.ts';
import { matchesStored } from '../helpers/fixture-files.ts';

const core = join(fixtures, 'core');

/**
 * Every fixture case, found from the folders: `core/<rule>/` holds content that must fail with an
 * error of that rule, `core-warnings/<rule>/` content that builds but warns (or informs) with it.
 * Each holds `content/` and `expected-messages.txt`, the golden of every message a check prints
 * without laying handouts out (UPDATE=1 rewrites it). A new case is a new folder.
 */
const fixtureCases = (['core', 'core-warnings'] as const).flatMap((group) =>
  readdirSync(join(fixtures, group))
    .filter((name) => existsSync(join(fixtures, group, name, 'content')) && name !== 'minimal')
    .sort()
    .map((name) => ({ group, name, dir: join(fixtures, group, name) })),
);

/** What `kitpress check --fast` finds: the reader, then (when the content was read) the font check and the linter. */
async function checkFixture(content: string): Promise<{ toolkit: Toolkit | undefined; diagnostics: Diagnostics }> {
  const { toolkit, diagnostics } = await readToolkit(content);
  if (toolkit) {
    checkGlyphs(toolkit, diagnostics);
    await lintToolkit(toolkit, diagnostics);
  }
  return { toolkit, diagnostics };
}

describe('fixture cases, one folder each, give their rule at a place', () => {
  it('finds the cases in the folders', () => {
    expect(fixtureCases.filter((c) => c.group === 'core').length).toBeGreaterThanOrEqual(16);
    expect(fixtureCases.filter((c) => c.group === 'core-warnings').length).toBeGreaterThanOrEqual(8);
  });

  it.each(fixtureCases.map((c) => [`${c.group}/${c.name}`, c] as const))('%s', async (_name, c) => {
    expect(Object.keys(catalogue), `the folder ${c.group}/${c.name} is not named for a rule of the catalogue`).toContain(c.name);
    const rule = c.name as RuleId;
    const { toolkit, diagnostics } = await checkFixture(join(c.dir, 'content'));
    const printed = diagnostics.list.map((d) => formatDiagnostic(d)).join('\n');
    const found = diagnostics.list.filter((d) => d.ruleId === rule);
    expect(found.length, `no ${rule}; got:\n${printed}`).toBeGreaterThan(0);
    // At a place in a file (line and column from 1), with a hint that says how to fix it.
    for (const d of found) {
      expect(d.place.line, printed).toBeGreaterThanOrEqual(1);
      expect(d.place.column, printed).toBeGreaterThanOrEqual(1);
      expect(d.hint.length).toBeGreaterThan(20);
    }
    if (c.group === 'core') {
      expect(found[0]!.severity).toBe('error');
      expect(diagnostics.hasErrors).toBe(true);
    } else {
      expect(found[0]!.severity).not.toBe('error');
      expect(diagnostics.hasErrors, printed).toBe(false);
      expect(toolkit).toBeDefined();
    }
    // Note: ui-missing counts Kitpress's interface words, which grow; it stays out of the goldens.
    const text = diagnostics.sorted().filter((d) => d.ruleId !== 'ui-missing').map((d) => formatDiagnostic(d, 'content')).join('\n') + '\n';
    const { expected, actual } = matchesStored(join(c.dir, 'expected-messages.txt'), text);
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
