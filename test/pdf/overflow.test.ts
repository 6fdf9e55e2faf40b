import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

const parent = mkdtempSync(join(tmpdir(), 'kitpress-overflow-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('a handout over its page budget', () => {
  it('fails the build with handout-overflow at the line that no longer fits, and leaves the old output alone', () => {
    const out = join(parent, 'site');
    // The output of an earlier, good build.
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.html'), '<p>previous build</p>');
    // Kitpress replaces only a folder it made: the earlier build left its marker.
    writeFileSync(join(out, '.kitpress-output.json'), '{"generator":"kitpress","version":"0.1.0","content":"test/fixtures/overflow"}');

    const run = runCli(['build', '--content', 'test/fixtures/overflow', '--out', out, '--cache', join(parent, 'cache')]);

    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('handout-overflow');
    // Handout, locale, paper, the 11 pt floor and how much is over.
    expect(run.stderr).toContain('The handout "long-checklist" (en, letter) does not fit its budget of 1 page(s) at 11 pt');
    expect(run.stderr).toContain('The handout "long-checklist" (en, a4) does not fit its budget of 1 page(s) at 11 pt');
    expect(run.stderr).toMatch(/about \d+ pt of text \(\d+ lines\) too many/);
    expect(run.stderr).toContain('Body text never goes below 11 pt.');
    const place = /overflow\/en\/signs\.md:(\d+):(\d+)/.exec(run.stderr);
    expect(place, run.stderr).not.toBeNull();
    // The place is the first checklist item past the budget, not the top of the file.
    const line = readFileSync(join(fixtures, 'overflow/en/signs.md'), 'utf8').split('\n')[Number(place![1]) - 1];
    expect(line).toMatch(/^- Item \d+:/);

    expect(readdirSync(out).sort()).toEqual(['.kitpress-output.json', 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>previous build</p>');
    expect(readdirSync(parent).filter((name) => name.includes('building'))).toEqual([]);
  });
});
