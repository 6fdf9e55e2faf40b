import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';

/** A held lock on one output folder; `release` removes it. */
export interface OutputLock {
  path: string;
  release(): void;
}

/**
 * Takes the lock file beside an output folder, so two builds into one `--out` never swap at
 * once: the second waits (saying so once) until the first ends, up to `timeoutMs`, then refuses.
 * A lock left by a process that no longer runs is taken over.
 */
export async function lockOutput(path: string, options: { timeoutMs?: number; onWait?: (pid: number) => void } = {}): Promise<OutputLock> {
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
      closeSync(fd);
      return { path, release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    const stale = holder === undefined ? ageMs(path) > 5000 : !isRunning(holder);
    if (stale) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new KitpressError(`Another build (process ${holder ?? 'unknown'}) is still writing this output folder.`, `Wait for it to finish, or stop it. If no build is running, delete ${path}.`);
    }
    if (!told && holder !== undefined) {
      options.onWait?.(holder);
      told = true;
    }
    await sleep(200);
  }
}

function readHolder(path: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    // Being written this very moment, or not ours: treat as held.
    return undefined;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** True when a process with this id runs (EPERM: it runs as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
