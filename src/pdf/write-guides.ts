import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.ts';
import type { WriterContext } from '../build/writer-context.ts';
import { canonicalJson, hashOf } from '../core/content-hash.ts';
import type { Locale, PaperSize, Toolkit } from '../core/model.ts';
import { guidePath, type GuideFile, type ListedGuide } from '../core/outputs.ts';
import { writerFingerprint } from './cache.ts';
import { createPrintPool, type PrintPool } from './print-pool.ts';
import { printedBranding, readPrintAssets, type PrintAssets } from './print-assets.ts';

/** What the cache keeps beside a guide's PDF. */
interface GuideRecord {
  pages: number;
  startsAt: number[];
  pdfUa: boolean;
  tagProblems: string[];
}

/**
 * The cache key of a guide: a hash of everything it prints (the locale's pages and words, the
 * direction and font of the languages its untranslated pages are shown in, the toolkit's facts),
 * the paper and the PDF writer. Note: as for the handouts, of a translation's state only its
 * review (the draft notice) is printed; a translation going outdated does not change the guide.
 */
export function guideKey(toolkit: Toolkit, locale: Locale, paper: PaperSize, writer: string, assets: PrintAssets = {}): string {
  return hashOf('guide', writer, paper, guideText(toolkit, locale, assets));
}

/** What a locale's guide prints but its paper, as canonical JSON: made once for both paper sizes. */
const printed = new WeakMap<Locale, { toolkit: Toolkit; assets: PrintAssets; text: string }>();
function guideText(toolkit: Toolkit, locale: Locale, assets: PrintAssets): string {
  const found = printed.get(locale);
  if (found?.toolkit === toolkit && found.assets === assets) return found.text;
  const sources = [...new Set(locale.pages.map((page) => page.contentLocale))].map((code) => toolkit.locales.find((l) => l.code === code)).filter((l): l is Locale => Boolean(l));
  const input = {
    locale: { ...locale, pages: locale.pages.map((page) => ({ ...page, translation: page.translation && { review: page.translation.review } })) },
    sources: sources.map((l) => ({ code: l.code, lang: l.lang, dir: l.dir, font: l.font })),
    toolkit: { version: toolkit.version, date: toolkit.date, siteUrl: toolkit.siteUrl, organisation: toolkit.organisation },
    branding: printedBranding(toolkit, assets),
  };
  const text = canonicalJson(input);
  printed.set(locale, { toolkit, assets, text });
  return text;
}


/**
 * Prints the facilitator guide of every locale on every paper size into `<outDir>/pdf/<locale>/`.
 * A guide whose inputs did not change is copied from `<cacheDir>/guides/`; the others print in
 * the print pool (worker threads shared with the handouts, else a pool of its own), all at once.
 * A guide that fails its own accessibility check is still written, tagged, and reported.
 */
export async function writeGuides(context: WriterContext & { pool?: PrintPool | undefined; onQueued?: ((jobs: number) => void) | undefined }): Promise<GuideFile[]> {
  const { toolkit, outDir, progress, diagnostics } = context;
  const cacheDir = join(context.cacheDir, 'guides');
  const writer = await writerFingerprint();
  const assets = await readPrintAssets(toolkit, context.contentDir, context.cacheDir);
  const guides = guideJobs(toolkit);
  const keys = guides.map(({ locale, paper }) => guideKey(toolkit, locale, paper, writer, assets));
  const cached = await Promise.all(keys.map((key) => readCachedGuide(cacheDir, key)));
  context.onQueued?.(cached.filter((found) => !found).length);
  const pool = context.pool ?? createPrintPool();
  let printed = 0;
  const print = async (locale: Locale, paper: PaperSize, key: string): Promise<{ bytes: Uint8Array; record: GuideRecord }> => {
    const { bytes, ...record } = await pool.guide(toolkit, assets, locale.code, paper);
    printed += 1;
    await mkdir(cacheDir, { recursive: true });
    // The PDF first: a record is only ever found next to its complete PDF.
    await writeFileAtomic(join(cacheDir, `${key}.pdf`), bytes);
    await writeFileAtomic(join(cacheDir, `${key}.json`), JSON.stringify(record));
    return { bytes, record };
  };
  let written: { record: GuideRecord; size: number }[];
  try {
    written = await Promise.all(
      guides.map(async ({ locale, paper }, index) => {
        const { bytes, record } = cached[index] ?? (await print(locale, paper, keys[index]!));
        const path = join(outDir, guidePath(locale.code, paper));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, bytes);
        return { record, size: bytes.byteLength };
      }),
    );
  } finally {
    if (!context.pool) await pool.close();
  }
  const files: GuideFile[] = [];
  for (const [index, { locale, paper }] of guides.entries()) {
    const { record, size } = written[index]!;
    if (!record.pdfUa) {
      const at = locale.pages[0]!;
      diagnostics.report('guide-untagged', { code: locale.code, paper, problem: record.tagProblems[0] }, { file: at.file, line: 1, column: 1 });
    }
    files.push({ ...listedGuide(locale, paper), bytes: size, pages: record.pages });
  }
  progress.info(`${files.length} facilitator guides: ${printed} printed, ${files.length - printed} from cache`);
  return files;
}

/** A guide from `<cacheDir>/guides/`, or undefined when it is not there (or cannot be read). */
async function readCachedGuide(cacheDir: string, key: string): Promise<{ bytes: Uint8Array; record: GuideRecord } | undefined> {
  try {
    const record = JSON.parse(await readFile(join(cacheDir, `${key}.json`), 'utf8')) as GuideRecord;
    return { bytes: await readFile(join(cacheDir, `${key}.pdf`)), record };
  } catch {
    return undefined;
  }
}

/** The guides a toolkit prints: one per paper size for every locale with pages. */
function guideJobs(toolkit: Toolkit): { locale: Locale; paper: PaperSize }[] {
  return toolkit.locales.filter((locale) => locale.pages.length > 0).flatMap((locale) => toolkit.paper.map((paper) => ({ locale, paper })));
}

function listedGuide(locale: Locale, paper: PaperSize): ListedGuide {
  return { locale: locale.code, paper, path: guidePath(locale.code, paper) };
}

/** The guides `writeGuides` writes, as the site lists them before they are printed (in the same order). */
export function listGuides(toolkit: Toolkit): ListedGuide[] {
  return guideJobs(toolkit).map(({ locale, paper }) => listedGuide(locale, paper));
}
