import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('a character that no font covers', () => {
  it('fails the build, naming the file, the line and the character', () => {
    const work = mkdtempSync(join(tmpdir(), 'kitpress-glyph-'));
    const run = runCli(['build', '--content', join(fixtures, 'core', 'glyph-missing', 'content'), '--out', join(work, 'out'), '--cache', join(work, 'cache')], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/en\/signs\.md:13:1 {2}error {2}1 character is in none of the fonts a "en" handout can embed \([^)]*\): "🙂" \(U\+1F642\)/);
    expect(run.stderr).toContain('glyph-missing');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('is reported by check, before any build', () => {
    const run = runCli(['check', '--content', join(fixtures, 'core', 'glyph-missing', 'content')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/en\/signs\.md:\d+:\d+ {2}error {2}1 character is in none of the fonts a "en" handout can embed \([^)]*\): "🙂"/);
  });
});
