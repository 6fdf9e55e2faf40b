import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.ts';
import { fileURLToPath } from 'node:url';
import { canonicalJson, filesHash, hashOf } from '../core/content-hash.ts';
import type { Toolkit } from '../core/model.ts';
import type { HandoutFile } from '../core/outputs.ts';
import { layoutKit, type KitPlan } from './kit-layout.ts';
import type { MissingTarget } from './resolve-url.ts';
import type { SiteFile } from './site-files.ts';
import type { KitPage, KitPageStore } from './make-kit.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A made kit as the cache keeps it: the zip and what making it reported. */
export interface CachedKit {
  zip: Buffer;
  files: number;
  dropped: string[];
  missing: MissingTarget[];
}

let fingerprint: Promise<string> | undefined;

/** A hash of the kit writer: `src/kit`, `templates/kit`, the core it formats with and the installed packages. */
export function kitFingerprint(): Promise<string> {
  fingerprint ??= filesHash(repoRoot, ['src/kit/**/*', 'templates/kit/**/*', 'src/core/**/*', 'package-lock.json']);
  return fingerprint;
}

/** What a kit is made from. */
export interface KitKeyInput {
  kitCode: string;
  toolkit: Toolkit;
  plan: KitPlan;
  siteFiles: SiteFile[];
  laterFiles: string[];
  handouts: HandoutFile[];
  licences: ReadonlyMap<string, Buffer>;
  time: Date;
  read: (path: string) => Promise<Buffer>;
}

/**
 * The cache key of a kit: a hash of the bytes of every site file it holds, the list of every
 * site file (links to the others go to the hosted site), its locales, handouts and licences,
 * the toolkit's settings and the kit writer. Note: a change in another locale's pages does not
 * touch a single-locale kit.
 */
export async function kitKey(input: KitKeyInput): Promise<string> {
  const { toolkit, plan } = input;
  const { locales: _all, ...settings } = toolkit;
  const codes = new Set(plan.locales.map((l) => l.code));
  const described = canonicalJson({
    settings,
    plan: { id: plan.id, top: plan.top, ui: plan.ui, locales: plan.locales },
    handouts: input.handouts.filter((h) => codes.has(h.locale)),
    siteFiles: input.siteFiles.map((f) => f.path),
    laterFiles: input.laterFiles,
    time: input.time.toISOString(),
  });
  const parts: (string | Uint8Array)[] = [input.kitCode, described];
  for (const [path, bytes] of input.licences) parts.push(path, bytes);
  for (const [sitePath, inKit] of layoutKit(plan, input.siteFiles)) parts.push(sitePath, inKit, await input.read(sitePath));
  return hashOf(...parts);
}

/** A cached kit, or undefined. */
export async function readCachedKit(cacheDir: string, key: string): Promise<CachedKit | undefined> {
  try {
    const record = JSON.parse(await readFile(join(cacheDir, 'kits', `${key}.json`), 'utf8')) as Omit<CachedKit, 'zip'>;
    return { ...record, zip: await readFile(join(cacheDir, 'kits', `${key}.zip`)) };
  } catch {
    return undefined;
  }
}

/** Stores a kit; the zip first, so a record is only found next to its complete zip. */
export async function writeCachedKit(cacheDir: string, key: string, kit: CachedKit): Promise<void> {
  const dir = join(cacheDir, 'kits');
  const { zip, ...record } = kit;
  await writeFileAtomic(join(dir, `${key}.zip`), zip);
  await writeFileAtomic(join(dir, `${key}.json`), JSON.stringify(record));
}

/**
 * The pages of kits rewritten by earlier builds, under `<cacheDir>/kits/pages/`, by the kit
 * writer's fingerprint and the key `makeKit` gives (the page, its place in the kit, the site's files).
 */
export function openKitPageStore(cacheDir: string, kitCode: string): KitPageStore {
  const file = (key: string) => join(cacheDir, 'kits', 'pages', `${hashOf(kitCode, key)}.json`);
  return {
    async get(key) {
      try {
        return JSON.parse(await readFile(file(key), 'utf8')) as KitPage;
      } catch {
        return undefined;
      }
    },
    set: (key, page) => writeFileAtomic(file(key), JSON.stringify(page)),
  };
}
