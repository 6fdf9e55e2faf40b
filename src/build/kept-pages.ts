import { readFile } from 'node:fs/promises';
import { hashOf } from '../core/content-hash.ts';
import { writeFileAtomic } from '../core/write-atomic.ts';

/** Rewrites of whole pages, kept between builds by what they were made from (see `openKeptPages`). */
export interface KeptPages {
  /** `rewrite(page)`, or what it gave last time for the same page and `key`. */
  get(key: string, page: string, rewrite: (page: string) => string): Promise<string>;
  /** Writes the file with the rewrites this build used, and only those (when they changed). */
  save(): Promise<void>;
}

/**
 * Page rewrites that parse and serialise a whole page with hast (the offline size and the kit
 * sizes on the downloads pages, 10-20 ms a page), kept in one file, by a hash of the `key` (the
 * writer's fingerprint and the values filled in) and the page. A rebuild whose downloads pages
 * and sizes did not change reads them instead. The file holds only what the last build used, so
 * it does not grow from build to build.
 */
export function openKeptPages(file: string): KeptPages {
  let stored: Promise<Record<string, string>> | undefined;
  const load = () => (stored ??= readFile(file, 'utf8').then((text) => JSON.parse(text) as Record<string, string>).catch(() => ({}) as Record<string, string>));
  const used = new Map<string, string>();
  let made = false;
  return {
    async get(key, page, rewrite) {
      const id = hashOf(key, page);
      const found = used.get(id) ?? (await load())[id];
      if (found !== undefined) {
        used.set(id, found);
        return found;
      }
      const rewritten = rewrite(page);
      used.set(id, rewritten);
      made = true;
      return rewritten;
    },
    async save() {
      const before = await load();
      if (!made && Object.keys(before).length === used.size) return;
      await writeFileAtomic(file, JSON.stringify(Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))));
    },
  };
}
