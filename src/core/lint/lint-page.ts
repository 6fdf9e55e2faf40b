import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import retextReadability from 'retext-readability';
import { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { toString } from 'nlcst-to-string';
import { syllable } from 'syllable';
import type { Root } from 'nlcst';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Page } from '../model.ts';
import { textUnits } from './text-units.ts';

/** The highest US grade a handout page should need (Flesch-Kincaid). */
export const HANDOUT_GRADE_TARGET = 8;

const parse = unified().use(retextEnglish);
const linters = new Map<string, ReturnType<typeof makeLinter>>();

/** The retext pipeline for a page: handouts are read by the widest audience, so they are held to a younger reading age. */
function makeLinter(handout: boolean, allow: readonly string[]) {
  return unified()
    .use(retextEnglish)
    .use(retextEquality, { ignore: [...allow] })
    .use(retextReadability, { age: handout ? 14 : 16, threshold: 5 / 7 });
}

function linterFor(page: Page) {
  const allow = [...(page.lintAllow ?? [])].map((w) => w.toLowerCase()).sort();
  const key = `${!!page.handout}\0${allow.join('\0')}`;
  let linter = linters.get(key);
  if (!linter) linters.set(key, (linter = makeLinter(!!page.handout, allow)));
  return linter;
}

/** Readability figures of one page. */
export interface PageReadability {
  file: string;
  handout: boolean;
  words: number;
  sentences: number;
  /** Flesch-Kincaid grade level. */
  grade: number;
}

/**
 * Lints the prose of an English page with retext (hard sentences, insensitive wording, apart
 * from the words its front matter allows in `lint.allow`), reporting warnings at the paragraph
 * they are in, and measures its reading grade.
 */
export async function lintPage(page: Page, diagnostics: Diagnostics): Promise<PageReadability> {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  const lint = linterFor(page);
  for (const unit of textUnits(page.blocks)) {
    const file = new VFile(unit.text);
    await lint.run(lint.parse(file), file);
    for (const message of file.messages) {
      const line = unit.position.line + (message.line ?? 1) - 1;
      const place = { file: unit.position.file, line, column: message.line === 1 ? unit.position.column : (message.column ?? 1) };
      if (message.source === 'retext-readability') diagnostics.report('readability', { case: 'sentence', sentence: typeof message.actual === 'string' ? message.actual : '', reason: message.reason }, place);
      else diagnostics.report('wording', { reason: message.reason }, place);
    }
    const tree = parse.parse(unit.text) as Root;
    visit(tree, (node) => {
      if (node.type === 'SentenceNode') sentences++;
      if (node.type === 'WordNode') {
        const word = toString(node);
        if (/\p{L}/u.test(word)) {
          words++;
          syllables += Math.max(1, syllable(word));
        }
      }
    });
  }
  const grade = words && sentences ? Math.max(0, 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59) : 0;
  const result = { file: page.file, handout: !!page.handout, words, sentences, grade: Math.round(grade * 10) / 10 };
  if (result.handout && result.grade > HANDOUT_GRADE_TARGET) {
    diagnostics.report('readability', { case: 'handout', grade: result.grade, target: HANDOUT_GRADE_TARGET }, { file: page.file, line: 1, column: 1 });
  }
  return result;
}
