import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

/** Every file under `dir` with its bytes, by relative path. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name))]));
}

/** Paths whose bytes differ between two trees, or that only one has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => !a.get(path) || !b.get(path) || !a.get(path)!.equals(b.get(path)!)).sort();
}

function build(work: string, out: string, cache: string): string {
  const run = runCli(['build', '--content', 'content', '--out', out, '--cache', cache], work);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.code, run.stderr).toBe(0);
  return run.stderr;
}

const pagesLine = (stderr: string) => /(\d+) pages in (?:\d+) language\(s\): (\d+) built by Astro, (\d+) from the page cache/.exec(stderr);
const languages = (stderr: string) => Number(/pages in (\d+) language\(s\)/.exec(stderr)?.[1]);
const handoutsLine = (stderr: string) => /(\d+) handouts: (\d+) rendered/.exec(stderr);
const parsedLine = (stderr: string) => /(\d+) pages: (\d+) parsed, (\d+) unchanged/.exec(stderr);

describe('rebuilds', () => {
  const work = mkdtempSync(join(tmpdir(), 'kitpress-incremental-'));
  cpSync(join(fixtures, 'site-multilingual'), join(work, 'content'), { recursive: true });
  const first = build(work, 'out', 'cache');
  const clean = tree(join(work, 'out'));

  it('redo nothing when nothing changed, and give the same bytes', () => {
    const again = build(work, 'out', 'cache');
    expect(pagesLine(again)?.[2]).toBe('0');
    expect(handoutsLine(again)?.[2]).toBe('0');
    // Not even the Markdown is parsed again.
    expect(parsedLine(again)?.[2]).toBe('0');
    expect(parsedLine(first)?.[3]).toBe('0');
    expect(differences(clean, tree(join(work, 'out')))).toEqual([]);
    expect(pagesLine(first)?.[3]).toBe('0');
  }, 300_000);

  it('redo only what an English paragraph change touches, with the bytes of a clean build', () => {
    const page = join(work, 'content', 'en', 'signs.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Trust your *instincts*, and **talk**.', 'Trust your *instincts*, and **talk** with them.'));
    const rebuilt = build(work, 'out', 'cache');
    const [, pages, built] = pagesLine(rebuilt)!.map(Number);
    // The page itself, its fallback copies in the locales that do not translate it, and the pages that list its handouts.
    expect(built).toBeGreaterThan(0);
    expect(built).toBeLessThan(pages!);
    // At most the page and a downloads page in each language, and the not-found page: the other pages
    // link the English search index too, whose name changed, but come from the cache.
    expect(built).toBeLessThanOrEqual(2 * languages(rebuilt) + 1);
    expect(parsedLine(rebuilt)?.[2]).toBe('1');
    const [, handouts, rendered] = handoutsLine(rebuilt)!.map(Number);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(handouts!);
    const incremental = tree(join(work, 'out'));
    expect(differences(clean, incremental).length).toBeGreaterThan(0);

    build(work, 'clean-out', 'clean-cache');
    expect(differences(tree(join(work, 'clean-out')), incremental)).toEqual([]);
  }, 600_000);
});
