import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { constants, copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson, hashOf } from '../core/content-hash.ts';
import type { Toolkit } from '../core/model.ts';
import type { HandoutFile, KitFile } from '../core/outputs.ts';
import { writeFileAtomic } from '../core/write-atomic.ts';
import type { SiteFile } from './site-files.ts';
import { markUsed } from './prune-kit-cache.ts';

/** What the kit stage made, as `<cacheDir>/kits/stage.json` keeps it for the next build. */
export interface KitStageRecord {
  key: string;
  kits: (KitFile & { zipKey: string; files: number })[];
  dropped: string[];
}

/**
 * The key of the whole kit stage: every file of the built site the kits may hold (path and
 * bytes), the toolkit's settings and pages apart from their text (which reaches the kits only
 * through the built pages), the handouts, the licences, the time, zlib and the kit writer.
 * Note: only hashes are kept, so the site is not held in memory to make the key; the files are
 * read synchronously, which here takes half the time of reading them through the thread pool.
 */
export async function kitStageKey(input: {
  kitCode: string;
  toolkit: Toolkit;
  handouts: readonly HandoutFile[];
  siteFiles: readonly SiteFile[];
  siteDir: string;
  licences: ReadonlyMap<string, Buffer>;
  time: Date;
}): Promise<string> {
  const { toolkit } = input;
  const settings = { ...toolkit, locales: toolkit.locales.map((locale) => ({ ...locale, pages: locale.pages.map(({ blocks: _blocks, ...page }) => page) })) };
  const hash = createHash('sha256');
  hash.update(hashOf('kit stage', input.kitCode, input.time.toISOString(), `zlib ${process.versions.zlib}`, canonicalJson(settings), canonicalJson(input.handouts)));
  for (const [path, bytes] of [...input.licences].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${path}\0`).update(bytes).update('\0');
  const files = input.siteFiles.filter((file) => file.role.kind !== 'excluded');
  for (const file of files) {
    const digest = createHash('sha256').update(readFileSync(join(input.siteDir, file.path))).digest('hex');
    hash.update(`${file.path}\0${JSON.stringify(file.role)}\0${digest}\0`);
  }
  return hash.digest('hex');
}

const recordFile = (cacheDir: string) => join(cacheDir, 'kits', 'stage.json');

/** The last kit stage's record, or undefined. */
export async function readKitStage(cacheDir: string): Promise<KitStageRecord | undefined> {
  try {
    return JSON.parse(await readFile(recordFile(cacheDir), 'utf8')) as KitStageRecord;
  } catch {
    return undefined;
  }
}

/** Keeps what this kit stage made, for the next build (written after every zip it names). */
export async function writeKitStage(cacheDir: string, record: KitStageRecord): Promise<void> {
  await writeFileAtomic(recordFile(cacheDir), JSON.stringify(record));
}

/**
 * Copies the zips a record names into `<outDir>` from the zip cache. False when one is missing
 * or not the size the record says (then the stage runs).
 * Note: a cached zip is written once, atomically, under a key of everything it was made from, so
 * its size is checked, not its bytes hashed again (15 ms for the default kits).
 */
export async function restoreKitStage(cacheDir: string, outDir: string, record: KitStageRecord): Promise<boolean> {
  await mkdir(join(outDir, 'kits'), { recursive: true });
  const restored = await Promise.all(
    record.kits.map(async (kit) => {
      const from = join(cacheDir, 'kits', `${kit.zipKey}.zip`);
      if ((await stat(from).catch(() => undefined))?.size !== kit.bytes) return false;
      await Promise.all([markUsed(from), markUsed(join(cacheDir, 'kits', `${kit.zipKey}.json`))]);
      await copyFile(from, join(outDir, kit.path), constants.COPYFILE_FICLONE);
      return (await stat(join(outDir, kit.path))).size === kit.bytes;
    }),
  );
  return restored.every(Boolean);
}
