import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { formatDiagnostic } from '../../src/core/diagnostics/diagnostic.ts';
import { catalogue, type RuleId } from '../../src/core/diagnostics/catalogue.ts';
import { PAGE_LIMITS } from '../../src/core/markdown/limits.ts';
import { fixtures } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

/** One hostile or odd input: how to spoil a copy of the minimal fixture, and what the author must be told. */
interface Case {
  name: string;
  spoil: (dir: string) => void;
  rule: RuleId;
  at: string;
}

const work = mkdtempSync(join(tmpdir(), 'kitpress-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const append = (file: string, text: string | Buffer) => (dir: string) => appendFileSync(join(dir, file), text);
const replace = (file: string, from: string | RegExp, to: string) => (dir: string) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`the fixture has no ${String(from)} in ${file}`);
  writeFileSync(join(dir, file), next);
};
const asset = (name: string, text: string) => (dir: string) => {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'assets', name), text);
};
const both = (...steps: Array<(dir: string) => void>) => (dir: string) => steps.forEach((step) => step(dir));
const image = (src: string) => append('en/signs.md', `\n![A pan with a lid on it](${src})\n`);
const bomb = 'a: &a ["x", "x"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inner}</svg>`;

// The minimal fixture's signs.md has 25 lines; text appended after "\n" starts at line 27.
const cases: Case[] = [
  { name: 'YAML alias bomb in the config', spoil: append('kitpress.yaml', bomb), rule: 'yaml-alias-limit', at: 'kitpress.yaml:25:8' },
  { name: 'YAML alias bomb in front matter', spoil: replace('en/signs.md', 'order: 2\n', `order: 2\n${bomb}`), rule: 'yaml-alias-limit', at: 'en/signs.md:6:8' },
  { name: 'block quotes nested 100 deep', spoil: append('en/signs.md', `\n${'>'.repeat(100)} deep\n`), rule: 'nesting-too-deep', at: 'en/signs.md:27:24' },
  { name: 'emphasis nested 60 deep', spoil: append('en/signs.md', `\n${'*a '.repeat(60)}x${' b*'.repeat(60)}\n`), rule: 'nesting-too-deep', at: 'en/signs.md:27:67' },
  { name: 'a page larger than the limit', spoil: append('en/signs.md', `\n${'Keep a lid near the stove. '.repeat(Math.ceil(PAGE_LIMITS.bytes / 27))}\n`), rule: 'page-too-large', at: 'en/signs.md:1:1' },
  { name: 'too many hotline references', spoil: append('en/signs.md', `\n${':hotline[helpline] '.repeat(PAGE_LIMITS.references + 1)}\n`), rule: 'references-too-many', at: `en/signs.md:27:${PAGE_LIMITS.references * 19 + 1}` },
  { name: 'an invalid UTF-8 byte', spoil: append('en/index.md', Buffer.from([0x0a, 0x42, 0x61, 0x64, 0x20, 0xff, 0x0a])), rule: 'text-encoding', at: 'en/index.md:15:5' },
  { name: 'a NUL byte', spoil: append('en/signs.md', Buffer.from([0x0a, 0x4e, 0x55, 0x4c, 0x00, 0x0a])), rule: 'text-encoding', at: 'en/signs.md:27:4' },
  { name: 'invalid UTF-8 in the config', spoil: append('kitpress.yaml', Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a])), rule: 'text-encoding', at: 'kitpress.yaml:24:3' },
  { name: 'an unclosed ::: block at the end of the file', spoil: append('en/signs.md', '\n:::tips[Never closed]\n- Turn off the heat.\n'), rule: 'directive-unclosed', at: 'en/signs.md:27:1' },
  { name: 'an image path that climbs to /etc/passwd', spoil: image('../../../../etc/passwd'), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'an image path to the config', spoil: image('../kitpress.yaml'), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'an absolute image path', spoil: image('/etc/hostname'), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'an image path with a backslash', spoil: both(asset('pan.png', 'png'), image('kitchen\\pan.png')), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'an image path with a query string', spoil: both(asset('pan.png', 'png'), image('pan.png?v=2')), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'a file: image address', spoil: image('file:///etc/passwd'), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  {
    name: 'an image that is a symlink to a file outside the content',
    spoil: both((dir) => mkdirSync(join(dir, 'assets')), (dir) => symlinkSync('/etc/hostname', join(dir, 'assets', 'pan.png')), image('pan.png')),
    rule: 'image-path-invalid',
    at: 'en/signs.md:27:1',
  },
  { name: 'an SVG with a script', spoil: both(asset('pan.svg', svg('<script>alert(1)</script>')), image('pan.svg')), rule: 'image-svg-unsafe', at: 'en/signs.md:27:1' },
  { name: 'an SVG with an event handler', spoil: both(asset('pan.svg', svg('<rect onload="alert(1)" width="5" height="5"/>')), image('pan.svg')), rule: 'image-svg-unsafe', at: 'en/signs.md:27:1' },
  { name: 'an SVG with an external reference', spoil: both(asset('pan.svg', svg('<image href="https://tracker.example/p.png"/>')), image('pan.svg')), rule: 'image-svg-unsafe', at: 'en/signs.md:27:1' },
  { name: 'a missing image inside a conversation point', spoil: replace('en/signs.md', '  ::listen[Names you do not know.]', '\n  ![A fire blanket](blanket.png)\n\n  ::listen[Names you do not know.]'), rule: 'image-missing', at: 'en/signs.md:21:3' },
  { name: 'version written as a map', spoil: replace('kitpress.yaml', 'version: "1"', 'version: {a: 1}'), rule: 'config-invalid', at: 'kitpress.yaml:2:10' },
  { name: 'a javascript: licence address', spoil: append('kitpress.yaml', 'licence:\n  contentUrl: "javascript:alert(1)"\n'), rule: 'config-invalid', at: 'kitpress.yaml:25:15' },
  { name: 'a site URL with a quote', spoil: replace('kitpress.yaml', 'https://example.org/kit/', 'https://example.org/kit/"onload="x'), rule: 'config-invalid', at: 'kitpress.yaml:5:8' },
  { name: 'a site URL with a password', spoil: replace('kitpress.yaml', 'https://example.org/kit/', 'https://admin:secret@example.org/kit/'), rule: 'config-invalid', at: 'kitpress.yaml:5:8' },
  { name: 'a site URL with a query', spoil: replace('kitpress.yaml', 'https://example.org/kit/', 'https://example.org/kit/?ref=1'), rule: 'config-invalid', at: 'kitpress.yaml:5:8' },
  { name: 'a site URL with a fragment', spoil: replace('kitpress.yaml', 'https://example.org/kit/', 'https://example.org/kit/#top'), rule: 'config-invalid', at: 'kitpress.yaml:5:8' },
  { name: 'a locale coded "all"', spoil: replace('kitpress.yaml', /code: en\n/, 'code: all\n'), rule: 'config-invalid', at: 'kitpress.yaml:10:11' },
  { name: 'a locale coded "pdf"', spoil: replace('kitpress.yaml', /code: en\n/, 'code: pdf\n'), rule: 'config-invalid', at: 'kitpress.yaml:10:11' },
  { name: 'a page named downloads.md', spoil: (dir) => cpSync(join(dir, 'en/signs.md'), join(dir, 'en/downloads.md')), rule: 'slug-reserved', at: 'en/downloads.md:1:1' },
  { name: 'a page named 404.md', spoil: (dir) => cpSync(join(dir, 'en/signs.md'), join(dir, 'en/404.md')), rule: 'slug-reserved', at: 'en/404.md:1:1' },
  { name: 'a page named pdf.md', spoil: (dir) => cpSync(join(dir, 'en/signs.md'), join(dir, 'en/pdf.md')), rule: 'slug-reserved', at: 'en/pdf.md:1:1' },
  {
    name: 'a typed 911',
    spoil: both(replace('kitpress.yaml', 'hotlines:\n', 'hotlines:\n  - id: emergency\n    phone: "911"\n    label:\n      en: Emergency\n'), append('en/signs.md', '\nIf the fire spreads, call 911 from outside.\n')),
    rule: 'hotline-number-typed',
    at: 'en/signs.md:27:1',
  },
  { name: 'a typed (800) 555-0100', spoil: append('en/signs.md', '\nAsk the line at (800) 555-0100 for advice.\n'), rule: 'hotline-number-typed', at: 'en/signs.md:27:1' },
];

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
