import LineBreaker from 'linebreak';

/** Han, kana, CJK punctuation and full-width forms: text that wraps without spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Splits a space-free run of text at the places the Unicode line-breaking algorithm (UAX #14)
 * allows a break, with an empty string between the parts: react-pdf's textkit reads an empty
 * part as zero-width glue, so it may break there without adding a hyphen.
 * Note: UAX #14 forbids a break before 。，、；：？！）」』 and after （「『, which is the rule Chinese
 * typesetting follows. Text without CJK characters is returned whole (lines break at spaces).
 */
export function cjkBreakParts(word: string): string[] {
  if (!CJK.test(word)) return [word];
  const parts: string[] = [];
  const breaker = new LineBreaker(word);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.position <= last) continue;
    if (parts.length) parts.push('');
    parts.push(word.slice(last, bk.position));
    last = bk.position;
  }
  if (last < word.length) {
    if (parts.length) parts.push('');
    parts.push(word.slice(last));
  }
  return parts;
}
