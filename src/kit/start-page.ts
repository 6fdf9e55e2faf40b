import { kitPagePolicy } from './csp.ts';
import type { Locale, Toolkit } from '../core/model.ts';
import { offeredHandouts, type HandoutFile } from '../core/outputs.ts';
import { languageName } from '../core/language-name.ts';
import { encodePath } from './resolve-url.ts';
import { escapeHtml as e, uiText } from './kit-text.ts';
import { dialDigits, displayUrl, fileFacts, formatBytes } from '../core/format.ts';
import { kitPageNames } from './kit-layout.ts';
import type { KitPlan } from './kit-layout.ts';

/** What the start page lists. */
export interface StartPageInput {
  toolkit: Toolkit;
  plan: KitPlan;
  handouts: HandoutFile[];
  /** Site path -> kit path of every site file in the kit. */
  layout: ReadonlyMap<string, string>;
}

const style = `
  html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 112.5%; line-height: 1.6; color: #1b1b1b; background: #fff; }
  body { margin: 0 auto; max-width: 42rem; padding: 1.5rem 1.25rem 3rem; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
  h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; }
  h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
  a { color: #0b4f9c; text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
  a:focus-visible { outline: 3px solid #b35a00; outline-offset: 2px; }
  .open { display: inline-block; padding: 0.6rem 1.1rem; border-radius: 0.4rem; background: #0b4f9c; color: #fff; font-weight: 700; text-decoration: none; }
  .open:hover { background: #083a73; }
  ul { padding-inline-start: 1.25rem; }
  li { margin: 0.4rem 0; }
  .meta { color: #4a4a4a; }
  .logo img { height: 3rem; width: auto; max-width: 12rem; }
  .warning { padding: 0.75rem 1rem; border: 3px solid #b42318; border-radius: 0.4rem; font-weight: 700; }
  .hotlines { margin: 1rem 0 1.5rem; padding: 0.5rem 1rem; border: 2px solid #1e6b48; border-radius: 0.4rem; background: #eef5f1; }
  .hotlines h2 { margin-top: 0.5rem; }
  .hotlines ul { list-style: none; padding: 0; }
  footer { margin-top: 3rem; border-top: 1px solid #c8c8c8; padding-top: 1rem; color: #4a4a4a; }
`;

/** `START-HERE.html`: what the kit is, how to open and print it, what is inside, the licence. */
export function startPage({ toolkit, plan, handouts, layout }: StartPageInput): string {
  const ui = plan.ui;
  const t = (key: string, values?: Record<string, string | number>) => e(uiText(ui, key, values));
  const href = (sitePath: string) => {
    const inKit = layout.get(sitePath);
    if (inKit === undefined) throw new Error(`The start page links to ${sitePath}, which the ${plan.id} kit does not hold.`);
    return e(encodePath(inKit));
  };
  const home = (locale: Locale) => href(locale.isDefault ? 'index.html' : `${locale.code}/index.html`);
  const single = plan.locales.length === 1;
  const brand = toolkit.branding.logo;
  const logoAlt = brand ? (brand.alt[ui.code] ?? brand.alt[toolkit.defaultLocale] ?? toolkit.organisation.name) : '';
  const logo = brand && layout.has(`assets/${brand.file}`) ? `<p class="logo"><img src="${href(`assets/${brand.file}`)}" alt="${e(logoAlt)}"></p>\n` : '';
  const inside = single
    ? handoutList(plan.locales[0]!, toolkit, handouts, href)
    : plan.locales
        .map((locale) => {
          const attrs = `lang="${e(locale.lang)}" dir="${locale.dir}"`;
          return `<section ${attrs}>\n<h3>${e(locale.name)}</h3>\n<p><a href="${home(locale)}">${e(uiText(locale, 'kitOpenSite'))}</a></p>\n${handoutList(locale, toolkit, handouts, href)}</section>`;
        })
        .join('\n');
  const licenceNames = { licence: toolkit.licence.content, codeLicence: toolkit.licence.code };
  // Note: opened from inside the zip (Windows Explorer copies out only the page), the style sheet beside it is
  // missing, so the warning it hides shows. The page's policy allows no script, so a style sheet does the check.
  // The hotlines come first: a facilitator may need them before anything else.
  const help = helpSection(ui);
  return `<!doctype html>
<html lang="${e(ui.lang)}" dir="${ui.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('kitStartTitle')} · ${e(ui.title)}</title>
<meta http-equiv="Content-Security-Policy" content="${e(kitPagePolicy(style))}">
<style>${style}</style>
<link rel="stylesheet" href="${kitPageNames.zipCheck}">
</head>
<body>
<main>
<p id="kp-zip-warning" class="warning">${t('kitZipWarning')}</p>
${logo}<h1>${t('kitStartTitle')}: ${e(ui.title)}</h1>
${help ? `<section class="hotlines">\n${help}</section>\n` : ''}<p>${t('kitStartIntro')}</p>
<p><strong>${t('kitExtractFirst')}</strong></p>
<p>${t('kitHowToOpen')}</p>
<p><a class="open" href="${home(plan.locales.length === 1 ? plan.locales[0]! : ui)}">${t('kitOpenSite')}</a></p>
<h2>${t('kitWhatsInside')}</h2>
<p>${t('kitHowToPrint')}</p>
${inside}
<h2>${t('kitLicence')}</h2>
<p>${t('footerLicence', licenceNames)}</p>
<ul>
<li><a href="LICENSE-content.txt">LICENSE-content.txt</a></li>
<li><a href="LICENSE-code.txt">LICENSE-code.txt</a></li>
</ul>
<p>${t('kitChecksums')}</p>
</main>
<footer>
<p>${t('handoutFooter', { title: ui.title, version: toolkit.version, date: longDate(toolkit.date, ui.lang) })}</p>
<p>${e(toolkit.organisation.name)}</p>
</footer>
</body>
</html>
`;
}

