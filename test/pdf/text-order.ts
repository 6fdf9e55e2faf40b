/** Words as a reader searches for them: NFC, lower case; Han and kana one character each (they are written without spaces). */
export function words(text: string, lang: string): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFC').toLowerCase().replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, ''))) {
    if (!isWordLike) continue;
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(segment)) out.push(...segment);
    else out.push(segment);
  }
  return out;
}

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/**
 * Right-to-left lines as `pdftotext -raw` gives them back in reading order. Note: poppler keeps
 * each drawn piece of Arabic in logical order, wrapped in embedding marks, but lists the pieces
 * and words of a line as drawn, left to right: a word drawn in two pieces (a mark's offset splits
 * the text object) is its pieces reversed, and the words of the line come in reverse.
 * To do: a Latin phrase of several words inside an Arabic line comes out with its words reversed.
 */
export function logicalOrder(text: string): string {
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
export function inOrder(wanted: string[], found: string[]): number {
  let previous = new Uint16Array(found.length + 1);
  for (const word of wanted) {
    const current = new Uint16Array(found.length + 1);
    for (let j = 1; j <= found.length; j += 1) current[j] = word === found[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    previous = current;
  }
  return previous[found.length]!;
}
