import { mkdtemp, rename, rm, mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** A staging folder beside the output; `commit` swaps it in, `discard` removes it. */
export interface Staging {
  dir: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Creates a staging folder next to `outDir` (same file system, so the swap is a rename).
 * A failed build discards it, and the previous output is never touched.
 */
export async function createStaging(outDir: string): Promise<Staging> {
  const target = resolve(outDir);
  await mkdir(dirname(target), { recursive: true });
  const dir = await mkdtemp(join(dirname(target), `.${basename(target)}-building-`));
  return {
    dir,
    async commit() {
      const old = `${target}.old-${process.pid}`;
      const exists = await stat(target).then(() => true, () => false);
      if (exists) await rename(target, old);
      await rename(dir, target);
      if (exists) await rm(old, { recursive: true, force: true });
    },
    discard: () => rm(dir, { recursive: true, force: true }),
  };
}
