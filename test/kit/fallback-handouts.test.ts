import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { layoutKit, planKits } from '../../src/kit/kit-layout.ts';
import { roleOf } from '../../src/kit/site-files.ts';
import { startPage } from '../../src/kit/start-page.ts';
import { fakeHandouts } from '../helpers/fake-handouts.ts';
import { fixtures } from '../helpers/paths.ts';

describe('a kit of a language with an untranslated handout page', () => {
  it('holds the source-language PDF and lists it on START-HERE, labelled in the reader\'s language', async () => {
    // The PDF fixture's Arabic does not translate the cards page.
    const { toolkit } = await readToolkit(join(fixtures, 'pdf-reference/content'));
    const ar = toolkit!.locales.find((l) => l.code === 'ar')!;
    const untranslated = new Set(ar.pages.filter((p) => p.fallback && p.handout).map((p) => p.slug));
    expect(untranslated.size).toBeGreaterThan(0);
    const handouts = fakeHandouts(toolkit!);
    const english = handouts.filter((h) => h.locale === 'en' && untranslated.has(h.slug));
    expect(english.length).toBe(toolkit!.paper.length * untranslated.size);

    const plan = planKits(toolkit!).find((p) => p.id === 'ar')!;
    const paths = ['index.html', 'ar/index.html', ...handouts.map((h) => h.path)];
    const layout = layoutKit(plan, paths.map((path) => ({ path, role: roleOf(path, toolkit!) }) as never));
    for (const file of english) expect(layout.has(file.path), file.path).toBe(true);
    // English PDFs of pages Arabic translates stay out of the Arabic kit.
    expect(handouts.filter((h) => h.locale === 'en' && !untranslated.has(h.slug)).filter((h) => layout.has(h.path)).map((h) => h.path)).toEqual([]);

    const html = startPage({ toolkit: toolkit!, plan, handouts, layout });
    const label = ar.ui.handoutInLanguage!.replace('{language}', new Intl.DisplayNames(['ar'], { type: 'language' }).of('en')!);
    for (const file of english) expect(html).toMatch(new RegExp(`href="${file.path}" hreflang="en">[^<]*, ${label}</a>`));
  });
});
