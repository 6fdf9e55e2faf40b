import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { visit } from 'unist-util-visit';
import { toString } from 'nlcst-to-string';
import { syllable } from 'syllable';
import type { Root } from 'nlcst';

/** Words, sentences and syllables of a text. */
export interface TextCounts {
  words: number;
  sentences: number;
  syllables: number;
}

const parser = unified().use(retextEnglish);

/**
 * Counts the words, sentences and syllables of prose units (each measured on its own, so a
 * sentence never runs from one paragraph into the next). Sentences and words come from
 * retext's tokenizer; a word is a token with a letter in it.
 */
export function countText(units: readonly string[], syllables: (word: string) => number): TextCounts {
  const counts: TextCounts = { words: 0, sentences: 0, syllables: 0 };
  for (const unit of units) {
    const tree = parser.parse(unit) as Root;
    visit(tree, (node) => {
      if (node.type === 'SentenceNode' && /\p{L}/u.test(toString(node))) counts.sentences++;
      if (node.type === 'WordNode') {
        const word = toString(node);
        if (!/\p{L}/u.test(word)) return;
        counts.words++;
        counts.syllables += Math.max(1, syllables(word));
      }
    });
  }
  return counts;
}

/** Flesch-Kincaid US grade level of English prose: 0.39 (words/sentence) + 11.8 (syllables/word) - 15.59. */
export function fleschKincaidGrade(units: readonly string[]): number {
  const { words, sentences, syllables } = countText(units, (word) => syllable(word));
  if (!words || !sentences) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

const strong = 'aeoáéóíúàèò';
const weak = 'iuüy';

/**
 * Syllables of a Spanish word, by its vowel nuclei: a weak vowel (i, u, ü, or y not before a
 * vowel) joins the vowel next to it into one syllable (diphthongs: ciu-dad, ai-re, buey);
 * two strong vowels, or a written accent on i or u, part them (hiatus: ca-e, le-í-a, pa-ís).
 * The u of que, qui, gue and gui is silent.
 */
export function spanishSyllables(word: string): number {
  const letters = word
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^a-zñáéíóúüàèò]/g, '')
    .replace(/([qg])u([eiéí])/g, '$1$2');
  let count = 0;
  let previous = '';
  for (let index = 0; index < letters.length; index++) {
    const char = letters[index]!;
    // y is a vowel only where no vowel follows it (hay, muy, the word "y"), a consonant in yo, playa.
    const yIsVowel = !/[aeiouáéíóú]/.test(letters[index + 1] ?? '');
    const isVowel = strong.includes(char) || (weak.includes(char) && (char !== 'y' || yIsVowel));
    if (!isVowel) {
      previous = '';
      continue;
    }
    if (previous && !(strong.includes(previous) && strong.includes(char))) {
      previous = char;
      continue;
    }
    count++;
    previous = char;
  }
  return Math.max(1, count);
}

/** INFLESZ (Szigriszt-Pazos perspicuity) of Spanish prose: 206.835 - 62.3 (syllables/word) - (words/sentence). */
export function inflesz(units: readonly string[]): number {
  const { words, sentences, syllables } = countText(units, spanishSyllables);
  if (!words || !sentences) return 0;
  return 206.835 - 62.3 * (syllables / words) - words / sentences;
}

/**
 * Fernández-Huerta readability of Spanish prose: 206.84 - 0.60 (syllables per 100 words) - 1.02
 * (words per sentence). Note: many copies give the last term as sentences per 100 words, which
 * makes shorter sentences score worse; Fernández Huerta adapted Flesch's words per sentence.
 */
export function fernandezHuerta(units: readonly string[]): number {
  const { words, sentences, syllables } = countText(units, spanishSyllables);
  if (!words || !sentences) return 0;
  return 206.84 - 0.6 * ((syllables / words) * 100) - 1.02 * (words / sentences);
}
