import type { Locale, Toolkit } from '../core/model.ts';
import type { PrintContext } from '../../templates/handouts/parts/print-context.ts';
import { createStyles, ink, TITLE_LINE_HEIGHT } from '../../templates/handouts/parts/styles.ts';
import { inkBelowLine } from './text-depth.ts';
import { fontStyle } from './font-files.ts';
import type { HandoutJob, HandoutPage } from './handout-job.ts';
import { paperSizes } from './paper.ts';
import type { PrintAssets } from './print-assets.ts';
import { formatUi } from './print-text.ts';
import { qrCode } from './qr-code.ts';
import { pageUrl, shortUrl } from './site-url.ts';

/** Builds what a template needs for one job at a body size, with `footerSpace` kept free at the bottom. */
export function createPrintContext(toolkit: Toolkit, locale: Locale, page: HandoutPage, job: HandoutJob, fontSize: number, footerSpace: number, assets: PrintAssets = {}): PrintContext {
  // A fallback page is text in the source language: print it in that language's font and direction.
  const textLocale = toolkit.locales.find((l) => l.code === page.contentLocale) ?? locale;
  const url = pageUrl(toolkit, locale, page);
  const styles = createStyles(fontSize, textLocale.dir, locale.dir);
  const title = page.handout.title ?? page.title;
  return {
    toolkit,
    locale,
    page,
    handout: page.handout,
    title,
    paper: job.paper,
    sheet: paperSizes[job.paper],
    fontSize,
    lang: textLocale.lang,
    dir: textLocale.dir,
    chromeDir: locale.dir,
    bodyFont: fontStyle(textLocale.font),
    chromeFont: fontStyle(locale.font),
    url,
    shortUrl: shortUrl(url),
    qr: qrCode(url),
    draft: page.translation?.review === 'draft' || page.fallback,
    footerSpace,
    optionalParts: true,
    styles,
    titleOverhang: inkBelowLine(locale.font, title, styles.title.fontSize as number, TITLE_LINE_HEIGHT),
    logo: assets.logo && { image: assets.logo, alt: logoAlt(toolkit, locale) },
    ruleColour: toolkit.branding.primary ?? ink.rule,
    t: (key, values) => formatUi(locale.ui, key, values),
  };
}

/** The logo's alt text in a locale: its own, else the default locale's, else the organisation's name. */
function logoAlt(toolkit: Toolkit, locale: Locale): string {
  const alt = toolkit.branding.logo?.alt ?? {};
  return alt[locale.code] ?? alt[toolkit.defaultLocale] ?? toolkit.organisation.name;
}
