import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { guidePath, type GuideFile, type HandoutFile, type ListedGuide, type ListedHandout } from '../../src/core/outputs.ts';
import { buildSiteModel } from '../../src/site/build-routes.ts';
import { fillPdfFactsHtml } from '../../src/site/pdf-facts.ts';
import { fakeHandouts } from '../helpers/fake-handouts.ts';
import { fixtures } from '../helpers/paths.ts';

/** A toolkit on another topic, its handouts as printed (with previews and odd titles), and the same as listed before printing. */
async function kitchenFire() {
  const { toolkit } = await readToolkit(join(fixtures, 'kitchen-fire'));
  if (!toolkit) throw new Error('the kitchen-fire fixture has errors');
  // A title with what HTML escapes, in the preview's alt text too.
  const printed: HandoutFile[] = fakeHandouts(toolkit).map((file, i) => ({
    ...file,
    title: `Pan fires > "grease" & <oil> ${i}`,
    preview: { path: file.path.replace(new RegExp(`-${file.paper}\\.pdf$`), '-preview.png'), width: 300, height: 389, bytes: 5000 },
  }));
  const listed: ListedHandout[] = printed.map(({ bytes: _b, pages: _p, fontSize: _f, preview: _v, ...rest }) => rest);
  const guides: GuideFile[] = toolkit.locales.flatMap((locale) => toolkit.paper.map((paper, i) => ({ locale: locale.code, paper, path: guidePath(locale.code, paper), bytes: 1_234_567 + i, pages: 17 + i })));
  const listedGuides: ListedGuide[] = guides.map(({ bytes: _b, pages: _p, ...rest }) => rest);
  return { toolkit, printed, listed, guides, listedGuides };
}

describe('PDF facts filled in after printing', () => {
  it('give every page the same HTML as a site built once the PDFs were printed', async () => {
    const { toolkit, printed, listed, guides, listedGuides } = await kitchenFire();
    const before = buildSiteModel(toolkit, listed, undefined, listedGuides);
    const after = buildSiteModel(toolkit, printed, undefined, guides);
    let placeholders = 0;
    for (const [i, route] of before.routes.entries()) {
      const expected = after.routes[i]!.bodyHtml ?? '';
      const html = route.bodyHtml ?? '';
      if (html !== expected) placeholders += 1;
      expect(fillPdfFactsHtml(html, toolkit, { handouts: printed, guides }), route.path).toBe(expected);
    }
    // The downloads pages and every page with a handout were written without their facts.
    expect(placeholders).toBeGreaterThanOrEqual(toolkit.locales.length + 1);
    const downloads = before.routes.find((r) => r.kind === 'downloads')!.bodyHtml!;
    expect(downloads).toContain('data-pdf-facts=');
    expect(downloads).toContain('data-preview-size=');
    expect(downloads).not.toMatch(/kB|MB/);
  });

  it('refuse a page that lists a PDF which was not printed', async () => {
    const { toolkit, printed, listed, guides, listedGuides } = await kitchenFire();
    const before = buildSiteModel(toolkit, listed, undefined, listedGuides);
    const downloads = before.routes.find((r) => r.kind === 'downloads')!.bodyHtml!;
    const missing = printed.slice(1);
    expect(() => fillPdfFactsHtml(downloads, toolkit, { handouts: missing, guides })).toThrow(/not printed|not drawn/);
  });
});
