// A build runs in a child process whose C allocator (glibc's malloc) is told to give memory back.
// Note: plain JavaScript, as it runs before anything that strips TypeScript.
import { spawn } from 'node:child_process';

/**
 * glibc's malloc settings a build runs with (an adopter's own settings win).
 * Note: a build's threads (the PDF workers, the thread Astro runs in at scale, libuv's zlib
 * threads) each malloc in an arena of their own, and memory freed there stayed in the process
 * after the thread ended: at 20 locales x 50 pages about 290 MB more at the kit stage than a
 * build whose earlier stages came from the cache. Two arenas, and large blocks always mapped
 * (so freeing one gives it back), measured there with the kit page store written as it goes:
 * build process 987 -> 813 MB peak, the website stage 799 -> 685 MB, the PDF stage 828 -> 781 MB; same output.
 */
export const MALLOC_SETTINGS = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

/** Set in the child, so it does not start another. */
const CHILD = 'KITPRESS_TUNED_ALLOCATOR';

/**
 * Whether this process should run the command in a child with `MALLOC_SETTINGS`: on Linux
 * (glibc reads them at start, so they cannot be set later), when this is not that child already.
 */
export function wantsTunedChild(env = process.env, platform = process.platform) {
  return platform === 'linux' && env[CHILD] === undefined;
}

/**
 * Runs this command again in a child with `MALLOC_SETTINGS`, passing signals on, and ends this
 * process as the child ended (its exit code, or its signal). Never returns.
 */
export function runInTunedChild(script, argv) {
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], {
    stdio: 'inherit',
    env: { ...MALLOC_SETTINGS, ...process.env, [CHILD]: String(process.pid) },
  });
  // Note: Ctrl-C reaches both processes (one process group); a second SIGINT finds the child already exiting.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`kitpress could not start its build process: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of signals) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
  return new Promise(() => {});
}

/**
 * In the child: ends it when the process that started it is gone (killed with SIGKILL, which
 * cannot be passed on), so no build goes on writing after the command was stopped.
 */
export function endWithParent(env = process.env) {
  if (!Number(env[CHILD])) return;
  const timer = setInterval(() => endIfParentGone(env), 250);
  timer.unref();
}

/**
 * In the child: ends it at once (SIGKILL, as a killed command would have) when the process that
 * started it is gone; does nothing in any other process. A build calls it just before it puts
 * its output in place, so a command killed then leaves the previous output as it was, not the
 * new one put there by a child that had not yet noticed (it checks every 250 ms).
 */
export function endIfParentGone(env = process.env) {
  const parent = Number(env[CHILD]);
  if (parent && process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
}
