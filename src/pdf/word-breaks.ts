import { cjkBreakParts } from './cjk-line-breaks.ts';

/**
 * A word at least this long may break inside, after `/ . - ? &`; shorter words break at spaces
 * only. Note: 30 characters at 12 pt fit the narrowest column (a card, about 200 pt), so shorter
 * words never need it, and `report.cybertip.org` is not split inside an Arabic line.
 */
export const LONG_WORD = 30;

/** A place inside a word after a run of URL separators, with a letter or digit still to come. */
const AFTER_SEPARATOR = /(?<=[/.\-?&])(?=[^/.\-?&])/u;

/**
 * The parts react-pdf may break a word into, with an empty string (zero-width glue, no hyphen
 * added) between them: Chinese text where UAX #14 allows, and a long word such as a web address
 * after each `/`, `.`, `-`, `?` or `&`, so `example.org/a-long/path?x=1&y=2` wraps instead of
 * running past the edge of the page.
 * Note: short words are left whole, so `e.g.`, `1.5` and phone numbers never break.
 */
export function wordBreakParts(word: string): string[] {
  const cjk = cjkBreakParts(word);
  if (cjk.length > 1 || word.length < LONG_WORD) return cjk;
  const pieces = word.split(AFTER_SEPARATOR).filter(Boolean);
  return pieces.flatMap((piece, index) => (index === 0 ? [piece] : ['', piece]));
}
