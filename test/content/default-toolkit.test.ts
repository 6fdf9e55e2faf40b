import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { lintPage, HANDOUT_GRADE_TARGET } from '../../src/core/lint/lint-page.ts';
import { Diagnostics } from '../../src/core/diagnostics/diagnostic.ts';
import { defaultContent, repoRoot } from '../helpers/paths.ts';

/** The research articles the default toolkit was written from (beside the repository in CI). */
const sourcesDir = join(repoRoot, '../shared/sources');

/** Lowercased words of a text, without Markdown, directive syntax or punctuation. */
function words(text: string): string[] {
  return text
    .replace(/^---[\s\S]*?---/, '')
    .replace(/:{1,4}[a-z]+(\[[^\]]*\])?(\{[^}]*\})?/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

const englishPages = readdirSync(join(defaultContent, 'en')).filter((f) => f.endsWith('.md'));

describe('the default English toolkit', () => {
  it.skipIf(!existsSync(sourcesDir))('copies no run of eight or more words from the source articles', () => {
    const runs = new Set<string>();
    for (const file of readdirSync(sourcesDir).filter((f) => f.endsWith('.txt'))) {
      const w = words(readFileSync(join(sourcesDir, file), 'utf8'));
      for (let i = 0; i + 8 <= w.length; i++) runs.add(w.slice(i, i + 8).join(' '));
    }
    const copied: string[] = [];
    for (const page of englishPages) {
      const w = words(readFileSync(join(defaultContent, 'en', page), 'utf8'));
      for (let i = 0; i + 8 <= w.length; i++) if (runs.has(w.slice(i, i + 8).join(' '))) copied.push(`${page}: "${w.slice(i, i + 8).join(' ')}"`);
    }
    expect(copied).toEqual([]);
  });

  it(`has every handout page at US grade ${HANDOUT_GRADE_TARGET} or below`, async () => {
    const { toolkit } = await readToolkit(defaultContent);
    const en = toolkit!.locales.find((l) => l.code === 'en')!;
    const handouts = en.pages.filter((p) => p.handout);
    // The young people's tip sheet for threats is one of them (issue 14); the rest come from the front matter.
    expect(handouts.map((p) => p.slug)).toContain('if-threatened');
    for (const page of handouts) {
      const result = await lintPage(page, new Diagnostics());
      expect(result.grade, page.file).toBeLessThanOrEqual(HANDOUT_GRADE_TARGET);
      expect(result.words, page.file).toBeGreaterThan(150);
    }
  });

  it('types no phone number into any page of any language: hotlines come from kitpress.yaml', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    const numbers = toolkit!.locales[0]!.hotlines.flatMap((h) => [h.phone, h.sms]).filter((n): n is string => !!n);
    expect(numbers).toContain('1-800-843-5678');
    for (const locale of readdirSync(defaultContent).filter((d) => /^[a-z]{2}$/.test(d))) {
      for (const file of readdirSync(join(defaultContent, locale))) {
        const text = readFileSync(join(defaultContent, locale, file), 'utf8');
        for (const number of numbers) expect(text.includes(number), `${locale}/${file} types ${number}`).toBe(false);
        expect(text, `${locale}/${file}`).not.toMatch(/\b1-8\d\d-\d{3}-\d{4}\b/);
      }
    }
  });

  it('cites a configured source for every figure it gives', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    const en = toolkit!.locales.find((l) => l.code === 'en')!;
    const text = readFileSync(join(defaultContent, 'en', 'understanding.md'), 'utf8');
    const figureLines = text.split('\n').filter((line) => /\d+\s*(%|percent|in \d|times|thousand|million)/i.test(line));
    expect(figureLines.length).toBeGreaterThan(0);
    for (const line of figureLines) expect(line, line).toMatch(/:cite\[[a-z0-9-]+\]/);
    // Every configured source is cited somewhere.
    const all = en.pages.map((p) => readFileSync(join(defaultContent, p.file), 'utf8')).join('\n');
    for (const source of en.sources) expect(all, source.id).toContain(`:cite[${source.id}]`);
  });

  it('gives the US hotlines exactly', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    const hotlines = Object.fromEntries(toolkit!.locales[0]!.hotlines.map((h) => [h.id, h]));
    expect(hotlines.emergency?.phone).toBe('911');
    expect(hotlines.cybertipline).toMatchObject({ phone: '1-800-843-5678', url: 'https://report.cybertip.org/' });
    expect(hotlines['trafficking-hotline']).toMatchObject({ phone: '1-888-373-7888', sms: '233733', url: 'https://humantraffickinghotline.org/' });
    expect(hotlines['take-it-down']?.url).toBe('https://takeitdown.ncmec.org/');
  });
});
