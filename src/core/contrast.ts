/** Relative luminance of a `#rrggbb` colour (WCAG 2.x). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** WCAG 2.2 AA for body text. */
export const AA_TEXT = 4.5;

/** The colours of the theme the branding colours are drawn with or on (see src/styles/site.css). */
export const THEME = { text: '#ffffff', page: '#fbfaf7', surface: '#ffffff' } as const;

/** Each pair a branding colour must pass, in words for the message. */
export const BRAND_PAIRS = {
  primary: [{ with: THEME.text, what: 'the white text of the header and buttons' }],
  accent: [
    { with: THEME.page, what: 'the page background' },
    { with: THEME.surface, what: 'the white boxes' },
  ],
} as const;
