import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kitpress <args>` as a user would, with the pinned Node. */
export function runCli(args: string[], cwd = repoRoot): CliRun {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/kitpress.mjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, KITPRESS_DEBUG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
