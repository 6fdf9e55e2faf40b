import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/core/model.ts';
import { handoutPath } from '../../src/core/outputs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { forEachInline } from '../../src/core/walk.ts';
import { listHandoutJobs, resolveJob } from '../../src/pdf/handout-job.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';

/** Share of a handout's words that its text layer must give back, in order. */
const MIN_RECALL = 0.98;

/** Words as a reader searches for them: NFC, lower case; Han and kana one character each (they are written without spaces). */
function words(text: string, lang: string): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFC').toLowerCase().replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, ''))) {
    if (!isWordLike) continue;
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(segment)) out.push(...segment);
    else out.push(segment);
  }
  return out;
}

/** The words the model says a handout prints: its title and the text of every block (hotlines and citations are printed from configuration). */
function modelWords(page: Page, lang: string): string[] {
  let text = `${page.handout?.title ?? page.title}\n`;
  forEachInline(page.blocks, (inline) => {
    // Note: the walk gives no block boundaries; a space after each piece keeps items apart.
    text += inline.type === 'text' || inline.type === 'code' ? `${inline.value} ` : ' ';
  });
  return words(text, lang);
}

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/**
 * Right-to-left lines as `pdftotext -raw` gives them back in reading order. Note: poppler keeps
 * each drawn piece of Arabic in logical order, wrapped in embedding marks, but lists the pieces
 * and words of a line as drawn, left to right: a word drawn in two pieces (a mark's offset splits
 * the text object) is its pieces reversed, and the words of the line come in reverse.
 * To do: a Latin phrase of several words inside an Arabic line comes out with its words reversed.
 */
function logicalOrder(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!RTL.test(line)) return line;
      const tokens = line.split(/ +/).map((token) => {
        const pieces = token.split(/[\u202a-\u202e]/).filter(Boolean);
        return pieces.some((piece) => RTL.test(piece)) ? pieces.reverse().join('') : pieces.join('');
      });
      // A letter drawn with its mark is one glyph whose text ("عً") poppler reverses: mark back after its letter.
      return tokens.reverse().join(' ').replace(/(\p{Mn}+)(\p{L})/gu, '$2$1');
    })
    .join('\n');
}

/** How many of `wanted` appear in `found` in the same order (longest common subsequence). */
function inOrder(wanted: string[], found: string[]): number {
  let previous = new Uint16Array(found.length + 1);
  for (const word of wanted) {
    const current = new Uint16Array(found.length + 1);
    for (let j = 1; j <= found.length; j += 1) current[j] = word === found[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    previous = current;
  }
  return previous[found.length]!;
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
