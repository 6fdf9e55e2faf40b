import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures, defaultContent, repoRoot } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

const badFixtures = readdirSync(join(fixtures, 'core')).filter((name) => name !== 'minimal');

describe('kitpress check', () => {
  it('passes on the default content, every handout laid out, and reports reading grades', () => {
    // The cache of the test run's build of the default content: check lays out through the same cache.
    const run = runCli(['check', '--content', defaultContent, '--cache', join(repoRoot, 'test/output/cache')]);
    expect(run.stderr).toMatch(/^0 error\(s\)/m);
    expect(run.stderr).toMatch(/^Laid out \d+ handouts: /m);
    expect(run.stderr).toMatch(/en\/signs\.md\s+grade\s+\d/);
    expect(run.code).toBe(0);
  });

  it.each(badFixtures)('exits 1 with a file:line:col message on %s, and no stack trace', (name) => {
    const run = runCli(['check', '--content', join(fixtures, 'core', name, 'content')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/content\/(en\/[\w.-]+|kitpress\.yaml):\d+:\d+ {2}error {2}.+ {2}[a-z0-9-]+$/m);
    expect(run.stderr).toContain('hint: ');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('kitpress build', () => {
  it('builds a content folder from outside the repository into --out', () => {
    const work = mkdtempSync(join(tmpdir(), 'kitpress-cli-'));
    cpSync(join(fixtures, 'core', 'minimal', 'content'), join(work, 'my content'), { recursive: true });
    const out = join(work, 'site out');
    const run = runCli(['build', '--content', join(work, 'my content'), '--out', out, '--cache', join(work, 'cache')], work);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/read content\s+\d+\.\d+ s/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'signs', 'index.html'))).toBe(true);
  });

  it('leaves the previous output untouched when the content has errors', () => {
    const work = mkdtempSync(join(tmpdir(), 'kitpress-cli-'));
    const out = join(work, 'dist');
    mkdirSync(out);
    // A previous Kitpress output (it carries the marker; a folder without it is refused, see test/pipeline).
    writeFileSync(join(out, '.kitpress-output.json'), '{"generator":"kitpress","version":"0.1.0","content":"content"}');
    writeFileSync(join(out, 'previous.txt'), 'good output');
    const run = runCli(['build', '--content', join(fixtures, 'core', 'hotline-unknown', 'content'), '--out', out], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('hotline-unknown');
    expect(run.stderr).toContain('previous output was left as it was');
    expect(readFileSync(join(out, 'previous.txt'), 'utf8')).toBe('good output');
    expect(readdirSync(work).sort()).toEqual(['dist']);
  });

  it('says what is wrong when the content folder does not exist', () => {
    const run = runCli(['check', '--content', '/nonexistent/kit']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No kitpress.yaml');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('kitpress --help', () => {
  it('documents every command and option', () => {
    const run = runCli(['--help']);
    for (const word of ['build', 'check', 'status', '--content', '--out']) expect(run.stdout).toContain(word);
    const build = runCli(['build', '--help']);
    for (const word of ['--out', '--cache', '--workers', '--quiet']) expect(build.stdout).toContain(word);
  });

  it('rejects an unknown command as a usage error (exit 2) with a hint', () => {
    const run = runCli(['publish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "publish"');
    expect(run.stderr).toContain('kitpress --help');
  });
});
