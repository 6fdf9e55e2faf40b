import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.ts';
import { openJsonEntries, type JsonEntriesWriter } from './write-json-entries.ts';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from './checksums.ts';
import type { ZipBytes } from './deterministic-zip.ts';
import { hashOf } from '../core/content-hash.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import type { MissingTarget } from './resolve-url.ts';
import type { KitPage, KitPageStore } from './make-kit.ts';
import { markUsed } from './prune-kit-cache.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What making a kit reported, as the cache keeps it beside the kit's zip (`cachedZipPath`). */
export interface CachedKit {
  files: number;
  dropped: string[];
  missing: MissingTarget[];
}

let fingerprint: Promise<string> | undefined;

/**
 * A hash of the kit writer: `src/kit`, `templates/kit`, the core it formats with and the installed packages.
 * Note: read synchronously, as `filesHash` does it but in a third of the time (it leads a no-op kit stage).
 */
export function kitFingerprint(): Promise<string> {
  fingerprint ??= Promise.resolve().then(() => {
    const files = globSync(['src/kit/**/*', 'templates/kit/**/*', 'src/core/**/*', 'package-lock.json'], { cwd: repoRoot }).sort();
    const hash = createHash('sha256');
    for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(repoRoot, file))).update('\0');
    return hash.digest('hex');
  });
  return fingerprint;
}

/**
 * The cache key of a kit zip: a hash of every file it holds (path and bytes), its top folder,
 * its time and the kit writer. Note: that is all a zip is made from, so a kit whose files did not
 * change is found whatever else changed in the toolkit.
 */
export function zipKey(kitCode: string, top: string, time: Date, files: ReadonlyMap<string, ZipBytes>): string {
  const parts = [kitCode, top, time.toISOString()];
  for (const path of [...files.keys()].sort()) parts.push(path, sha256Hex(files.get(path)!));
  return hashOf(...parts);
}

/** A made kit as the kit stage holds it: the zip stays in the cache folder (`cachedZipPath`), only its size in memory. */
export type KitRecord = CachedKit & { bytes: number };

/** The cached zip of a key. */
export function cachedZipPath(cacheDir: string, key: string): string {
  return join(cacheDir, 'kits', `${key}.zip`);
}

/** A cached kit's record and its zip's size (the zip is not read), or undefined. */
export async function readCachedKit(cacheDir: string, key: string): Promise<KitRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(join(cacheDir, 'kits', `${key}.json`), 'utf8')) as CachedKit;
    const bytes = (await stat(cachedZipPath(cacheDir, key))).size;
    await Promise.all([markUsed(cachedZipPath(cacheDir, key)), markUsed(join(cacheDir, 'kits', `${key}.json`))]);
    return { ...record, bytes };
  } catch {
    return undefined;
  }
}

/**
 * Stores a kit: `writeZip` writes its zip to the path it is given (and gives its size), then its
 * record is written, so a record is only found next to its complete zip.
 */
export async function writeCachedKit(cacheDir: string, key: string, record: CachedKit, writeZip: (path: string) => Promise<number>): Promise<number> {
  const bytes = await writeZip(cachedZipPath(cacheDir, key));
  await writeFileAtomic(join(cacheDir, 'kits', `${key}.json`), JSON.stringify(record));
  return bytes;
}

/**
 * The pages of kits rewritten by earlier builds, in one file, `<cacheDir>/kits/pages.json`, by the
 * kit writer's fingerprint and the key `makeKit` gives (the page, its place in the kit, the site's files).
 * It is read at the first page asked for. Each page this build uses (found or set) is written to the
 * next file as it comes, so no page is held for it; `save` puts that file in place once every kit
 * has its pages, and `close` drops it when the build stops before.
 * Note: one file a page cost a write (folder, temporary file, rename) for each of 142 pages, about
 * 0.3 CPU-s of a cold kit stage; the one file is 2.7 MB for the default kits, 64 MB at 20 locales x 50 pages.
 */
export function openKitPageStore(cacheDir: string, kitCode: string): KitPageStore & { save(): Promise<void>; close(): Promise<void> } {
  const file = join(cacheDir, 'kits', 'pages.json');
  let stored: Promise<Record<string, KitPage>> | undefined;
  const load = () => (stored ??= readFile(file, 'utf8').then((text) => JSON.parse(text) as Record<string, KitPage>).catch(() => ({}) as Record<string, KitPage>));
  let next: JsonEntriesWriter | undefined;
  const written = new Set<string>();
  let added = false;
  const keep = async (id: string, page: KitPage) => {
    if (written.has(id)) return;
    written.add(id);
    await (next ??= openJsonEntries(file)).add(id, page);
  };
  return {
    async get(key) {
      const id = hashOf(kitCode, key);
      // Note: a page this build set is not held here; `KitPages` keeps the copies it makes ahead, so it does not ask for one again.
      const page = (await load())[id];
      if (page) await keep(id, page);
      return page;
    },
    async set(key, page) {
      added = true;
      await keep(hashOf(kitCode, key), page);
    },
    async save() {
      const before = await load();
      stored = Promise.resolve({});
      const writer = next ?? openJsonEntries(file);
      next = undefined;
      // Unchanged when every page came from it and it holds no others.
      if (!added && Object.keys(before).length === written.size) await writer.discard();
      else await writer.commit();
      written.clear();
    },
    async close() {
      await next?.discard();
      next = undefined;
    },
  };
}
