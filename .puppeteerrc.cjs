/** Puppeteer (pulled in by pa11y) must never download a browser: we use Debian's Chromium. */
module.exports = { skipDownload: true };
