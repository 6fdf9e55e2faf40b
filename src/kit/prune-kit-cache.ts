import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * How long a cached file nobody used stays: a build beside this one with the same cache folder
 * (another output, or `kitpress check`) may be about to use a file this build did not.
 */
export const UNUSED_KEPT_MS = 60 * 60 * 1000;

/** A file the kit caches name by a key: 64 hex digits and an extension. */
const KEYED = /^[0-9a-f]{64}\.(zip|json|deflate)$/;

/** Marks a cached file as used now, so no other build prunes it in the next `UNUSED_KEPT_MS`. */
export async function markUsed(file: string): Promise<void> {
  const now = new Date();
  await utimes(file, now, now).catch(() => undefined);
}

/**
 * Removes the keyed files of `dir` (see `KEYED`) that are not in `used` (file names) and were
 * last written or used longer than `UNUSED_KEPT_MS` ago; gives how many went. Other files are
 * left alone, and a file that cannot be removed is left for the next build.
 * Note: run once a kit stage has written everything; without it every build's kits stayed in the
 * cache (about 3.5 MB a build of the default content's 6 kits, 111 MB after 30 edits).
 */
export async function pruneUnused(dir: string, used: ReadonlySet<string>, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!KEYED.test(name) || used.has(name)) continue;
    const file = join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs < UNUSED_KEPT_MS) continue;
    await rm(file, { force: true }).then(() => (removed += 1), () => undefined);
  }
  return removed;
}
