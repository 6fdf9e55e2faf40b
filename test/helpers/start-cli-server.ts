import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

/** A `kitpress dev` or `kitpress preview` started as a user would, on a free port. */
export interface CliServer {
  /** The address it printed, e.g. `http://127.0.0.1:41234/safer-online/`. */
  url: string;
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** True while the process runs. */
  alive(): boolean;
  stop(): Promise<void>;
}

/** Starts `kitpress <args> --port 0` and waits for the line with its address. */
export async function startCliServer(args: string[], timeoutMs = 240_000): Promise<CliServer> {
  // Note: started as a user would, without vitest's variables: with VITEST set, Astro's dev server
  // serves no pages, and NODE_ENV=test turns its reloading off.
  const { VITEST: _vitest, NODE_ENV: _env, VITEST_WORKER_ID: _worker, VITEST_POOL_ID: _pool, ...env } = process.env;
  const child = spawn(process.execPath, [join(repoRoot, 'scripts/kitpress.mjs'), ...args, '--port', '0'], { cwd: repoRoot, env: { ...env, KITPRESS_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let exited = false;
  child.stdout.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  child.on('exit', () => { exited = true; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No address after ${timeoutMs} ms:\n${text}`)), timeoutMs);
    const look = () => {
      const found = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kitpress ${args[0]} ended with ${code} before serving:\n${text}`));
    });
  });
  return {
    url,
    process: child,
    output: () => text,
    alive: () => !exited,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
