import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtDefault, fixtures, repoRoot } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import { removeTempDirs, tempDir } from '../kit/temp-dirs.ts';
import { htmlFiles } from './site-tools.ts';

afterAll(removeTempDirs);

/** Runs `kitpress <args>` in `cwd` without blocking, so two can run at once. */
function cliAsync(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/kitpress.mjs'), ...args], { cwd, env: { ...process.env, KITPRESS_DEBUG: '' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Files under `dir` changed since `since` (ms), skipping what tests themselves write. */
async function changedSince(dir: string, since: number, skip: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const rel = relative(dir, path);
    if (skip.some((s) => rel === s || rel.startsWith(`${s}/`))) continue;
    const info = await stat(path).catch(() => undefined);
    if (info && info.mtimeMs > since) found.push(rel);
  }
  return found;
}

describe('Kitpress as an Astro integration', () => {
  it('builds two content folders at once, from outside Kitpress, writing nothing into the Kitpress folder', { timeout: 900_000 }, async () => {
    const work = await tempDir('kp-two-builds-');
    const started = Date.now() - 1000;
    const init = runCli(['init', join(work, 'starter'), '--title', 'Two at once', '--org', 'Test Group'], work);
    expect(init.code, init.stderr).toBe(0);
    const [a, b] = await Promise.all([
      cliAsync(['build', '--content', 'starter', '--out', 'site-a', '--cache', 'cache', '--quiet'], work),
      cliAsync(['build', '--content', join(fixtures, 'site-multilingual'), '--out', 'site-b', '--cache', 'cache', '--quiet'], work),
    ]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    expect(await readFile(join(work, 'site-a/index.html'), 'utf8')).toContain('– Two at once</title>');
    expect(await readFile(join(work, 'site-b/index.html'), 'utf8')).toContain('/help-kit/');
    // Astro's working files went into the cache, and were removed.
    expect(await readdir(join(work, 'cache/astro')).catch(() => [])).toEqual([]);
    const changed = await changedSince(repoRoot, started, ['.git', 'test/output', '.kitpress-cache', 'dist']);
    expect(changed).toEqual([]);
  });

  it('gives the same site with `astro build` in the Kitpress folder as with `kitpress build`', { timeout: 900_000 }, async () => {
    const out = await tempDir('kp-astro-build-');
    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], { cwd: repoRoot, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
      let output = '';
      child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
      child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
      child.on('exit', (code) => resolve({ code, output }));
    });
    expect(run.code, run.output).toBe(0);
    const pages = await htmlFiles(builtDefault);
    expect(await htmlFiles(out)).toEqual(pages);
    for (const page of pages) {
      expect(await readFile(join(out, page), 'utf8'), page).toBe(await readFile(join(builtDefault, page), 'utf8'));
    }
  });
});