/** "Get help now": every hotline with its number, text number and web address, then where they work. */
function helpSection(locale: Locale): string {
  if (locale.hotlines.length === 0) return '';
  const items = locale.hotlines.map((hotline) => {
    const contacts = [
      hotline.phone ? `${e(uiText(locale, 'callPhone'))} <a href="tel:${e(dialDigits(hotline.phone))}"><bdi dir="ltr">${e(hotline.phone)}</bdi></a>` : '',
      hotline.sms ? `${e(uiText(locale, 'textSms'))} <a href="sms:${e(hotline.sms.replace(/[^\d+]/g, ''))}"><bdi dir="ltr">${e(hotline.sms)}</bdi></a>` : '',
      hotline.url ? `<a href="${e(hotline.url)}"><bdi dir="ltr">${e(displayUrl(hotline.url))}</bdi></a>` : '',
    ].filter(Boolean);
    return `<li><strong>${e(hotline.label)}</strong>: ${contacts.join(' · ')}</li>`;
  });
  const area = locale.ui.hotlinesArea ? `<p>${e(locale.ui.hotlinesArea)}</p>\n` : '';
  return `<h2>${e(uiText(locale, 'getHelp'))}</h2>\n<ul>\n${items.join('\n')}\n</ul>\n${area}`;
}

/** The handouts of a locale in page order, each with a link per paper size. */
function handoutList(locale: Locale, toolkit: Toolkit, handouts: HandoutFile[], href: (sitePath: string) => string): string {
  // A page shown untranslated offers the source language's PDF, saying which language it is in.
  const mine = offeredHandouts(locale, handouts);
  if (mine.length === 0) return '';
  const items = locale.pages
    .filter((page) => mine.some((h) => h.slug === page.slug))
    .map((page) => {
      const files = mine.filter((h) => h.slug === page.slug).sort((a, b) => toolkit.paper.indexOf(a.paper) - toolkit.paper.indexOf(b.paper));
      const links = files.map((file) => {
        const paper = uiText(locale, file.paper === 'a4' ? 'paperA4' : 'paperLetter');
        const details = fileFacts([uiText(locale, 'pdfFile'), uiText(locale, 'pagesCount', { count: file.pages }, file.pages), formatBytes(file.bytes, locale.lang)]);
        const other = file.locale !== locale.code ? toolkit.locales.find((l) => l.code === file.locale) : undefined;
        const language = other ? `, ${uiText(locale, 'handoutInLanguage', { language: languageName(locale.lang, other.lang) })}` : '';
        return `<a href="${href(file.path)}"${other ? ` hreflang="${e(other.lang)}"` : ''}>${e(paper)}${e(language)}</a> <span class="meta">(${e(details)})</span>`;
      });
      return `<li>${e(files[0]!.title)}: ${links.join(' · ')}</li>`;
    });
  return `<ul>\n${items.join('\n')}\n</ul>\n`;
}

/** `2026-11-22` as the language writes it, e.g. "November 22, 2026". */
function longDate(date: string, lang: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.valueOf()) ? date : new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}
