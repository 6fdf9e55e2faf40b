import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayUrl } from '../../src/core/format.ts';
import type { Hotline } from '../../src/core/model.ts';
import { handoutPath, routePath } from '../../src/core/outputs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { forEachInline } from '../../src/core/walk.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';
import { parseHtml, textOf } from '../site/site-tools.ts';

/** Bidi controls that keep numbers whole in right-to-left text; a reader does not see them. */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "233733, example.org" as the locale writes it: the text number, the locale's list separator,
 * the address. Note: `pdftotext` gives a right-to-left line's pieces in drawing order, so where
 * the list wraps the address does not follow the separator in its text: there only the number
 * and the separator after it are checked (`numberOnly`).
 */
function contactPair(hotline: Hotline, separator: string, numberOnly = false): RegExp {
  return new RegExp(`${escape(hotline.sms!)}${escape(separator.trim())}${numberOnly ? '' : `\\s*${escape(displayUrl(hotline.url!))}`}`);
}

// Where a page lists every way to reach a hotline (`:hotline[id]{show=all}`), the contacts are
// joined as the reader's language joins a list: "، " in Arabic, "、" in Chinese, ", " in English.
describe('a hotline\'s contacts are listed as the language writes a list', () => {
  it('uses the Arabic comma in Arabic and the enumeration comma in Chinese', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    const ui = (code: string) => toolkit!.locales.find((l) => l.code === code)!.ui;
    expect(ui('ar').listSeparator).toContain('،');
    expect(ui('zh').listSeparator).toBe('、');
    expect(ui('ar').listSeparator).not.toContain(',');
  });

  it('joins them with that separator on the site and in the handouts, in every locale', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    let checked = 0;
    for (const locale of toolkit!.locales) {
      const separator = locale.ui.listSeparator!;
      for (const page of locale.pages.filter((p) => !p.fallback)) {
        const listed = new Set<string>();
        forEachInline(page.blocks, (inline) => {
          if (inline.type === 'hotline' && inline.show === 'all') listed.add(inline.id);
        });
        const hotlines = locale.hotlines.filter((h) => listed.has(h.id) && h.sms && h.url);
        if (!hotlines.length) continue;
        const site = textOf(await parseHtml(join(builtDefault, routePath(toolkit!, locale.code, page.slug), 'index.html'))).replace(/\s+/g, ' ');
        const pdf = page.handout
          ? execFileSync('pdftotext', ['-enc', 'UTF-8', join(builtDefault, handoutPath(locale.code, page.handout.file, 'letter')), '-'], { encoding: 'utf8' }).replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ')
          : undefined;
        for (const hotline of hotlines) {
          expect(site, `${page.file}: ${hotline.id} on the site`).toMatch(contactPair(hotline, separator));
          if (pdf !== undefined) expect(pdf, `${page.file}: ${hotline.id} in the handout`).toMatch(contactPair(hotline, separator, locale.dir === 'rtl'));
          checked += 1;
        }
      }
    }
    // Every locale's signs and get-help pages list the trafficking hotline with all its contacts.
    expect(checked).toBeGreaterThanOrEqual(toolkit!.locales.length * 2);
  });
});
