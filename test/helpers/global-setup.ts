import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { builtDefault, defaultContent, repoRoot } from './paths.ts';

/**
 * Builds the default content once, through the real CLI, before any test file runs.
 * Tests of the site, the PDFs and the kits read this output as a person would meet it.
 */
export default function setup(): void {
  if (process.env.KITPRESS_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [join(repoRoot, 'scripts/kitpress.mjs'), 'build', '--content', defaultContent, '--out', builtDefault, '--cache', join(repoRoot, 'test/output/cache'), '--quiet'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
