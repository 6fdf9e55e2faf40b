import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/core/model.ts';
import { handoutPath } from '../../src/core/outputs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { forEachInline } from '../../src/core/walk.ts';
import { listHandoutJobs, resolveJob } from '../../src/pdf/handout-job.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';
import { inOrder, logicalOrder, words } from './text-order.ts';

/** Share of a handout's words that its text layer must give back, in order. */
const MIN_RECALL = 0.98;

/** The words the model says a handout prints: its title and the text of every block (hotlines and citations are printed from configuration). */
function modelWords(page: Page, lang: string): string[] {
  let text = `${page.handout?.title ?? page.title}\n`;
  forEachInline(page.blocks, (inline) => {
    // Note: the walk gives no block boundaries; a space after each piece keeps items apart.
    text += inline.type === 'text' || inline.type === 'code' ? `${inline.value} ` : ' ';
  });
  return words(text, lang);
}

describe('the text layer says what the page says', () => {
  it('gives back at least 98% of each handout\'s words in order with pdftotext (every locale, every paper)', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    const jobs = listHandoutJobs(toolkit!);
    const locales = new Set(jobs.map((job) => job.locale));
    expect([...locales].sort()).toEqual(toolkit!.locales.map((l) => l.code).sort());
    for (const job of jobs) {
      const { locale, page } = resolveJob(toolkit!, job);
      const file = join(builtDefault, handoutPath(job.locale, page.handout.file, job.paper));
      // What copy and paste, search and screen readers that ignore /ActualText get: the ToUnicode map alone,
      // in drawing order (-raw), which is reading order: cards side by side are read card by card.
      const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      const wanted = modelWords(page, locale.lang);
      const found = words(locale.dir === 'rtl' ? logicalOrder(raw) : raw, locale.lang);
      const recall = inOrder(wanted, found) / wanted.length;
      const missing = wanted.filter((w) => !found.includes(w)).slice(0, 10);
      expect(recall, `${file}: ${(recall * 100).toFixed(1)}% of ${wanted.length} words; not found: ${missing.join(' ')}`).toBeGreaterThanOrEqual(MIN_RECALL);
      if (locale.code === 'vi') {
        // Vietnamese letters come out precomposed (ộ, not o + two marks), as the page has them.
        expect(raw, file).toBe(raw.normalize('NFC'));
      }
    }
  });
});
