import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.ts';

const script = join(repoRoot, 'scripts/kitpress.mjs');

/** What a run printed and how it ended. */
export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
}

/** Runs `kitpress <args>` under a given umask (through /bin/sh, as a shell user would). */
export function kitpress(args: string[], options: { cwd: string; umask?: string; env?: Record<string, string> }): Run {
  const result = spawnSync('/bin/sh', ['-c', `umask ${options.umask ?? '022'} && exec "$0" "$@"`, process.execPath, script, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, KITPRESS_DEBUG: '', ...options.env },
  });
  return { code: result.status, signal: result.signal, stderr: result.stderr, stdout: result.stdout };
}

/** Starts `kitpress <args>` in the background; `done` resolves when it exits. */
export function startKitpress(args: string[], cwd: string) {
  const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, KITPRESS_DEBUG: '' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const done = new Promise<Run>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr, stdout: '' })));
  return { child, done, stderr: () => stderr };
}
