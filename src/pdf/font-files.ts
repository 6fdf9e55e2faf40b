import { createRequire } from 'node:module';
import type { FontFamily } from '../core/model.ts';

const require = createRequire(import.meta.url);

/** The four TTF files of a family; Noto Sans Arabic has no italics, so its upright files stand in. */
interface FamilyFiles {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}


/** Where each family's TTF files are, from local packages (never the network). */
export const fontFiles: Record<FontFamily, FamilyFiles> = {
  'atkinson-hyperlegible': {
    regular: require.resolve('@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf'),
    italic: require.resolve('@expo-google-fonts/atkinson-hyperlegible/400Regular_Italic/AtkinsonHyperlegible_400Regular_Italic.ttf'),
    boldItalic: require.resolve('@expo-google-fonts/atkinson-hyperlegible/700Bold_Italic/AtkinsonHyperlegible_700Bold_Italic.ttf'),
  },
  'noto-sans': {
    regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
    italic: require.resolve('@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
    boldItalic: require.resolve('@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf'),
  },
  'noto-sans-arabic': {
    regular: require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
    italic: require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
    boldItalic: require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
  },
  // Simplified Chinese (about 10 MB a weight; only the glyphs a handout uses are embedded). No italics either.
  'noto-sans-sc': {
    regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
    italic: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    boldItalic: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  },
};

/** The name a person would look for, per family (in messages). */
export const fontNames: Record<FontFamily, string> = {
  'atkinson-hyperlegible': 'Atkinson Hyperlegible',
  'noto-sans': 'Noto Sans',
  'noto-sans-arabic': 'Noto Sans Arabic',
  'noto-sans-sc': 'Noto Sans SC',
};

/**
 * Families tried in turn for a character the locale's own font lacks.
 * Note: Noto Sans SC is not a fallback: react-pdf would load its 10 MB for every handout.
 */
const FALLBACKS: FontFamily[] = ['noto-sans', 'noto-sans-arabic'];

/** The font stack for text in a locale's font: its own family first, then the Noto fallbacks. */
export function fontStack(primary: FontFamily): FontFamily[] {
  return [primary, ...FALLBACKS.filter((family) => family !== primary)];
}

/** The style that selects a family: its stack, and the OpenType features to turn off. */
export interface FontStyle {
  fontFamily: FontFamily[];
  fontFeatureSettings?: Record<string, boolean>;
}

/**
 * The font style for text in a family.
 * Note: Noto Sans's `ccmp` feature draws Vietnamese letters such as "ọ" as a base letter plus
 * a mark, and pdfkit then maps the plain "o" glyph to "ọ" for copying and search. Without
 * `ccmp` its precomposed letters are used. Arabic needs `ccmp` (and any feature list passed
 * to fontkit turns its Arabic joining off), so Noto Sans Arabic keeps the defaults.
 */
export function fontStyle(primary: FontFamily): FontStyle {
  return primary === 'noto-sans' ? { fontFamily: fontStack(primary), fontFeatureSettings: { ccmp: false } } : { fontFamily: fontStack(primary) };
}
