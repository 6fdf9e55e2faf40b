import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wordBreakParts } from '../../src/pdf/word-breaks.ts';
import { fixtures } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import { pdfText } from './pdf-tools.ts';

const parent = mkdtempSync(join(tmpdir(), 'kitpress-check-layout-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** The diagnostic lines of a run (`file:line:col  severity  message  rule`), without hints. */
function diagnosticLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /^\S+:\d+:\d+ {2}(error|warning)/.test(line) && !/ (readability|wording)$/.test(line));
}

/** The 1-based line of a fixture file that contains `text`. */
function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

describe('kitpress check lays out handouts', () => {
  it('reports a handout over its page budget as the build does, and the build reuses what check laid out', () => {
    const cache = join(parent, 'overflow-cache');
    const content = join(fixtures, 'overflow');
    const check = runCli(['check', '--content', content, '--cache', cache]);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stderr).toContain('Laid out 2 handouts: 2 rendered');
    const checked = diagnosticLines(check.stderr).filter((line) => line.endsWith('handout-overflow'));
    expect(checked).toHaveLength(2);
    expect(checked[0]).toMatch(/overflow\/en\/signs\.md:\d+:\d+ {2}error {2}The handout "long-checklist" \(en, (letter|a4)\) does not fit its budget of 1 page\(s\) at 11 pt/);
    expect(check.stderr).not.toMatch(/\n\s+at /);

    const out = join(parent, 'overflow-out');
    const build = runCli(['build', '--content', content, '--out', out, '--cache', cache]);
    expect(build.code, build.stderr).toBe(1);
    // Same cache key: nothing is laid out twice, and the messages are the same lines, places included.
    expect(build.stderr).toContain('2 handouts: 0 rendered, 2 from cache');
    expect(diagnosticLines(build.stderr).filter((line) => line.endsWith('handout-overflow'))).toEqual(checked);
  });

  it('check --fast skips the layout and says so', () => {
    const run = runCli(['check', '--fast', '--content', join(fixtures, 'overflow'), '--cache', join(parent, 'fast-cache')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Handouts not laid out (--fast)');
    expect(run.stderr).not.toContain('handout-overflow');
  });

  const content = join(fixtures, 'line-too-wide');
  const signs = join(content, 'en/signs.md');
  const cache = join(parent, 'wide-cache');

  it('a word no line can hold is a positioned error in check and in build', () => {
    const check = runCli(['check', '--content', content, '--cache', cache]);
    expect(check.code, check.stderr).toBe(1);
    const wide = diagnosticLines(check.stderr).filter((line) => line.endsWith('handout-line-too-wide'));
    // One place (both paper sizes cut the same word), at the list item that holds the word.
    expect(wide, check.stderr).toEqual([expect.stringContaining(`line-too-wide/en/signs.md:${lineOf(signs, 'Thiswordhasnoplace')}:1  error  In the handout "long-words" (en, letter), the text "Thiswordhasnoplace`)]);
    expect(wide[0]).toMatch(/is \d+ pt wide but its line has \d+ pt, so it would be cut off at the edge \(sheet 1\)/);
    const build = runCli(['build', '--content', content, '--out', join(parent, 'wide-out'), '--cache', cache]);
    expect(build.code, build.stderr).toBe(1);
    expect(diagnosticLines(build.stderr).filter((line) => line.endsWith('handout-line-too-wide'))).toEqual(wide);
  });

  it('a long web address and a hyphenated chain break inside and print whole', async () => {
    // Without the unbreakable word, check and build pass and the PDF holds every character of the rest.
    const fixed = join(parent, 'wide-fixed');
    cpSync(content, fixed, { recursive: true });
    writeFileSync(join(fixed, 'en/signs.md'), readFileSync(signs, 'utf8').replace(/Thiswordhasnoplace\w+/, 'at home'));
    expect(runCli(['check', '--content', fixed, '--cache', cache]).code).toBe(0);
    const out = join(parent, 'wide-fixed-out');
    const built = runCli(['build', '--content', fixed, '--out', out, '--cache', cache]);
    expect(built.code, built.stderr).toBe(0);
    for (const paper of ['letter', 'a4']) {
      // Lines broken inside a word join with a space in the extracted text.
      const text = (await pdfText(join(out, `pdf/en/long-words-${paper}.pdf`))).replace(/ /g, '');
      expect(text).toContain('https://www.example-organisation-with-a-long-name.org/resources/online-safety/warning-signs-for-parents-and-carers?lang=en&section=teenagers-and-younger-children');
      expect(text).toContain('grandparents-foster-parents-aunts-uncles-older-brothers-older-sisters-neighbours-and-teachers');
    }
  });
});

describe('wordBreakParts', () => {
  it('breaks a long word after / . - ? & with zero-width glue, and leaves short words and phone numbers whole', () => {
    expect(wordBreakParts('example.org/a-long-path?x=1&y=2')).toEqual(['example.', '', 'org/', '', 'a-', '', 'long-', '', 'path?', '', 'x=1&', '', 'y=2']);
    expect(wordBreakParts('https://example.org/online-safety/')).toEqual(['https://', '', 'example.', '', 'org/', '', 'online-', '', 'safety/']);
    for (const word of ['e.g.', '1-800-555-0100', 'well-known', 'report.cybertip.org', 'humantraffickinghotline.org']) expect(wordBreakParts(word)).toEqual([word]);
    expect(wordBreakParts('Thiswordhasnoplacetobreakatall')).toEqual(['Thiswordhasnoplacetobreakatall']);
  });
});
