/**
 * A generated content folder for the scale figures of `npm run bench`: the default toolkit's
 * English pages grown to `pages` per locale (extra pages copy the longest page without its
 * handout), in `locales` locales; every locale but English shows the English pages as fallbacks.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const defaultContent = join(import.meta.dirname, '..', 'content');

/** Latin-script locale codes for generated locales (their pages are English fallbacks). */
const CODES = ['fr', 'de', 'pt', 'it', 'nl', 'pl', 'ro', 'tr', 'sv', 'da', 'fi', 'id', 'ms', 'sw', 'tl', 'cs', 'hu', 'sk', 'hr', 'lt', 'lv', 'et', 'sl'];

/** Writes the content folder into `dir`; gives the number of pages in all locales. */
export function makeScaleContent(dir: string, locales: number, pages: number): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'en'), { recursive: true });
  const config = parse(readFileSync(join(defaultContent, 'kitpress.yaml'), 'utf8')) as { locales: Record<string, unknown>[]; defaultLocale: string };
  const english = config.locales.find((l) => l.code === config.defaultLocale)!;
  config.locales = [english, ...CODES.slice(0, locales - 1).map((code) => ({ ...english, code, name: `Generated ${code}` }))];
  writeFileSync(join(dir, 'kitpress.yaml'), stringify(config));
  cpSync(join(defaultContent, 'en'), join(dir, 'en'), { recursive: true });
  const files = readdirSync(join(dir, 'en')).filter((f) => f.endsWith('.md'));
  const longest = files.map((f) => readFileSync(join(dir, 'en', f), 'utf8')).filter((t) => !/^handout:/m.test(t)).sort((a, b) => b.length - a.length)[0]!;
  for (let n = files.length + 1; n <= pages; n += 1) {
    writeFileSync(join(dir, 'en', `extra-${n}.md`), longest.replace(/^title: (.*)$/m, `title: $1 (${n})`).replace(/^order: .*$/m, `order: ${100 + n}`));
  }
  return pages * locales;
}
