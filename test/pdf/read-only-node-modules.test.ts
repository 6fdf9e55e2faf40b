import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, repoRoot } from '../helpers/paths.ts';
import { allNodes, structTrees } from './pdf-structure.ts';

// The project's own files, copied; node_modules is the worktree's, made unwritable for the builder.
const PROJECT_FILES = ['src', 'templates', 'scripts', 'package.json', 'tsconfig.json', 'astro.config.mjs', 'LICENSE'];
const asRoot = process.getuid?.() === 0;
const work = mkdtempSync(join(tmpdir(), 'kitpress-ro-'));

afterAll(() => {
  if (!asRoot) execFileSync('chmod', ['-R', 'u+w', work]);
  rmSync(work, { recursive: true, force: true });
});

/**
 * Builds a fixture from a copy of the project whose node_modules the build cannot write to.
 * Note: root ignores file modes, so as root the build runs as `nobody`, for whom the
 * worktree's root-owned node_modules is read-only; otherwise a copy of node_modules is made
 * read-only with `chmod -R a-w`.
 */
function buildReadOnly(): { code: number | null; output: string; out: string } {
  const project = join(work, 'project');
  for (const file of PROJECT_FILES) cpSync(join(repoRoot, file), join(project, file), { recursive: true });
  const modules = join(project, 'node_modules');
  if (asRoot) symlinkSync(join(repoRoot, 'node_modules'), modules);
  else {
    cpSync(join(repoRoot, 'node_modules'), modules, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a-w', modules]);
  }
  const out = join(work, 'out');
  const args = ['scripts/kitpress.mjs', 'build', '--content', join(fixtures, 'pdf-reference/content'), '--out', out, '--cache', join(work, 'cache'), '--quiet'];
  const env = { ...process.env, HOME: work, KITPRESS_DEBUG: '' };
  if (asRoot) execFileSync('chown', ['-R', 'nobody', work]);
  const run = asRoot
    ? spawnSync('runuser', ['-u', 'nobody', '--', 'env', `HOME=${work}`, process.execPath, ...args], { cwd: project, encoding: 'utf8', env })
    : spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', env });
  return { code: run.status, output: `${run.stdout}${run.stderr}`, out };
}

describe('a build with a read-only node_modules', () => {
  it('succeeds and prints tagged PDFs', { timeout: 240_000 }, async () => {
    if (asRoot) {
      // The premise: nobody cannot write into the worktree's node_modules.
      const probe = spawnSync('runuser', ['-u', 'nobody', '--', 'touch', join(repoRoot, 'node_modules/@react-pdf/render/lib/probe')]);
      expect(probe.status).not.toBe(0);
    }
    const { code, output, out } = buildReadOnly();
    expect(output).not.toMatch(/error/i);
    expect(code).toBe(0);
    const pdfs = readdirSync(join(out, 'pdf'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    const { trees } = await structTrees(join(out, 'pdf', pdfs[0]!));
    const roles = new Set(allNodes(trees).map((node) => node.role));
    expect(roles.has('H1') || roles.has('H2')).toBe(true);
    expect(roles.has('P') || roles.has('L')).toBe(true);
    expect(readdirSync(join(repoRoot, 'node_modules/@react-pdf/render/lib')).filter((f) => f.includes('kitpress'))).toEqual([]);
  });
});
