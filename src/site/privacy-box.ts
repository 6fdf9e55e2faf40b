import type { Element } from 'hast';
import type { Locale } from '../core/model.ts';
import { h } from './render/h.ts';

/** The id of the privacy box on the help page, for links to it. */
export const PRIVACY_ID = 'kp-private';

/**
 * "Leave fewer traces": on the page that lists every hotline, how to use a private window and
 * how to clear the history. The quick exit replaces the history entry, but leaves earlier ones.
 */
export function privacyBox(locale: Locale): Element {
  return h('section', { className: ['callout', 'callout-important', 'privacy-tip'], id: PRIVACY_ID, ariaLabelledby: `${PRIVACY_ID}-title`, lang: locale.lang, dir: locale.dir },
    h('h2', { id: `${PRIVACY_ID}-title` }, locale.ui.privacyTitle),
    h('p', {}, locale.ui.privacyTip));
}
