import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.ts';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import type { Toolkit } from '../core/model.ts';
import { resolveJob, type HandoutJob, type RenderedHandout } from './handout-job.ts';
import { printedBranding, type PrintAssets } from './print-assets.ts';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Packages whose version changes what a handout looks like. */
const PACKAGES = ['@react-pdf/renderer', '@react-pdf/layout', '@react-pdf/render', '@react-pdf/textkit', 'pdfkit', 'fontkit', 'react', 'qrcode', '@expo-google-fonts/atkinson-hyperlegible', '@expo-google-fonts/noto-sans', '@expo-google-fonts/noto-sans-arabic'];

/** Text `canonical` made before, put into a larger value as it is. */
class Canonical {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** JSON with object keys sorted, so equal data always gives equal text. */
function canonical(value: unknown): string {
  if (value instanceof Canonical) return value.text;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The installed version of a package, read from its package.json (some packages do not export that file). */
async function packageVersion(name: string): Promise<string> {
  for (const dir of require.resolve.paths(name) ?? []) {
    const text = await readFile(join(dir, name, 'package.json'), 'utf8').catch(() => undefined);
    if (text) return (JSON.parse(text) as { version: string }).version;
  }
  return 'missing';
}

let fingerprint: Promise<string> | undefined;

/** A hash of the PDF writer itself: the handout and guide templates, `src/pdf` (the tagging hooks too), `src/core` and the versions of the packages it prints with. */
export function writerFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const hash = createHash('sha256');
    // src/core too: the PDF writer prints through its walkers, formatters and plural rules.
    const files = (await glob(['templates/handouts/**/*', 'templates/guide/**/*', 'src/pdf/**/*', 'src/core/**/*'], { cwd: repoRoot })).sort();
    for (const file of files) hash.update(`${file}\0`).update(await readFile(join(repoRoot, file))).update('\0');
    for (const name of PACKAGES) hash.update(`${name}@${await packageVersion(name)}\0`);
    return hash.digest('hex');
  })();
  return fingerprint;
}

/** The cache key of a job: a hash of everything its PDF is made from. */
export function cacheKey(toolkit: Toolkit, job: HandoutJob, writer: string, assets: PrintAssets = {}): string {
  const { locale, page } = resolveJob(toolkit, job);
  const textLocale = toolkit.locales.find((l) => l.code === page.contentLocale) ?? locale;
  const input = {
    writer,
    job,
    // Note: of the translation state the PDF prints only the review (the draft mark); a translation
    // going outdated when its source changes does not change its PDF.
    page: once(page, () => ({ ...page, translation: page.translation && { review: page.translation.review } })),
    locale: once(locale, () => ({ code: locale.code, lang: locale.lang, dir: locale.dir, font: locale.font, isDefault: locale.isDefault, title: locale.title, hotlines: locale.hotlines, sources: locale.sources, ui: locale.ui })),
    text: { dir: textLocale.dir, font: textLocale.font },
    toolkit: once(toolkit, () => ({ version: toolkit.version, date: toolkit.date, siteUrl: toolkit.siteUrl, organisation: toolkit.organisation })),
    branding: printedBranding(toolkit, assets),
  };
  return createHash('sha256').update(canonical(input)).digest('hex');
}

/** The canonical text of what a model object gives to a cache key, made once for all its jobs (a page prints in each paper size, a locale's words in each of its handouts). */
const made = new WeakMap<object, Canonical>();
function once(owner: object, part: () => unknown): Canonical {
  let text = made.get(owner);
  if (!text) made.set(owner, (text = new Canonical(canonical(part()))));
  return text;
}

/** What `<key>.json` holds: the handout without its bytes, and whether `<key>.png` holds its preview. */
type CacheRecord = Omit<RenderedHandout, 'bytes' | 'preview'> & { hasPreview?: boolean };

/**
 * A cached handout, or undefined when there is none (or it cannot be read). It brings its
 * preview when one was stored with it; an entry stored without one (before previews were
 * stored, or by the dev server) comes without, and its preview is drawn again (see `writeRecord`).
 */
export async function readCached(dir: string, key: string): Promise<RenderedHandout | undefined> {
  try {
    const { hasPreview, ...record } = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as CacheRecord;
    const bytes = await readFile(join(dir, `${key}.pdf`));
    const preview = hasPreview ? await readFile(join(dir, `${key}.png`)).catch(() => undefined) : undefined;
    return { ...record, bytes: view(bytes), ...(preview && { preview: view(preview) }) };
  } catch {
    return undefined;
  }
}

function view(bytes: Buffer): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Stores a handout and its preview, if it has one; each file is written beside its place and renamed, so a reader never sees half of one. */
export async function writeCached(dir: string, key: string, result: RenderedHandout): Promise<void> {
  // The PDF first: a record is only ever found next to its complete PDF (and preview).
  await writeFileAtomic(join(dir, `${key}.pdf`), result.bytes);
  await writeRecord(dir, key, result);
}

/**
 * Writes a stored handout's preview, if it has one, then its record; also how a preview drawn later
 * is added to an entry whose PDF is already stored.
 */
export async function writeRecord(dir: string, key: string, result: RenderedHandout): Promise<void> {
  const { bytes: _bytes, preview, ...record } = result;
  if (preview) await writeFileAtomic(join(dir, `${key}.png`), preview);
  await writeFileAtomic(join(dir, `${key}.json`), JSON.stringify({ ...record, ...(preview && { hasPreview: true }) } satisfies CacheRecord));
}
