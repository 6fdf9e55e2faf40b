/**
 * Rewrites the URLs of a style sheet: every `url(...)` and every `@import "..."`.
 *
 * A small scanner, not a pattern over the whole text: comments and strings are skipped
 * as units, so a `url(` inside a comment or a string is left alone.
 */
export function rewriteCssUrls(css: string, rewrite: (url: string) => string): string {
  let out = '';
  let i = 0;
  let afterImport = false;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      const stop = end === -1 ? css.length : end + 2;
      out += css.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const stop = stringEnd(css, i);
      const literal = css.slice(i, stop);
      out += afterImport ? replaced(literal, unquote(literal), rewrite) : literal;
      afterImport = false;
      i = stop;
      continue;
    }
    if (isUrlStart(css, i)) {
      const parsed = readUrl(css, i + 4);
      if (parsed) {
        out += replaced(css.slice(i, parsed.end), parsed.url, rewrite, (u) => `url(${u})`);
        afterImport = false;
        i = parsed.end;
        continue;
      }
    }
    if (c === '@' && css.slice(i + 1, i + 7).toLowerCase() === 'import' && !isNameChar(css[i + 7])) {
      afterImport = true;
      out += css.slice(i, i + 7);
      i += 7;
      continue;
    }
    if (afterImport && !/\s/.test(c)) afterImport = false;
    out += c;
    i += 1;
  }
  return out;
}

function isUrlStart(css: string, i: number): boolean {
  return css.slice(i, i + 4).toLowerCase() === 'url(' && !isNameChar(css[i - 1]);
}

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[\w-]/.test(c);
}

/** Index just after the string literal that starts at `start`. */
function stringEnd(css: string, start: number): number {
  const q = css[start];
  let i = start + 1;
  while (i < css.length && css[i] !== q && css[i] !== '\n') i += css[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, css.length);
}

/** Reads the inside of `url(` ... `)` from `i` (just after the parenthesis). */
function readUrl(css: string, i: number): { url: string; end: number } | undefined {
  let j = i;
  while (/\s/.test(css[j] ?? '')) j += 1;
  let url: string;
  if (css[j] === '"' || css[j] === "'") {
    const stop = stringEnd(css, j);
    url = unquote(css.slice(j, stop));
    j = stop;
  } else {
    const close = css.indexOf(')', j);
    if (close === -1) return undefined;
    url = css.slice(j, close).trim().replace(/\\(.)/g, '$1');
    j = close;
  }
  while (/\s/.test(css[j] ?? '')) j += 1;
  if (css[j] !== ')') return undefined;
  return { url, end: j + 1 };
}

/** The original text when the URL does not change, otherwise the new URL quoted. */
function replaced(original: string, url: string, rewrite: (url: string) => string, wrap = (u: string) => u): string {
  const next = rewrite(url);
  return next === url ? original : wrap(quote(next));
}

function unquote(literal: string): string {
  return literal.slice(1, literal.endsWith(literal[0]!) && literal.length > 1 ? -1 : undefined).replace(/\\(.)/g, '$1');
}

function quote(url: string): string {
  return `"${url.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\a ' : `\\${c}`))}"`;
}
