import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import { kitPath, type HandoutFile, type KitFile } from '../core/outputs.ts';
import type { WriterContext } from '../build/writer-context.ts';
import { buildTime, deterministicZip } from './deterministic-zip.ts';
import { planKits } from './kit-layout.ts';
import { formatBytes } from '../core/format.ts';
import { licenceFiles } from './licence-files.ts';
import { makeKit } from './make-kit.ts';
import type { MissingTarget } from './resolve-url.ts';
import { listSiteFiles } from './site-files.ts';
import { kitFingerprint, kitKey, readCachedKit, writeCachedKit } from './kit-cache.ts';

/**
 * Writes the offline kit zips into `<outDir>/kits/`: one per locale and one with every locale.
 * Each holds a copy of the built site that works from file://, the handouts, a start page,
 * the licences and SHA256SUMS. Run it after the site (and the service worker) are written.
 * A kit whose files and inputs did not change since a build is copied from `<cacheDir>/kits/`.
 */
export async function writeKits(context: WriterContext & { handouts: HandoutFile[] }): Promise<KitFile[]> {
  const { toolkit, outDir, handouts, progress } = context;
  const siteFiles = await listSiteFiles(outDir, toolkit);
  const plans = planKits(toolkit);
  const laterFiles = plans.map((plan) => kitPath(toolkit.name, plan.id));
  const licences = await licenceFiles(toolkit);
  const time = buildTime(toolkit.date);
  const cache = new Map<string, Promise<Buffer>>();
  const read = (path: string) => {
    if (!cache.has(path)) cache.set(path, readFile(join(outDir, path)));
    return cache.get(path)!;
  };

  const kits: KitFile[] = [];
  const dropped = new Set<string>();
  const missing = new Map<string, MissingTarget>();
  await mkdir(join(outDir, 'kits'), { recursive: true });
  const kitCode = await kitFingerprint();
  let reused = 0;
  for (const plan of plans) {
    const path = kitPath(toolkit.name, plan.id);
    const key = await kitKey({ kitCode, toolkit, plan, siteFiles, laterFiles, handouts, licences, time, read });
    let record = await readCachedKit(context.cacheDir, key);
    if (record) reused += 1;
    else {
      const kit = await makeKit({ toolkit, plan, siteFiles, laterFiles, handouts, read, licences });
      const zip = await deterministicZip(plan.top, kit.files, time);
      record = { zip, files: kit.files.size, dropped: [...kit.dropped], missing: kit.missing };
      await writeCachedKit(context.cacheDir, key, record);
    }
    record.dropped.forEach((line) => dropped.add(line));
    record.missing.forEach((m) => missing.set(`${m.from} ${m.url}`, m));
    await writeFile(join(outDir, path), record.zip);
    kits.push({ locale: plan.id, path, bytes: record.zip.length });
    progress.info(`${path}  ${formatBytes(record.zip.length, 'en')}  ${record.files} files`);
  }
  progress.info(`${plans.length} kits: ${plans.length - reused} rebuilt, ${reused} unchanged (from cache)`);
  for (const line of [...dropped].sort()) progress.info(`left out of the kits (cannot run from file://): ${line}`);
  if (missing.size > 0) {
    const list = [...missing.values()].map((m) => `  ${m.from}: ${m.url}`).join('\n');
    throw new KitpressError(`The built site links to files it does not have, so the offline kits would have broken links:\n${list}`, 'These links are broken on the website too. Fix the link in the page, or the site template that writes it.');
  }
  return kits;
}
