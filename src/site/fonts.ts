import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontFamily } from '../core/model.ts';

const require = createRequire(import.meta.url);

/** The @fontsource package, CSS family name and character subsets shipped for each font. */
const FONTS: Record<FontFamily, { pkg: string; family: string; fallback: string; subsets: string[] | 'used' }> = {
  'atkinson-hyperlegible': { pkg: '@fontsource/atkinson-hyperlegible', family: 'Atkinson Hyperlegible', fallback: 'system-ui, sans-serif', subsets: ['latin', 'latin-ext'] },
  'noto-sans': { pkg: '@fontsource/noto-sans', family: 'Noto Sans', fallback: 'system-ui, sans-serif', subsets: ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'greek'] },
  'noto-sans-arabic': { pkg: '@fontsource/noto-sans-arabic', family: 'Noto Sans Arabic', fallback: 'Tahoma, system-ui, sans-serif', subsets: ['arabic', 'latin', 'latin-ext'] },
  // Chinese comes in about a hundred unicode-range slices: only those holding a character the pages use are copied.
  'noto-sans-sc': { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC', fallback: '"PingFang SC", "Microsoft YaHei", system-ui, sans-serif', subsets: 'used' },
};

/** True when a CSS `unicode-range` value covers one of the characters (`chars`: code points in ascending order). */
export function rangeCovers(range: string, chars: ArrayLike<number>): boolean {
  return range.split(',').some((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16));
    // Note: the first character at or above `from`, found by halving: a Chinese toolkit's text holds
    // thousands of characters and the font about 300 slices of 10-20 ranges each.
    let low = 0;
    let high = chars.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (chars[middle]! < from!) low = middle + 1;
      else high = middle;
    }
    return low < chars.length && chars[low]! <= (to ?? from)!;
  });
}

/** Regular, bold and italic: what the pages use. */
const STYLES = ['400.css', '700.css', '400-italic.css'];

/**
 * Writes `fonts/<family>.css` and the WOFF2 files it needs into the site, for each family
 * a locale uses. Only WOFF2 (every browser that runs the site reads it), only the listed
 * subsets; a browser downloads a subset only when a page has one of its characters. A family
 * sliced by `used` text gets the slices that `usedText` needs (`'all'`: every slice).
 */
export async function writeFonts(outDir: string, families: Iterable<FontFamily>, usedText: Partial<Record<FontFamily, string>> | 'all' = {}): Promise<void> {
  const dir = join(outDir, 'fonts');
  await mkdir(dir, { recursive: true });
  for (const name of new Set(families)) {
    const font = FONTS[name];
    const root = dirname(require.resolve(`${font.pkg}/package.json`));
    const faces: string[] = [];
    // Note: the set is made once per family; made for each of the ~300 slices, from the JSON of whole locales, it cost 12 CPU-s.
    const used = font.subsets === 'used' && usedText !== 'all' ? Uint32Array.from(new Set(Array.from(usedText[name] ?? '', (c) => c.codePointAt(0)!))).sort() : undefined;
    for (const style of STYLES) {
      const css = await readFile(join(root, style), 'utf8').catch(() => '');
      for (const face of css.split('@font-face').slice(1)) {
        const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(face)?.[1];
        if (!file) continue;
        if (font.subsets === 'used') {
          // 'all': every slice (the dev server, whose text changes with each edit).
          const range = /unicode-range:([^;]+);/.exec(face)?.[1] ?? '';
          if (used && !rangeCovers(range, used)) continue;
        } else if (!font.subsets.some((s) => file.startsWith(`${name}-${s}-`) && /^\d/.test(file.slice(`${name}-${s}-`.length)))) continue;
        await copyFile(join(root, 'files', file), join(dir, file));
        const body = face.slice(face.indexOf('{'), face.indexOf('}') + 1).replace(/src:[^;]+;/, `src: url(${file}) format('woff2');`);
        faces.push(`@font-face ${body}`);
      }
    }
    const use = `.font-${name} { --font-body: '${font.family}', ${font.fallback}; }`;
    const subsets = font.subsets === 'used' ? `${faces.length} slices holding the characters the pages use` : font.subsets.join(', ');
    await writeFile(join(dir, `${name}.css`), `/* ${font.family}: ${subsets} (SIL Open Font License). */\n${faces.join('\n')}\n${use}\n`);
  }
}
