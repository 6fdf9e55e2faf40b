import { tempDir } from '../helpers/temp-dir.ts';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixtures, repoRoot } from '../helpers/paths.ts';

/** Packages that cost seconds to load; a command loads them only when it needs them. */
const HEAVY = ['astro', 'vite', '@react-pdf/renderer', '@react-pdf/layout', 'tsx', 'esbuild', 'retext-english', 'micromark'];

/** Runs `kitpress <args>` and gives the packages it loaded, by name, recorded by a resolve hook. */
function loadedPackages(args: string[], work = tempDir('start')): { code: number | null; stderr: string; stdout: string; packages: Set<string> } {
  const record = join(work, 'loaded.txt');
  const hook = join(work, 'hook.mjs');
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); appendFileSync(${JSON.stringify(record)}, r.url + '\\n'); return r; } });`,
  );
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, join(repoRoot, 'scripts/kitpress.mjs'), ...args], { cwd: work, encoding: 'utf8' });
  const urls = existsSync(record) ? readFileSync(record, 'utf8').split('\n') : [];
  const packages = new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));
  return { code: run.status, stderr: run.stderr, stdout: run.stdout, packages };
}

describe('start-up', () => {
  it.each([['--help'], ['--version'], ['build', '--help']])('kitpress %s loads none of Astro, react-pdf, Workbox, tsx or the Markdown reader', (...args) => {
    const run = loadedPackages(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/kitpress/);
    expect(HEAVY.filter((name) => run.packages.has(name))).toEqual([]);
  });

  it('kitpress check on a folder without kitpress.yaml says so before loading the Markdown reader', () => {
    const run = loadedPackages(['check', '--content', 'no-such-folder']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No kitpress.yaml');
    // Nor the YAML parser and zod, which only a config file needs.
    expect([...HEAVY, 'yaml', 'zod'].filter((name) => run.packages.has(name))).toEqual([]);
  });

  // The machine's own Node (20 here), when there is one that is too old to strip types.
  const systemNode = '/usr/bin/node';
  const oldNode = existsSync(systemNode) && Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) < 22;
  it.runIf(oldNode)('run with a Node older than 22.18, says which Node it needs in one line, without a stack trace', () => {
    const run = spawnSync(systemNode, [join(repoRoot, 'scripts/kitpress.mjs'), '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^kitpress needs Node 22\.18 or newer \(this is Node \d+\.\d+\.\d+\)\. .*npm run build.*\n$/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('renders handouts in the main thread (--workers 0), where the JSX templates are compiled by esbuild only then, without tsx', () => {
    const work = tempDir('start');
    cpSync(join(fixtures, 'pdf-reference', 'content'), join(work, 'content'), { recursive: true });
    const run = loadedPackages(['build', '--content', 'content', '--out', 'out', '--cache', 'cache', '--workers', '0'], work);
    expect(run.packages.has('esbuild')).toBe(true);
    // tsx's loader thread would slow every later import (Astro's) of the build.
    expect(run.packages.has('tsx')).toBe(false);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/\d+ handouts: \d+ rendered \(in this thread\)/);
    const pdfs = readdirSync(join(work, 'out', 'pdf'), { recursive: true }).filter((f) => String(f).endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    expect(readFileSync(join(work, 'out', 'pdf', String(pdfs[0]))).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
