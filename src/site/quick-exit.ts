import { inlineHash, pagePolicy } from '../core/content-security-policy.ts';

/** Where "Leave this site" goes on a hosted site: a page that looks like nothing in particular. */
export const NEUTRAL_URL = 'https://www.google.com/search?q=weather';

/**
 * The only script of the site: a classic (not module) script, so it also runs from file://.
 * A click on the quick exit, or Shift pressed three times in a row, each within five seconds (the GOV.UK
 * pattern), replaces this page in the history with the neutral page, so Back does not return.
 * It reads the target from `data-neutral-url`, which the offline kit may point at a local page.
 * Without JavaScript the link still goes to the neutral page.
 */
export const QUICK_EXIT_SCRIPT = `(function () {
  var link = document.querySelector('[data-quick-exit]');
  if (!link) return;
  var presses = 0, timer = 0;
  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.className += ' leaving';
    window.location.replace(link.getAttribute('data-neutral-url') || link.href);
  }
  link.addEventListener('click', leave);
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Shift') { presses = 0; return; }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 5000);
    if (presses >= 3) { presses = 0; leave(); }
  });
})();`;

/** The Content-Security-Policy of every site page: the one inline script by its hash and the site's own script files. */
export function contentSecurityPolicy(script: string): string {
  return pagePolicy(["'self'", inlineHash(script)], ["'self'"]);
}
