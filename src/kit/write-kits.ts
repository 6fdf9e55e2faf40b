import { constants, copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import { kitPath, type HandoutFile, type KitFile } from '../core/outputs.ts';
import type { WriterContext } from '../build/writer-context.ts';
import { buildTime, CompressedFiles, writeDeterministicZip, zipSize, type ZipBytes } from './deterministic-zip.ts';
import { planKits } from './kit-layout.ts';
import { formatBytes } from '../core/format.ts';
import { licenceFiles } from './licence-files.ts';
import { makeKit, withKitSizes, type KitContents } from './make-kit.ts';
import { KitPages, kitScope } from './kit-pages.ts';
import type { MissingTarget } from './resolve-url.ts';
import { listSiteFiles } from './site-files.ts';
import { kitFingerprint, openKitPageStore, readCachedKit, writeCachedKit, zipKey, cachedZipPath, type KitRecord } from './kit-cache.ts';
import { kitSizeText } from './kit-sizes.ts';
import { kitStageKey, readKitStage, restoreKitStage, writeKitStage } from './kit-stage-cache.ts';
import { pruneUnused } from './prune-kit-cache.ts';

/** Rounds of zipping after which the kit sizes shown inside the kits are taken as they are. */
const MAX_SIZE_ROUNDS = 6;

/** The kit sizes as the downloads pages print them, in every language: equal text, equal pages. */
function printedSizes(toolkit: WriterContext['toolkit'], sizes: readonly KitFile[]): string {
  return JSON.stringify(sizes.map((kit) => [kit.path, toolkit.locales.map((locale) => kitSizeText(kit.bytes, locale.lang))]));
}

/**
 * Writes the offline kit zips into `<outDir>/kits/`: one per locale and one with every locale.
 * Each holds a copy of the built site that works from file://, the handouts, a start page,
 * the licences and SHA256SUMS; its downloads pages show the size of every kit. Run it after the
 * site (and the service worker) are written. A kit whose files (the sizes shown included) did not
 * change since a build is copied from `<cacheDir>/kits/`.
 */
export async function writeKits(context: WriterContext & { handouts: HandoutFile[] }): Promise<KitFile[]> {
  const { toolkit, outDir, handouts, progress } = context;
  const siteFiles = await listSiteFiles(outDir, toolkit);
  const plans = planKits(toolkit);
  const laterFiles = plans.map((plan) => kitPath(toolkit.name, plan.id));
  const licences = await licenceFiles(toolkit);
  const time = buildTime(toolkit.date);
  const kitCode = await kitFingerprint();
  // The whole stage is skipped when none of its inputs changed: its zips come from the cache as they are.
  const stageKey = await kitStageKey({ kitCode, toolkit, handouts, siteFiles, siteDir: outDir, licences, time });
  const last = await readKitStage(context.cacheDir);
  if (last?.key === stageKey && (await restoreKitStage(context.cacheDir, outDir, last))) {
    for (const kit of last.kits) progress.info(`${kit.path}  ${formatBytes(kit.bytes, 'en')}  ${kit.files} files`);
    progress.info(`${last.kits.length} kits: none of their inputs changed since the last build (from cache)`);
    for (const line of last.dropped) progress.info(`left out of the kits (cannot run from file://): ${line}`);
    return last.kits.map(({ locale, path, bytes }) => ({ locale, path, bytes }));
  }
  // Each page is parsed once for every kit (see `KitPages`), each kit made once for every round, each file compressed once.
  // The kits' files are put aside compressed in the cache folder as they are made, so the kits hold
  // what a zip needs of each file, not its bytes (the site of 20 locales x 50 pages is 96 MB).
  const compressed = new CompressedFiles(join(context.cacheDir, 'kits', 'deflated'));
  const read = (path: string) => readFile(join(outDir, path));
  // A file copied as it is (a PDF, a font, a script) is in the kit of its language and in the kit of every language.
  const copies = new Map<string, Promise<ZipBytes>>();
  const copy = (path: string) => {
    if (!copies.has(path)) copies.set(path, read(path).then((bytes) => compressed.putAside(path, bytes)));
    return copies.get(path)!;
  };
  const putAside = (kitPath: string, bytes: Buffer) => compressed.putAside(kitPath, bytes);
  const made = new Map<string, KitContents>();
  const contents = async (plan: (typeof plans)[number]): Promise<KitContents> => {
    let kit = made.get(plan.id);
    if (!kit) made.set(plan.id, (kit = await makeKit({ toolkit, plan, siteFiles, laterFiles, handouts, read, copy, putAside, licences, kitPages })));
    return kit;
  };
  const kits: KitFile[] = [];
  const dropped = new Set<string>();
  const missing = new Map<string, MissingTarget>();
  await mkdir(join(outDir, 'kits'), { recursive: true });
  const pageStore = openKitPageStore(context.cacheDir, kitCode);
  const kitPages = new KitPages(pageStore);
  for (const plan of plans) kitPages.add(plan.id, kitScope(toolkit, plan, siteFiles, laterFiles));

  // Making the kits rewrites their pages, which the page store writes for the next build as they come:
  // a kit stage that fails there leaves no half-written store behind.
  try {
    for (const plan of plans) await contents(plan);
  } catch (error) {
    await pageStore.close();
    throw error;
  }

  // Each kit's downloads pages show the size of every kit, its own too, which its pages change:
  // sized first without sizes, then again with the sizes the last round gave, until the sizes the
  // pages print are the sizes of the zips. Always from the same start, so the same inputs give the same zips.
  // Note: a round only adds up each zip's size (`zipSize`), from the files' compressed sizes; only the last round's zips are made.
  let shown: KitFile[] | undefined;
  let finalFiles: Map<string, ZipBytes>[] = [];
  let sizes: KitFile[] = [];
  let rounds = 0;
  for (;;) {
    rounds += 1;
    const printed = shown ? printedSizes(toolkit, shown) : '';
    finalFiles = [];
    for (const plan of plans) {
      const kit = await contents(plan);
      finalFiles.push(shown ? withKitSizes(kit, shown) : kit.files);
    }
    const bytes = await Promise.all(plans.map((plan, index) => zipSize(plan.top, finalFiles[index]!, compressed)));
    sizes = plans.map((plan, index) => ({ locale: plan.id, path: kitPath(toolkit.name, plan.id), bytes: bytes[index]! }));
    const settled = shown !== undefined && printedSizes(toolkit, sizes) === printed;
    if (settled || rounds >= MAX_SIZE_ROUNDS) {
      if (!settled) progress.info(`the kit sizes shown inside the kits did not settle in ${rounds} rounds: they may be off by the last digit`);
      break;
    }
    shown = sizes;
  }
  // Every kit has its pages by now: the pages its rewrites used are kept for the next build.
  await pageStore.save();
  // A zip is cached by the files it holds: a kit whose files did not change is not zipped again.
  let reused = 0;
  const keys = plans.map((plan, index) => zipKey(kitCode, plan.top, time, finalFiles[index]!));
  const records: KitRecord[] = [];
  for (const [index, plan] of plans.entries()) {
    const key = keys[index]!;
    let record = await readCachedKit(context.cacheDir, key);
    if (record) reused += 1;
    else {
      const kit = await contents(plan);
      const made = { files: kit.files.size, dropped: [...kit.dropped], missing: kit.missing };
      const bytes = await writeCachedKit(context.cacheDir, key, made, (path) => writeDeterministicZip(path, plan.top, finalFiles[index]!, time, compressed));
      if (bytes !== sizes[index]!.bytes) throw new Error(`The ${plan.id} kit zip has ${bytes} bytes, not the ${sizes[index]!.bytes} its pages show: zipSize no longer matches deterministicZip.`);
      record = { ...made, bytes };
    }
    records.push(record);
  }
  for (const [index, plan] of plans.entries()) {
    const record = records[index]!;
    const path = kitPath(toolkit.name, plan.id);
    record.dropped.forEach((line) => dropped.add(line));
    record.missing.forEach((m) => missing.set(`${m.from} ${m.url}`, m));
    await copyFile(cachedZipPath(context.cacheDir, keys[index]!), join(outDir, path), constants.COPYFILE_FICLONE);
    kits.push({ locale: plan.id, path, bytes: record.bytes });
    progress.info(`${path}  ${formatBytes(record.bytes, 'en')}  ${record.files} files`);
  }
  progress.info(`${plans.length} kits: ${plans.length - reused} zipped, ${reused} from cache (the sizes inside them settled in ${rounds} rounds)`);
  for (const line of [...dropped].sort()) progress.info(`left out of the kits (cannot run from file://): ${line}`);
  if (missing.size > 0) {
    const list = [...missing.values()].map((m) => `  ${m.from}: ${m.url}`).join('\n');
    throw new KitpressError(`The built site links to files it does not have, so the offline kits would have broken links:\n${list}`, 'These links are broken on the website too. Fix the link in the page, or the site template that writes it.');
  }
  const stage = kits.map((kit, index) => ({ ...kit, zipKey: keys[index]!, files: records[index]!.files }));
  await writeKitStage(context.cacheDir, { key: stageKey, kits: stage, dropped: [...dropped].sort() });
  // What no kit of this build holds goes once nobody has used it for a while (see pruneUnused).
  await pruneUnused(join(context.cacheDir, 'kits'), new Set(keys.flatMap((key) => [`${key}.zip`, `${key}.json`])));
  await pruneUnused(join(context.cacheDir, 'kits', 'deflated'), compressed.usedFiles());
  return kits;
}
