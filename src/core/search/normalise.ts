// How search text is cut into terms, the same at build time (the index) and in the browser
// (the query): src/site/client/search.ts bundles this file. Keep it free of Node APIs.

/** Letters whose accents and marks are folded away: "niño" -> "nino", "dấu" -> "dau", "عَلامات" -> "علامات". */
const FOLDED_MARKS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}])\p{M}+/gu;

/** Arabic letters written in more than one way, each with the form it is searched as. */
const ARABIC_LETTERS: Record<string, string> = {
  'ٱ': 'ا', // alef wasla (أ إ آ lose their hamza or madda with the marks)
  'ى': 'ي', // alef maksura
  'ة': 'ه', // teh marbuta
  'ـ': '', // tatweel, a stretch of the line, not a letter
};

/**
 * Arabic prefixes ("and the", "with the", "the", "and", "for"...) that a search without them should
 * still find, each with the letters that must be left after it.
 */
const ARABIC_PREFIXES: [prefix: string, rest: number][] = [['وال', 3], ['بال', 3], ['فال', 3], ['كال', 3], ['لل', 3], ['ال', 3], ['و', 4], ['ب', 4], ['ل', 4]];

/** One word as it is searched: lower case, accents and marks folded, Arabic letter forms unified. */
export function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(FOLDED_MARKS, '$1')
    .replace(/[ٱىةـ]/g, (letter) => ARABIC_LETTERS[letter] ?? letter)
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/** The forms one word is indexed under: itself and, for an Arabic word, without its article. */
export function termVariants(word: string): string[] {
  const term = normaliseWord(word);
  if (!term) return [];
  const found = ARABIC_PREFIXES.find(([prefix, rest]) => term.startsWith(prefix) && term.length - prefix.length >= rest);
  return found ? [term, term.slice(found[0].length)] : [term];
}

const segmenters = new Map<string, Intl.Segmenter>();

/** A word segmenter for a language (Chinese and Japanese have no spaces between words). */
function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** The words of a text, each with where it starts, in the text's own spelling. */
export function words(text: string, lang: string): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  for (const segment of segmenterFor(lang).segment(text)) {
    if (segment.isWordLike) out.push({ word: segment.segment, index: segment.index });
  }
  return out;
}

/** The words of a text as the index stores them (before `termVariants`). */
export function tokenise(text: string, lang: string): string[] {
  return words(text, lang).map((w) => w.word);
}
