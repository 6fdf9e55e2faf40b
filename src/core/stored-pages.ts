import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeFileAtomic } from './write-atomic.ts';
import { deserialize, serialize } from 'node:v8';
import { filesHash, hashOf } from './content-hash.ts';
import type { PageCache, PageCacheEntry } from './read-pages.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The parsed pages of earlier builds, kept in the cache folder between builds. */
export interface StoredPages {
  /** What `readToolkit` takes: an unchanged page (same text) is not parsed again. */
  cache: PageCache;
  /** Writes the pages this read used back, when any of them changed. */
  save(): Promise<void>;
  /** How many pages the read asked for, and how many of them it parsed (the rest came from the cache). */
  counts(): { read: number; parsed: number };
}

/** The pages cache of a build: a Map that records which files the read asked for. */
class UsedMap extends Map<string, PageCacheEntry> {
  readonly used = new Set<string>();
  readonly parsed = new Set<string>();
  onChanged: (() => void) | undefined;

  override get(file: string) {
    this.used.add(file);
    return super.get(file);
  }

  override set(file: string, value: PageCacheEntry) {
    this.parsed.add(file);
    // Parsed again, not for the first time: its text changed since the build that stored it.
    if (this.has(file)) this.onChanged?.();
    return super.set(file, value);
  }
}

/**
 * Opens `<cacheDir>/content/<fingerprint>.bin`: the parsed pages (model blocks, front matter and
 * the reports of each) of the last build, with the text each was parsed from. The fingerprint
 * hashes the reader's code (`src/core`), the installed packages and the V8 version, so a changed
 * reader never reuses a page it parsed. Note: V8's serializer, not JSON, keeps Sets and
 * properties set to undefined as they were. `onChanged` is called each time a stored page is
 * parsed again, its text having changed (not for a page new to the cache).
 */
export async function openStoredPages(cacheDir: string, options: { onChanged?: () => void } = {}): Promise<StoredPages> {
  const fingerprint = hashOf(await filesHash(repoRoot, ['src/core/**/*', 'package-lock.json']), process.versions.v8);
  const folder = join(cacheDir, 'content');
  const file = join(folder, `${fingerprint.slice(0, 32)}.bin`);
  const cache = new UsedMap();
  const stored = await readStored(file);
  for (const [name, entry] of stored) Map.prototype.set.call(cache, name, entry);
  cache.onChanged = options.onChanged;
  return {
    cache,
    counts: () => ({ read: cache.used.size, parsed: cache.parsed.size }),
    async save() {
      const kept = [...cache].filter(([name]) => cache.used.has(name));
      if (cache.parsed.size === 0 && kept.length === stored.length) return;
      await writeFileAtomic(file, serialize(kept));
    },
  };
}

/** The stored entries, or none when the file is missing or damaged (then the pages are parsed again). */
async function readStored(file: string): Promise<[string, PageCacheEntry][]> {
  try {
    const value: unknown = deserialize(await readFile(file));
    return Array.isArray(value) ? (value as [string, PageCacheEntry][]) : [];
  } catch {
    return [];
  }
}
