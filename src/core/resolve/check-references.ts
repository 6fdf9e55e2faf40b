import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Block, Locale } from '../model.ts';
import { forEachInline } from '../walk.ts';
import { textUnits } from '../lint/text-units.ts';
import type { PageFile } from '../read-pages.ts';

/** Checks hotline and source ids, page links and anchors, and images of every page of a locale. */
export function checkReferences(locale: Locale, files: Map<string, PageFile>, contentDir: string, diagnostics: Diagnostics): void {
  const hotlines = new Map(locale.hotlines.map((h) => [h.id, h]));
  const sources = new Set(locale.sources.map((s) => s.id));
  const pages = new Map(locale.pages.map((p) => [p.slug, p]));
  const typedNumbers = locale.hotlines.flatMap((h) => [h.phone, h.sms].filter((n): n is string => !!n && n.replace(/\D/g, '').length >= 5));
  for (const page of locale.pages) {
    // A fallback page was checked as part of its own locale.
    if (page.fallback) continue;
    forEachInline(page.blocks, (inline) => {
      switch (inline.type) {
        case 'hotline': {
          const hotline = hotlines.get(inline.id);
          if (!hotline) diagnostics.report('hotline-unknown', `Unknown hotline "${inline.id}"`, inline.position);
          else if (inline.show !== 'all' && !hotline[inline.show]) {
            diagnostics.report('hotline-contact-missing', `The hotline "${inline.id}" has no ${inline.show}`, inline.position);
          }
          break;
        }
        case 'citation':
          if (!sources.has(inline.id)) diagnostics.report('source-unknown', `Unknown source "${inline.id}"`, inline.position);
          break;
        case 'page-link': {
          if (inline.slug === '\0self') inline.slug = page.slug;
          const target = pages.get(inline.slug);
          if (!target) {
            diagnostics.report('link-page-missing', `The link goes to "${inline.slug || 'index'}.md", which is not a page of ${locale.code}`, inline.position);
          } else if (inline.anchor && !files.get(target.file)?.headingIds.has(inline.anchor)) {
            diagnostics.report('link-heading-missing', `"${target.file}" has no heading with the id "${inline.anchor}"`, inline.position);
          }
          break;
        }
        default:
          break;
      }
    });
    for (const unit of textUnits(page.blocks)) {
      for (const number of typedNumbers) {
        if (unit.text.includes(number)) diagnostics.report('hotline-number-typed', `The number ${number} is typed into the page`, unit.position);
      }
    }
    checkImages(page.blocks, contentDir, diagnostics);
  }
}

function checkImages(blocks: readonly Block[], contentDir: string, diagnostics: Diagnostics): void {
  for (const block of blocks) {
    if (block.type === 'image' && !/^https?:/.test(block.src) && !existsSync(join(contentDir, 'assets', block.src))) {
      diagnostics.report('image-missing', `The image "${block.src}" is not in content/assets/`, block.position);
    }
    if (block.type === 'image' && /^https?:/.test(block.src)) {
      diagnostics.report('image-missing', `The image "${block.src}" is on another site; pages must work offline`, block.position);
    }
    if (block.type === 'quote' || block.type === 'callout') checkImages(block.children, contentDir, diagnostics);
    if (block.type === 'list' || block.type === 'tips') block.items.forEach((item) => checkImages(item.children, contentDir, diagnostics));
  }
}
