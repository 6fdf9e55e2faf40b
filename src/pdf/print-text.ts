import type { Hotline, HotlineInline, Locale, UiStrings } from '../core/model.ts';
import { fillPlaceholders } from '../core/fill-placeholders.ts';
import { shortName } from '../core/format.ts';
import { shortUrl } from './site-url.ts';

/** An interface string with its `{name}` placeholders filled in. */
export function formatUi(ui: UiStrings, key: string, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(ui[key] ?? '', values);
}

/**
 * A number or address that must read left to right inside right-to-left text.
 * Note: by the bidi rules, `1-800-555-0100` after Arabic letters shows as `0100-555-800-1`;
 * a LEFT-TO-RIGHT MARK on each side keeps it whole. Left-to-right text is returned as it is.
 */
export function keepLtr(text: string, rtl: boolean): string {
  return rtl ? `\u200e${text}\u200e` : text;
}

/**
 * The ways to reach a hotline, as printed: `Call 911`, `Text 233733`, `example.org`.
 * Note: paper cannot be clicked, so a phone reference also prints the web address when the
 * hotline has one (`1-800-843-5678, report.cybertip.org`).
 */
export function hotlineContacts(hotline: Hotline, show: HotlineInline['show'], ui: UiStrings, verbs = show === 'all', rtl = false): string[] {
  // A no-break space keeps "Call" on the same line as its number.
  const phone = hotline.phone ? (verbs ? `${ui.callPhone}\u00a0` : '') + keepLtr(hotline.phone, rtl) : undefined;
  const sms = hotline.sms ? `${ui.textSms}\u00a0${keepLtr(hotline.sms, rtl)}${hotline.smsBody ? ` (${hotline.smsBody})` : ''}` : undefined;
  const url = hotline.url ? keepLtr(shortUrl(hotline.url).replace(/\/$/, ''), rtl) : undefined;
  const wanted = show === 'all' ? [phone, sms, url] : show === 'sms' ? [sms] : show === 'url' ? [url] : [phone, url];
  return wanted.filter((part): part is string => Boolean(part));
}

/** The hotlines printed in every handout footer: the primary ones, with a phone or text number or a web address. */
export function footerHotlines(locale: Locale): Hotline[] {
  return locale.hotlines.filter((hotline) => hotline.primary && (hotline.phone || hotline.sms || hotline.url));
}

/**
 * A hotline's name as the footer prints it, without a closing explanation in brackets
 * ("CyberTipline (National Center for Missing & Exploited Children)" gives "CyberTipline"),
 * so that each hotline keeps to one line; the body and the hotline list print the full name.
 */
export function footerLabel(label: string): string {
  return label.replace(/\s*\([^()]*\)\s*$/, '') || label;
}

/** A citation as printed: `(NCMEC)`, the source's short name, or the id when the source is unknown. */
export function citationText(locale: Locale, id: string): string {
  const name = locale.sources.find((source) => source.id === id)?.name;
  return `(${name ? shortName(name) : id})`;
}

/**
 * What a printed link adds after its text so a reader of paper can follow it:
 * ` (example.org/page)` when the text does not already show the address, else nothing.
 */
export function linkAddress(href: string, text: string): string {
  if (!/^(https?:|mailto:|tel:)/i.test(href)) return '';
  const address = shortUrl(href).replace(/\/$/, '');
  const host = address.split('/')[0]!.replace(/^www\./, '').toLowerCase();
  return text.toLowerCase().includes(host) ? '' : ` (${address})`;
}
