import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { formatDiagnostic } from '../../src/core/diagnostics/diagnostic.ts';
import { catalogue } from '../../src/core/diagnostics/catalogue.ts';
import { minimalCases } from './corpus/minimal-cases.ts';
import type { Case } from './corpus/spoil.ts';
import { fixtures } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'kitpress-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The cases are data, shared with the mutation corpus (which also runs each through check and build).
const cases: Case[] = minimalCases;

/** Spoils a fresh copy of the minimal fixture. */
function spoiled(c: Case, index: number): string {
  const dir = join(work, `case-${index}`);
  cpSync(join(fixtures, 'core', 'minimal', 'content'), dir, { recursive: true });
  c.spoil(dir);
  return dir;
}

describe('hostile and odd input gives a positioned diagnostic, never a crash or silence', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, index) => {
    const { toolkit, diagnostics } = await readToolkit(spoiled(c, index));
    const printed = diagnostics.list.map((d) => formatDiagnostic(d, '')).join('\n');
    const places = diagnostics.list.filter((d) => d.ruleId === c.rule).map((d) => `${d.place.file}:${d.place.line}:${d.place.column}`);
    expect(places, `no ${c.rule} at ${c.at}; got:\n${printed}`).toContain(c.at);
    if (catalogue[c.rule].severity === 'error') expect(toolkit).toBeUndefined();
    // A file that cannot be read is reported once, at its place, not again as missing.
    expect(diagnostics.list.filter((d) => d.ruleId === 'locale-empty')).toEqual([]);
  });

  it('accepts a byte-order mark at the start of a page and of the config', async () => {
    const dir = join(work, 'bom');
    cpSync(join(fixtures, 'core', 'minimal', 'content'), dir, { recursive: true });
    for (const file of ['en/signs.md', 'kitpress.yaml']) writeFileSync(join(dir, file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(dir, file))]));
    const { toolkit, diagnostics } = await readToolkit(dir);
    expect(diagnostics.list.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(toolkit?.locales[0]?.pages.find((p) => p.slug === 'signs')?.title).toBe('Signs');
  });

  it('accepts links into the site that name its pages, kits and home, with or without the last slash', async () => {
    const dir = join(work, 'site-links');
    cpSync(join(fixtures, 'core', 'minimal', 'content'), dir, { recursive: true });
    const links = ['https://example.org/kit/', 'https://example.org/kit', 'https://example.org/kit/signs/', 'https://example.org/kit/signs', 'https://example.org/kit/signs/index.html#changes', 'https://example.org/kit/kits/fixture-en.zip', 'https://example.org/kit/downloads/', 'https://example.org/other/page/'];
    appendFileSync(join(dir, 'en/signs.md'), `\n${links.map((href, i) => `[link ${i}](${href})`).join(' ')}\n`);
    const { toolkit, diagnostics } = await readToolkit(dir);
    expect(diagnostics.list.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(toolkit).toBeDefined();
  });

  it('check prints them without a stack trace and exits 1', () => {
    for (const index of [0, 2, 10]) {
      const run = runCli(['check', '--content', join(work, `case-${index}`)]);
      expect(run.stderr).toMatch(/:\d+:\d+ {2}error {2}/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr).not.toContain('bug');
      expect(run.code).toBe(1);
    }
  });
});
