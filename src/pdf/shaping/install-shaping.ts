import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { FontkitFont } from './fontkit-types.ts';
import { shapeTextRemembered } from './shaped-runs.ts';

let installed = false;

/**
 * Makes every TrueType font react-pdf loads shape its text with HarfBuzz instead of fontkit.
 * react-pdf's textkit calls `font.layout(text, features)` for each run; the fonts are fontkit
 * objects of one class, so its `layout` is replaced, in memory, once per process.
 * Note: fontkit's Arabic shaping puts word-final letters in the wrong form and dots in the
 * wrong place with Noto Sans Arabic; HarfBuzz is what the browsers shape with. Runs are
 * shaped once per thread (see shaped-runs.ts).
 */
export function installHarfBuzzShaping(sampleFont: string): void {
  if (installed) return;
  installed = true;
  const sample = (fontkit as unknown as { create(data: Uint8Array): FontkitFont }).create(readFileSync(sampleFont));
  const prototype = Object.getPrototypeOf(sample) as FontkitFont;
  prototype.layout = function layout(this: FontkitFont, text: string, features?: unknown) {
    return shapeTextRemembered(this, text, features);
  };
}
