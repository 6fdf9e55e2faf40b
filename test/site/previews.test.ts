import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it, beforeAll } from 'vitest';
import type { Toolkit } from '../../src/core/model.ts';
import { routePath } from '../../src/core/outputs.ts';
import { defaultToolkit } from '../kit/built-site.ts';
import { builtDefault } from '../helpers/paths.ts';
import { elements, parseHtml, textOf } from './site-tools.ts';

// The downloads page shows each handout's first page, with its Letter and A4 files under it.
let toolkit: Toolkit;
beforeAll(async () => {
  toolkit = await defaultToolkit();
});

describe('handout previews on the downloads page', () => {
  it('shows a picture of every handout, at most 30 kB, with alt text naming the handout, beside its paper sizes', async () => {
    for (const locale of toolkit.locales) {
      const tree = await parseHtml(join(builtDefault, routePath(toolkit, locale.code, 'downloads'), 'index.html'));
      const sections = elements(tree, (el) => el.tagName === 'section' && String(el.properties.className).includes('handout'));
      const handouts = locale.pages.filter((p) => p.handout && !p.fallback);
      expect(sections.length, locale.code).toBe(handouts.length);
      for (const [i, section] of sections.entries()) {
        const title = handouts[i]!.handout!.title ?? handouts[i]!.title;
        const [img] = elements(section, (el) => el.tagName === 'img');
        expect(img, `${locale.code} ${title}`).toBeDefined();
        expect(String(img!.properties.alt)).toBe(locale.ui.previewAlt!.replace('{title}', title));
        const file = join(builtDefault, String(img!.properties.src).slice(new URL(toolkit.siteUrl).pathname.length));
        expect(statSync(file).size, file).toBeLessThanOrEqual(30 * 1024);
        const png = PNG.sync.read(readFileSync(file));
        // Shown at half its pixels (rounded), for sharp high-density screens.
        expect(png.width).toBe(Number(img!.properties.width) * 2);
        expect(Math.abs(png.height - Number(img!.properties.height) * 2)).toBeLessThanOrEqual(1);
        // A drawn page is mostly white paper with dark text on it, not a blank or black box.
        let dark = 0;
        for (let p = 0; p < png.data.length; p += 4) if (png.data[p]! < 128) dark += 1;
        const share = dark / (png.width * png.height);
        expect(share, file).toBeGreaterThan(0.01);
        expect(share, file).toBeLessThan(0.5);
        const links = elements(section, (el) => el.tagName === 'a').map(textOf);
        expect(links.length, `${locale.code} ${title}`).toBe(toolkit.paper.length);
        for (const link of links) expect(link).toMatch(/PDF.*\d/);
      }
    }
  });
});
