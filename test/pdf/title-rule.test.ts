import { join } from 'node:path';
import type { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { builtDefault } from '../helpers/paths.ts';
import { renderPage } from './pdf-tools.ts';

const DPI = 200;

const dark = (png: PNG, x: number, y: number) => {
  const i = (y * png.width + x) * 4;
  return png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 3 * 128;
};

/** Pixels of clear paper between the lowest ink of the title and the heavy rule under it, on page 1. */
function titleToRule(file: string): number {
  const png = renderPage(file, 1, DPI);
  const rows = Array.from({ length: Math.floor(png.height / 3) }, (_, y) => y);
  const inkIn = (y: number) => Array.from({ length: png.width }, (_, x) => dark(png, x, y)).filter(Boolean).length;
  // The rule: the first row that is dark across most of the text width.
  const rule = rows.find((y) => inkIn(y) > png.width * 0.7);
  expect(rule, `${file}: no heavy rule found under the title`).toBeDefined();
  let y = rule! - 1;
  while (y > 0 && inkIn(y) > png.width * 0.7) y -= 1;
  let gap = 0;
  while (y > 0 && inkIn(y) === 0) {
    gap += 1;
    y -= 1;
  }
  return gap;
}

describe('the rule under a handout title', () => {
  it('keeps the same distance from an Arabic title as from a Latin one (page 1 at 200 dpi)', () => {
    for (const slug of ['tips-for-parents', 'signs-checklist']) {
      const latin = titleToRule(join(builtDefault, `pdf/en/${slug}-letter.pdf`));
      const arabic = titleToRule(join(builtDefault, `pdf/ar/${slug}-letter.pdf`));
      // 5 pt of clear paper is about 14 px at 200 dpi.
      expect(latin, `en ${slug}`).toBeGreaterThanOrEqual(10);
      expect(arabic, `ar ${slug}: the title's letters come within ${arabic} px of the rule`).toBeGreaterThanOrEqual(10);
      expect(Math.abs(arabic - latin), `ar ${slug} ${arabic} px vs en ${latin} px`).toBeLessThanOrEqual(6);
    }
  });
});
