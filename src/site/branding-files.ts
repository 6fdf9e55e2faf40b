import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Toolkit } from '../core/model.ts';
import { BRAND_CSS, brandStylesheet } from './chrome.ts';

/** Writes `brand.css` (the branding colours) and copies the logo and custom stylesheet into `assets/`. */
export async function writeBrandingFiles(toolkit: Toolkit, contentDir: string, outDir: string): Promise<void> {
  const css = brandStylesheet(toolkit);
  if (css) await writeFile(join(outDir, BRAND_CSS), css);
  for (const file of [toolkit.branding.logo?.file, toolkit.branding.customCss]) {
    if (!file) continue;
    const target = join(outDir, 'assets', file);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(contentDir, 'assets', file), target);
  }
}
