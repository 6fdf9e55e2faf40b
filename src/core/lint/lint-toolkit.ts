import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Toolkit } from '../model.ts';
import { lintPage, type PageReadability } from './lint-page.ts';

/** Lints every English page the authors wrote (retext's rules are for English); gives their grades. */
export async function lintToolkit(toolkit: Toolkit, diagnostics: Diagnostics): Promise<PageReadability[]> {
  const results: PageReadability[] = [];
  for (const locale of toolkit.locales) {
    if (!locale.lang.startsWith('en')) continue;
    for (const page of locale.pages.filter((p) => !p.fallback)) results.push(await lintPage(page, diagnostics));
  }
  return results;
}
