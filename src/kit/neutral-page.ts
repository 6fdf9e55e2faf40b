import type { Locale } from '../core/model.ts';
import { kitPagePolicy } from './csp.ts';
import { escapeHtml as e, uiText } from './kit-text.ts';

/**
 * `neutral.html`: where the quick exit leads inside the kit. A plain page with a generic
 * title that says nothing about the toolkit, so a glance at the screen gives nothing away.
 */
export function neutralPage(locale: Locale): string {
  const style = 'body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #222; }';
  return `<!doctype html>
<html lang="${e(locale.lang)}" dir="${locale.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(uiText(locale, 'kitNeutralTitle'))}</title>
<meta http-equiv="Content-Security-Policy" content="${e(kitPagePolicy(style))}">
<style>${style}</style>
</head>
<body>
<main>
<h1>${e(uiText(locale, 'kitNeutralTitle'))}</h1>
<p>${e(uiText(locale, 'kitNeutralText'))}</p>
</main>
</body>
</html>
`;
}
