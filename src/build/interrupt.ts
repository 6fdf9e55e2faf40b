/**
 * Clean-ups to run when the user interrupts a build (Ctrl-C, SIGTERM). Library code registers
 * them; only the CLI listens for the signals and decides the exit code.
 */
const cleanups = new Set<() => void>();

/** Registers a synchronous clean-up for an interrupt; call the returned function to drop it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered clean-up once (newest first), ignoring their failures. */
export function runInterruptCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Note: an interrupt must still exit; a clean-up that fails leaves a folder the next build removes.
    }
  }
}
