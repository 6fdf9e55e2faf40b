import { Font } from '@react-pdf/renderer';
import { wordBreakParts } from './word-breaks.ts';
import { fontFiles } from './font-files.ts';
import { installHarfBuzzShaping } from './shaping/install-shaping.ts';

let registered = false;

/** Registers every family with react-pdf once per process and turns hyphenation off. */
export function registerFonts(): void {
  if (registered) return;
  registered = true;
  installHarfBuzzShaping(fontFiles['noto-sans'].regular);
  for (const [family, files] of Object.entries(fontFiles)) {
    Font.register({
      family,
      fonts: [
        { src: files.regular, fontWeight: 400, fontStyle: 'normal' },
        { src: files.bold, fontWeight: 700, fontStyle: 'normal' },
        { src: files.italic, fontWeight: 400, fontStyle: 'italic' },
        { src: files.boldItalic, fontWeight: 700, fontStyle: 'italic' },
      ],
    });
  }
  // Note: react-pdf's English hyphenation splits words oddly (and phone numbers); lines break at
  // spaces, inside Chinese text where the Unicode line-breaking rules allow it, and inside long
  // words such as web addresses after `/ . - ? &` (see word-breaks.ts).
  Font.registerHyphenationCallback((word) => wordBreakParts(word));
}
